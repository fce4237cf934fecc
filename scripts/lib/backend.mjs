// Backend lifecycle: migrate, seed, admin user, build, serve.
import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { BACKEND_DIR, ROOT, StageError, run, startService, waitForHttp } from "./common.mjs"

const MEDUSA = path.join(ROOT, "node_modules", ".bin", "medusa")
export const BUILT_DIR = path.join(BACKEND_DIR, ".medusa", "server")

export const DEMO_ADMIN = { email: "admin@ocop-hue.vn", password: "ocop-admin-2026" }

/**
 * The environment of every backend process `npm start`, `npm test` and the benchmarks run.
 * They are the local demo, and say so: OCOP_DEMO=true lets the seed load the demo catalogue
 * (its producer logins, DEMO- certificates) and the config fall back to the demo bank account.
 * Without it the backend is a deployment and refuses to start on missing settings
 * (backend/src/config/deployment.ts).
 *
 * @param {{ databaseUrl?: string, port?: number | string, storefrontUrl: string, extra?: Record<string, string> }} options
 * @returns {Record<string, string | undefined>}
 */
export function backendEnv({ databaseUrl, port, storefrontUrl, extra = {} }) {
  const env = {
    ...process.env,
    OCOP_DEMO: "true",
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    MEDUSA_BACKEND_URL: `http://localhost:${port}`,
    STOREFRONT_URL: storefrontUrl,
    STORE_CORS: storefrontUrl,
    ADMIN_CORS: `http://localhost:${port}`,
    AUTH_CORS: `${storefrontUrl},http://localhost:${port}`,
    MEDUSA_DISABLE_TELEMETRY: "true",
    ...extra,
  }
  return env
}

export async function migrate(env, opts = {}) {
  await run(MEDUSA, ["db:migrate"], { cwd: BACKEND_DIR, env, label: "migrate", quiet: opts.quiet ?? true })
}

export async function seed(env, opts = {}) {
  // Live search indexing off while seeding: on a fresh database the product index has no
  // active version yet (the server fills it on start), so each seeded product's event
  // would only log an ingestion error.
  await run(MEDUSA, ["exec", "./src/scripts/seed.ts"], {
    cwd: BACKEND_DIR,
    env: { OCOP_SEARCH_SYNC: "off", ...env },
    label: "seed",
    quiet: opts.quiet ?? false,
  })
}

/** Creates the demo admin user; a second run finds it there and says so. */
export async function ensureAdminUser(env, { email, password } = DEMO_ADMIN) {
  try {
    await run(MEDUSA, ["user", "-e", email, "-p", password], { cwd: BACKEND_DIR, env, label: "admin-user", quiet: true })
    return "created"
  } catch (e) {
    if (/already exists|duplicate|exists/i.test(String(/** @type {Error} */ (e).message))) return "exists"
    throw e
  }
}

/** Newest modification time under the given paths (to decide whether a build is stale). */
export function newestMtime(paths) {
  let newest = 0
  const walk = (p) => {
    let st
    try {
      st = fs.statSync(p)
    } catch {
      return
    }
    if (st.isDirectory()) {
      for (const entry of fs.readdirSync(p)) {
        if (entry === "node_modules" || entry === ".medusa" || entry === ".next") continue
        walk(path.join(p, entry))
      }
    } else newest = Math.max(newest, st.mtimeMs)
  }
  paths.forEach(walk)
  return newest
}

/**
 * A fingerprint of everything that defines the database schema: module models
 * and migrations, links, the config and the installed Medusa version.
 */
export function schemaHash() {
  const hash = crypto.createHash("sha256")
  const files = []
  const walk = (p) => {
    if (!fs.existsSync(p)) return
    const st = fs.statSync(p)
    if (st.isDirectory()) for (const e of fs.readdirSync(p).sort()) walk(path.join(p, e))
    else files.push(p)
  }
  walk(path.join(BACKEND_DIR, "src", "modules"))
  walk(path.join(BACKEND_DIR, "src", "links"))
  walk(path.join(BACKEND_DIR, "src", "search"))
  files.push(path.join(ROOT, "medusa-config.ts"), path.join(ROOT, "package-lock.json"))
  for (const f of files) {
    if (!fs.existsSync(f)) continue
    hash.update(path.relative(ROOT, f))
    hash.update(fs.readFileSync(f))
  }
  return hash.digest("hex")
}

export function backendBuildIsFresh() {
  const marker = path.join(BUILT_DIR, "package.json")
  if (!fs.existsSync(marker)) return false
  // A build interrupted half-way has the server code but not the dashboard.
  if (!fs.existsSync(path.join(BUILT_DIR, "public", "admin", "index.html"))) return false
  const built = fs.statSync(marker).mtimeMs
  const src = newestMtime([path.join(BACKEND_DIR, "src"), path.join(ROOT, "medusa-config.ts"), path.join(BACKEND_DIR, "package.json")])
  return built > src
}

export async function buildBackend(env, opts = {}) {
  await run(MEDUSA, ["build"], { cwd: BACKEND_DIR, env, label: "backend-build", quiet: opts.quiet ?? true })
  // `medusa build` wipes .medusa/server; the artwork is served from its assets/ (src/api/static-files.ts:
  // not static/, which Medusa would serve itself, without nosniff or CSP).
  const assetsSrc = path.join(BACKEND_DIR, "assets")
  if (fs.existsSync(assetsSrc)) fs.cpSync(assetsSrc, path.join(BUILT_DIR, "assets"), { recursive: true })
}

/**
 * Serves the built backend. Modules resolve from the workspace's node_modules by walking up.
 * @param {NodeJS.ProcessEnv} env
 * @param {{ port?: number | string, logFile?: string, echo?: boolean, timeoutMs?: number }} [options]
 */
export async function serveBackend(env, { port, logFile, echo = false, timeoutMs = 180000 } = {}) {
  if (!fs.existsSync(path.join(BUILT_DIR, "package.json"))) throw new StageError("the backend is not built (run the build stage).")
  const child = startService("backend", MEDUSA, ["start"], { cwd: BUILT_DIR, env: { ...env, NODE_ENV: env.NODE_ENV || "production" }, logFile, echo })
  await waitForHttp(`http://127.0.0.1:${port}/health`, { timeoutMs, service: child })
  return child
}

/** Reads the publishable key the seed linked to the marketplace sales channel. */
export async function publishableKey(databaseUrl) {
  const { default: pg } = await import("pg")
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const res = await client.query(
      "SELECT token FROM api_key WHERE type = 'publishable' AND revoked_at IS NULL AND deleted_at IS NULL ORDER BY created_at LIMIT 1"
    )
    if (!res.rowCount) throw new StageError("no publishable API key found: did the seed run?")
    return res.rows[0].token
  } finally {
    await client.end()
  }
}
