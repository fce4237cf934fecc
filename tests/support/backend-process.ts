/**
 * An extra backend process on the shared test database: the built app in
 * backend/.medusa/server served with the same environment as the shared backend
 * (OCOP_BACKEND_ENV_JSON, set by scripts/test.mjs), on its own port and in its own
 * process group, so a test can kill -9 it, start a second one beside it, or point
 * it at Redis — without ever touching the shared backend.
 *
 * Every process started here is also killed when the test worker exits, so a failing
 * test leaves nothing behind; call `stop()` in afterAll all the same.
 */
import { spawn, type ChildProcess } from "node:child_process"
import fs from "node:fs"
import net from "node:net"
import path from "node:path"

const ROOT = path.resolve(__dirname, "..", "..")
const BUILT_DIR = path.join(ROOT, "backend", ".medusa", "server")
const MEDUSA = path.join(ROOT, "node_modules", ".bin", "medusa")

export type BackendProcess = {
  url: string
  port: number
  pid: number
  logFile: string
  /** Resolves when the process exits (with its code or signal). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** Sends `signal` to the whole process group (default SIGKILL) and waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<void>
  /** SIGTERM, then SIGKILL after a grace period; safe to call twice. */
  stop(): Promise<void>
}

export type StartBackendOptions = {
  /** Variables merged over the shared backend's environment (e.g. REDIS_URL). */
  env?: Record<string, string | undefined>
  /** Port to listen on; a free one when omitted. */
  port?: number
  /** Where stdout/stderr go; test-results/backend-<port>.log when omitted. */
  logFile?: string
  /** How long to wait for /health (a busy 2-core machine boots in 10–40 s). */
  timeoutMs?: number
}

const started = new Set<ChildProcess>()

function killGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal)
  } catch {}
}

// A worker that dies with a test in flight must not leave a backend running.
process.once("exit", () => {
  for (const child of started) if (child.pid) killGroup(child.pid, "SIGKILL")
})

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

/** The environment the shared backend was started with (scripts/test.mjs passes it). */
export function sharedBackendEnv(): Record<string, string> {
  const raw = process.env.OCOP_BACKEND_ENV_JSON
  if (!raw) throw new Error("OCOP_BACKEND_ENV_JSON is not set: run this through `npm test` (scripts/test.mjs).")
  return JSON.parse(raw)
}

export async function startBackendProcess(options: StartBackendOptions = {}): Promise<BackendProcess> {
  if (!fs.existsSync(path.join(BUILT_DIR, "package.json"))) throw new Error("backend/.medusa/server is missing: the backend is not built.")
  const port = options.port ?? (await freePort())
  const url = `http://localhost:${port}`
  const logFile = options.logFile ?? path.join(ROOT, "test-results", `backend-${port}.log`)
  fs.mkdirSync(path.dirname(logFile), { recursive: true })
  const env: Record<string, string> = {
    ...sharedBackendEnv(),
    PORT: String(port),
    MEDUSA_BACKEND_URL: url,
    NODE_ENV: "production",
  }
  for (const [k, v] of Object.entries(options.env ?? {})) {
    if (v === undefined) delete env[k]
    else env[k] = v
  }

  const out = fs.openSync(logFile, "a")
  // detached: its own process group, so kill(-pid) reaches `medusa start` and every child it forks.
  const child = spawn(MEDUSA, ["start"], { cwd: BUILT_DIR, env, detached: true, stdio: ["ignore", out, out] })
  fs.closeSync(out)
  started.add(child)
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => {
      started.delete(child)
      resolve({ code, signal })
    })
  )
  const pid = child.pid!
  let done = false
  exited.then(() => (done = true))

  const kill = async (signal: NodeJS.Signals = "SIGKILL") => {
    if (done) return
    killGroup(pid, signal)
    await exited
  }
  const stop = async () => {
    if (done) return
    killGroup(pid, "SIGTERM")
    const timeout = new Promise((r) => setTimeout(() => r("timeout"), 10_000))
    if ((await Promise.race([exited, timeout])) === "timeout") await kill("SIGKILL")
  }

  const deadline = Date.now() + (options.timeoutMs ?? 120_000)
  for (;;) {
    if (done) throw new Error(`the extra backend on port ${port} exited before it answered /health; see ${logFile}`)
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(3000) })
      if (res.ok) break
    } catch {}
    if (Date.now() > deadline) {
      await kill("SIGKILL")
      throw new Error(`the extra backend on port ${port} did not answer /health in time; see ${logFile}`)
    }
    await new Promise((r) => setTimeout(r, 300))
  }
  return { url, port, pid, logFile, exited, kill, stop }
}
