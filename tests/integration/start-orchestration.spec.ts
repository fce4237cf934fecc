/**
 * `npm start` itself: a stage that fails gives one clear line and a non-zero
 * exit, and leaves no process behind — including the embedded PostgreSQL it
 * had already started.
 */
import { spawn, execSync } from "node:child_process"
import fs from "node:fs"
import net from "node:net"
import os from "node:os"
import path from "node:path"

const ROOT = path.resolve(__dirname, "..", "..")

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => resolve(port))
    })
  })
}

const running = new Set<number>()

// Whatever happens to a test, no `npm start` (or the PostgreSQL it started) outlives this file.
afterAll(() => {
  for (const pid of running) {
    try {
      process.kill(-pid, "SIGKILL")
    } catch {}
  }
})

function runStart(env: Record<string, string>, args: string[] = [], timeoutMs = 200_000) {
  return new Promise<{ code: number | null; out: string }>((resolve) => {
    // Its own process group, so a timeout can stop it and everything it started.
    const child = spawn(process.execPath, [path.join(ROOT, "scripts", "start.mjs"), ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    })
    running.add(child.pid!)
    let out = ""
    child.stdout.on("data", (d) => (out += d))
    child.stderr.on("data", (d) => (out += d))
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL")
      } catch {}
    }, timeoutMs)
    child.on("exit", (code) => {
      clearTimeout(timer)
      running.delete(child.pid!)
      resolve({ code, out })
    })
  })
}

function processesMentioning(text: string): string[] {
  const out = execSync("ps -eo pid,args", { encoding: "utf8" })
  return out.split("\n").filter((l) => l.includes(text) && !l.includes("ps -eo"))
}

describe("npm start orchestration", () => {
  it("refuses a taken backend port in one clear line, before starting anything", async () => {
    const blocker = net.createServer().listen(0, "127.0.0.1")
    await new Promise((r) => blocker.once("listening", r))
    const port = (blocker.address() as net.AddressInfo).port
    try {
      const res = await runStart({ BACKEND_PORT: String(port), STOREFRONT_PORT: String(await freePort()) })
      expect(res.code).not.toBe(0)
      expect(res.out).toMatch(new RegExp(`error: Port ${port} \\(backend\\) is already in use`))
    } finally {
      blocker.close()
    }
  })

  it("reports an unreachable DATABASE_URL clearly and exits non-zero", async () => {
    const dead = await freePort()
    const res = await runStart({
      DATABASE_URL: `postgres://nobody:secret@127.0.0.1:${dead}/ocop`,
      BACKEND_PORT: String(await freePort()),
      STOREFRONT_PORT: String(await freePort()),
    })
    expect(res.code).not.toBe(0)
    expect(res.out).toMatch(/error: cannot connect to PostgreSQL at postgres:\/\/nobody:\*\*\*@127\.0\.0\.1/)
    expect(res.out).not.toContain("secret")
  })

  it("stops the embedded PostgreSQL it started when a later stage fails", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ocop-start-"))
    fs.chmodSync(dataDir, 0o755)
    try {
      const res = await runStart({
        OCOP_DATA_DIR: dataDir,
        EMBEDDED_PG_PORT: String(await freePort()),
        BACKEND_PORT: String(await freePort()),
        STOREFRONT_PORT: String(await freePort()),
        // The seed stage fails: the catalogue file does not exist.
        OCOP_CATALOGUE_FILE: path.join(dataDir, "missing-catalogue.json"),
      })
      expect(res.code).not.toBe(0)
      expect(res.out).toMatch(/embedded PostgreSQL 17 on port/)
      expect(res.out).toMatch(/migrations done/)
      expect(res.out).toMatch(/error: .*seed failed/)
      expect(res.out).toMatch(/stopped\./)
      expect(processesMentioning(dataDir)).toEqual([])
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
    // Migrating a fresh database takes 15–30 s here, more on a busy machine.
  }, 240_000)
})
