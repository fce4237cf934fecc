/**
 * Extra backend processes for tests: the built app (backend/.medusa/server, as
 * `scripts/lib/backend.mjs` serveBackend serves it) started with `medusa start`
 * in its own process group, its output in a log file, waited for on /health.
 * Without `env`, a process gets the shared test backend's environment
 * (OCOP_BACKEND_ENV_JSON, set by scripts/test.mjs): same database, own port —
 * so a test can kill -9 it without touching the shared backend.
 *
 * Every process started here is also killed when the test process exits, so a
 * crashed or timed-out test file leaves nothing behind; tests should still call
 * stop() (or stopAllBackendProcesses()) in afterAll.
 */
import { spawn } from "node:child_process"
import fs from "node:fs"
import net from "node:net"
import path from "node:path"

const ROOT = path.resolve(__dirname, "..", "..")
const MEDUSA = path.join(ROOT, "node_modules", ".bin", "medusa")
export const BUILT_BACKEND_DIR = path.join(ROOT, "backend", ".medusa", "server")

export type BackendProcess = {
  name: string
  url: string
  port: number
  pid: number
  logFile: string
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  alive(): boolean
  /** Signals the whole process group. */
  kill(signal?: NodeJS.Signals): void
  /** SIGTERM (Medusa shuts down gracefully), SIGKILL after `timeoutMs`; resolves once it has exited. */
  stop(timeoutMs?: number): Promise<void>
  /** The log so far. */
  log(): string
}

const running = new Set<BackendProcess>()

process.on("exit", () => {
  for (const p of running) {
    try {
      process.kill(-p.pid, "SIGKILL")
    } catch {}
  }
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

/**
 * Starts the built backend with `env` (default: the shared backend's) (PORT is set from `port`) and resolves once
 * GET /health answers, or rejects (with the log's tail) when it exits first or
 * does not answer within `timeoutMs` — having killed it.
 */
export async function startBackendProcess(
  options: {
    env?: Record<string, string | undefined>
    port?: number
    name?: string
    logFile?: string
    timeoutMs?: number
  } = {}
): Promise<BackendProcess> {
  const port = options.port ?? (await freePort())
  const { name = `backend-${port}`, logFile, timeoutMs = 180_000 } = options
  const env = options.env ?? { ...sharedBackendEnv(), MEDUSA_BACKEND_URL: `http://localhost:${port}` }
  if (!fs.existsSync(path.join(BUILT_BACKEND_DIR, "package.json"))) {
    throw new Error(`the backend is not built (${BUILT_BACKEND_DIR} is missing): run it through \`npm test\`, which builds it`)
  }
  const file = logFile ?? path.join(ROOT, "test-results", `${name}.log`)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const fd = fs.openSync(file, "w")
  const child = spawn(MEDUSA, ["start"], {
    cwd: BUILT_BACKEND_DIR,
    env: { NODE_ENV: "production", ...env, PORT: String(port) },
    detached: true,
    stdio: ["ignore", fd, fd],
  })
  fs.closeSync(fd)
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal }))
  )
  let done = false
  void exited.then(() => {
    done = true
    running.delete(handle)
  })
  const kill = (signal: NodeJS.Signals = "SIGTERM") => {
    if (done) return
    try {
      process.kill(-child.pid!, signal)
    } catch {}
  }
  const handle: BackendProcess = {
    name,
    url: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    logFile: file,
    exited,
    alive: () => !done,
    kill,
    log: () => (fs.existsSync(file) ? fs.readFileSync(file, "utf8") : ""),
    async stop(stopTimeoutMs = 15_000) {
      if (done) return
      kill("SIGTERM")
      const timer = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), stopTimeoutMs).unref())
      if ((await Promise.race([exited, timer])) === "timeout") kill("SIGKILL")
      await exited
    },
  }
  running.add(handle)

  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (done) throw new Error(`${name} exited before it answered on /health; log tail:\n${handle.log().slice(-3000)}`)
    try {
      const res = await fetch(`${handle.url}/health`, { signal: AbortSignal.timeout(3000) })
      if (res.ok) return handle
    } catch {}
    if (Date.now() > deadline) {
      await handle.stop(5_000)
      throw new Error(`${name} did not answer on /health within ${Math.round(timeoutMs / 1000)} s; log tail:\n${handle.log().slice(-3000)}`)
    }
    await new Promise((r) => setTimeout(r, 500))
  }
}

/** Stops every process this module started (in parallel). */
export async function stopAllBackendProcesses(timeoutMs = 15_000) {
  await Promise.all([...running].map((p) => p.stop(timeoutMs)))
}
