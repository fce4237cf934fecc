#!/usr/bin/env node
// `npm run bench -- startup` / `npm run bench:startup`: how long `npm start` takes,
// cold and warm. Not a test: it measures and reports.
//
//  cold: a fresh clone of this checkout's HEAD in a temp dir, an EMPTY npm cache
//        (npm_config_cache=<empty dir>), its own OCOP_DATA_DIR and ports: install,
//        embedded PostgreSQL, migrations, seed, both builds, both servers;
//  warm: the same clone started again (everything installed, migrated, seeded, built).
//
// Each run is stopped with SIGINT (npm start's own shutdown) once it prints
// "is running", then its process group is killed if anything is left. The clone
// and the cache are removed at the end (BENCH_STARTUP_KEEP=1 keeps them).
// Writes bench/results/startup.json and bench/results/startup.md.
import { spawn, execFileSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { ROOT, freePort, log } from "./lib/common.mjs"

const RESULTS = path.join(ROOT, "bench", "results")
const COLD_TIMEOUT_MS = Number(process.env.BENCH_STARTUP_TIMEOUT_S || 2400) * 1000

/** PIDs of the processes whose command line or working directory is inside `dir` (ours: a temp clone). */
function processesUnder(dir) {
  const pids = []
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8")
      const cwd = fs.readlinkSync(`/proc/${pid}/cwd`)
      if (cmd.includes(dir) || cwd.startsWith(dir)) pids.push(Number(pid))
    } catch {}
  }
  return pids
}

/** PIDs in process group `pgid`. */
function groupMembers(pgid) {
  const pids = []
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8")
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]) === pgid) pids.push(Number(pid))
    } catch {}
  }
  return pids
}

/** Runs `npm start` in `dir` until it says it is running; returns its stage timings. */
function runStart(dir, env, logFile) {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const child = spawn("npm", ["start"], { cwd: dir, env, detached: true, stdio: ["ignore", "pipe", "pipe"] })
    const out = fs.createWriteStream(logFile)
    const stages = []
    let buf = ""
    let ready = null
    let settled = false
    const kill = (sig) => {
      try {
        process.kill(-(child.pid ?? 0), sig)
      } catch {}
    }
    const timer = setTimeout(() => finish(new Error(`npm start not ready after ${COLD_TIMEOUT_MS / 1000} s (see ${logFile})`)), COLD_TIMEOUT_MS)
    const finish = async (err) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      // Graceful stop: npm start stops its servers and PostgreSQL on SIGINT. npm itself may
      // exit first, so wait until nothing of the run is left (its group and the servers it
      // started in groups of their own, all running from the clone), then kill what remains.
      kill("SIGINT")
      const left = () => processesUnder(dir).concat(groupMembers(child.pid))
      const deadline = Date.now() + 90000
      while (left().length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 1000))
      const stragglers = [...new Set(left())]
      if (stragglers.length) log(`still running 90 s after SIGINT, killed: ${stragglers.join(", ")}`)
      for (const pid of stragglers) {
        try {
          process.kill(pid, "SIGKILL")
        } catch {}
      }
      out.end()
      if (err) reject(err)
      else resolve({ total_s: ready.wall_s, reported_ready_s: ready.reported_s, stages })
    }
    const onData = (chunk) => {
      out.write(chunk)
      buf += chunk.toString()
      let i
      while ((i = buf.indexOf("\n")) >= 0) {
        const line = buf.slice(0, i)
        buf = buf.slice(i + 1)
        const m = /^\[ocop\] (.+) done in ([\d.]+) s$/.exec(line.trim())
        if (m) stages.push({ stage: m[1], seconds: Number(m[2]) })
        const r = /is running \(ready in ([\d.]+) s\)/.exec(line)
        if (r && !ready) {
          ready = { reported_s: Number(r[1]), wall_s: Math.round((Date.now() - started) / 100) / 10 }
          finish()
        }
      }
    }
    child.stdout.on("data", onData)
    child.stderr.on("data", onData)
    child.once("exit", (code) => {
      if (!ready) finish(new Error(`npm start exited (${code}) before it was ready (see ${logFile})`))
    })
  })
}

export async function benchStartup() {
  fs.mkdirSync(RESULTS, { recursive: true })
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ocop-bench-startup-"))
  // Embedded PostgreSQL runs as an unprivileged user when we are root: it must reach the data dir.
  fs.chmodSync(tmp, 0o755)
  const dir = path.join(tmp, "clone")
  const cache = path.join(tmp, "npm-cache")
  fs.mkdirSync(cache)
  const head = execFileSync("git", ["rev-parse", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim()
  log(`cloning ${head.slice(0, 10)} into ${dir}`)
  execFileSync("git", ["clone", "--quiet", "--no-hardlinks", ROOT, dir])
  execFileSync("git", ["checkout", "--quiet", head], { cwd: dir })

  /** @type {NodeJS.ProcessEnv} */
  const env = {
    ...process.env,
    npm_config_cache: cache,
    OCOP_DATA_DIR: path.join(tmp, "data"),
    BACKEND_PORT: String(await freePort()),
    STOREFRONT_PORT: String(await freePort()),
    EMBEDDED_PG_PORT: String(await freePort()),
  }
  delete env.DATABASE_URL
  const report = {
    at: new Date().toISOString(),
    commit: head,
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memory_gb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    load_at_start: os.loadavg().map((l) => l.toFixed(2)).join(" "),
  }
  try {
    log("cold start (empty npm cache, fresh clone) …")
    report.cold = await runStart(dir, env, path.join(tmp, "cold.log"))
    log(`cold: ready in ${report.cold.total_s} s`)
    report.load_after_cold = os.loadavg().map((l) => l.toFixed(2)).join(" ")
    log("warm restart …")
    report.warm = await runStart(dir, env, path.join(tmp, "warm.log"))
    log(`warm: ready in ${report.warm.total_s} s`)
    report.load_after_warm = os.loadavg().map((l) => l.toFixed(2)).join(" ")
  } catch (e) {
    report.error = String(/** @type {Error} */ (e)?.message ?? e)
    throw e
  } finally {
    fs.writeFileSync(path.join(RESULTS, "startup.json"), JSON.stringify(report, null, 2) + "\n")
    const md = renderMarkdown(report)
    fs.writeFileSync(path.join(RESULTS, "startup.md"), md)
    console.log(`\n${md}`)
    if (!process.env.BENCH_STARTUP_KEEP) fs.rmSync(tmp, { recursive: true, force: true })
    else log(`kept ${tmp}`)
  }
  return report
}

function renderMarkdown(r) {
  const names = [...new Set([...(r.cold?.stages ?? []), ...(r.warm?.stages ?? [])].map((s) => s.stage))]
  const sec = (run, name) => run?.stages.find((s) => s.stage === name)?.seconds ?? "–"
  return [
    `# Start-up benchmark (${r.at})`,
    "",
    `\`npm start\` in a fresh clone of ${r.commit.slice(0, 10)} with an empty npm cache (cold), then started again (warm).`,
    `Machine: ${r.machine.cpus} × ${r.machine.cpu}, ${r.machine.memory_gb} GB, Node ${r.machine.node}; shared with other agents, load average at start ${r.load_at_start}${r.load_after_cold ? `, after the cold start ${r.load_after_cold}` : ""}.`,
    "",
    "| stage | cold s | warm s |",
    "|---|---:|---:|",
    ...names.map((n) => `| ${n} | ${sec(r.cold, n)} | ${sec(r.warm, n)} |`),
    `| **ready (wall clock)** | **${r.cold?.total_s ?? "–"}** | **${r.warm?.total_s ?? "–"}** |`,
    "",
    r.error ? `Error: ${r.error}` : "",
    "",
  ].join("\n")
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (isMain) {
  benchStartup().catch((e) => {
    console.error(`[ocop] startup bench failed: ${e?.stack ?? e}`)
    process.exit(1)
  })
}
