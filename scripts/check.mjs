#!/usr/bin/env node
// `npm run check`: the static gate `npm test` runs first. Type-checks every TypeScript project
// (backend incl. the admin extensions, storefront, tests, the .mjs scripts) with `tsc --noEmit`,
// then lints the repository with ESLint (eslint.config.mjs). Any error fails it with the name of
// the stage. ESLint's "warn" rules (see eslint.config.mjs) are skipped unless `--warnings`.
// Options: --no-cache, --warnings, --only=backend,storefront,tests,scripts,types,lint.
//
// Both tools keep caches in node_modules/.cache/ocop-check (tsc's .tsbuildinfo, ESLint's
// --cache): an unchanged tree re-checks in seconds. ESLint's cache is per file, so a change of a
// type in one file does not re-lint an unchanged file that uses it; `--no-cache` (or deleting the
// folder) lints everything. The type checks are never affected: tsc follows every dependency.
import fs from "node:fs"
import path from "node:path"
import { spawn } from "node:child_process"
import { fileURLToPath } from "node:url"

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const CACHE = path.join(ROOT, "node_modules", ".cache", "ocop-check")
/** @param {string} name */
const bin = (name) => path.join(ROOT, "node_modules", ".bin", name)

/** The type-checked projects: name → tsconfig. */
export const PROJECTS = {
  backend: "backend/tsconfig.check.json",
  storefront: "storefront/tsconfig.json",
  tests: "tests/tsconfig.json",
  scripts: "scripts/tsconfig.json",
}

function runTool(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] })
    let out = ""
    child.stdout.on("data", (c) => (out += c))
    child.stderr.on("data", (c) => (out += c))
    child.on("error", (e) => resolve({ code: 1, out: String(e) }))
    child.on("exit", (code) => resolve({ code: code ?? 1, out }))
  })
}

function typecheck(name, tsconfig, useCache) {
  const args = ["--noEmit", "-p", tsconfig, "--pretty", "false"]
  if (useCache) args.push("--incremental", "--tsBuildInfoFile", path.join(CACHE, `${name}.tsbuildinfo`))
  return runTool(bin("tsc"), args)
}

function lint(useCache, warnings) {
  // --quiet: ESLint 9 then does not even run the rules set to "warn" (faster); --warnings shows them.
  const args = ["--format", "stylish", ...(warnings ? [] : ["--quiet"])]
  if (useCache) args.push("--cache", "--cache-strategy", "content", "--cache-location", path.join(CACHE, "eslint"))
  args.push(".")
  return runTool(bin("eslint"), args)
}

const elapsed = (t) => `${((Date.now() - t) / 1000).toFixed(1)} s`

/**
 * Runs the gate; resolves to true when it passed. Output goes to stdout.
 * @param {{ useCache?: boolean, only?: string[], warnings?: boolean }} [options] `only`: project names, "types" and/or "lint"
 */
export async function check({ useCache = true, only, warnings = false } = {}) {
  fs.mkdirSync(CACHE, { recursive: true })
  const started = Date.now()
  const failed = []
  const wanted = (stage) => !only || only.includes(stage)

  // The type checks run two at a time (they are single-threaded; CI machines have ≥ 2 cores).
  const queue = Object.entries(PROJECTS).filter(([name]) => wanted(name) || wanted("types"))
  const results = []
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const [name, tsconfig] = job
      const t = Date.now()
      const { code, out } = await typecheck(name, tsconfig, useCache)
      const errors = (out.match(/error TS\d+/g) ?? []).length
      results.push({ name, code, out, errors, time: elapsed(t) })
    }
  }
  await Promise.all([worker(), worker()])
  for (const name of Object.keys(PROJECTS)) {
    const r = results.find((x) => x.name === name)
    if (!r) continue
    console.log(`[check] tsc ${name}: ${r.code === 0 ? "ok" : `${r.errors} error(s)`} (${r.time})`)
    if (r.code !== 0) {
      process.stdout.write(r.out)
      failed.push(`type errors in ${name} (${PROJECTS[name]})`)
    }
  }

  if (wanted("lint")) {
    const t = Date.now()
    const { code, out } = await lint(useCache, warnings)
    const summary = /(\d+) problems? \((\d+) errors?, (\d+) warnings?\)/.exec(out)
    const errors = summary ? Number(summary[2]) : code === 0 ? 0 : NaN
    const warningCount = summary ? Number(summary[3]) : 0
    if (warnings) process.stdout.write(out)
    console.log(`[check] eslint: ${code === 0 ? "ok" : Number.isNaN(errors) ? "failed" : `${errors} error(s)`}${warnings ? `, ${warningCount} warning(s)` : ""} (${elapsed(t)})`)
    if (code !== 0) {
      if (!warnings) process.stdout.write(out)
      failed.push("ESLint errors")
    }
  }

  if (failed.length) {
    console.log(`[check] FAILED in ${elapsed(started)}: ${failed.join("; ")}. Fix them, or run \`npm run check\` to see them again.`)
    return false
  }
  console.log(`[check] passed in ${elapsed(started)}`)
  return true
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2)
  const onlyArg = args.find((a) => a.startsWith("--only="))
  const ok = await check({
    useCache: !args.includes("--no-cache"),
    warnings: args.includes("--warnings"),
    only: onlyArg ? onlyArg.slice(7).split(",") : undefined,
  })
  process.exit(ok ? 0 : 1)
}
