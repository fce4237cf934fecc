#!/usr/bin/env node
// `npm start`: install, start PostgreSQL, migrate, seed once, build, and serve the
// backend (with the admin) and the storefront. Ctrl-C stops everything it started.
import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import {
  ROOT,
  StageError,
  assertPortFree,
  checkNodeVersion,
  ensureInstalled,
  log,
  stage,
  stopService,
} from "./lib/common.mjs"

const args = new Set(process.argv.slice(2))
const BACKEND_PORT = Number(process.env.BACKEND_PORT || 9000)
const STOREFRONT_PORT = Number(process.env.STOREFRONT_PORT || 8000)
const PG_PORT = Number(process.env.EMBEDDED_PG_PORT || 54329)
// OCOP_DATA_DIR moves the embedded database and logs (the orchestration tests use a temp dir).
const DATA_DIR = process.env.OCOP_DATA_DIR ? path.resolve(process.env.OCOP_DATA_DIR) : path.join(ROOT, ".data")

const started = Date.now()
const services = []
let postgres = null
let stopping = false

async function shutdown(code) {
  if (stopping) return
  stopping = true
  log("stopping …")
  for (const s of services.reverse()) await stopService(s)
  if (postgres) {
    await postgres.stop().catch((e) => log(`postgres stop: ${e.message}`))
  }
  log("stopped.")
  process.exit(code)
}

/** Random secrets made once per checkout and kept in .data (git-ignored). */
function localSecrets() {
  fs.mkdirSync(DATA_DIR, { recursive: true })
  const file = path.join(DATA_DIR, "secrets.json")
  const secret = () => crypto.randomBytes(32).toString("hex")
  const kept = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {}
  // OCOP_STOREFRONT_SECRET: the storefront server forwards its client's IP with it (README, Security);
  // added to a secrets.json written before it existed.
  const secrets = { JWT_SECRET: secret(), COOKIE_SECRET: secret(), OCOP_STOREFRONT_SECRET: secret(), ...kept }
  if (Object.keys(secrets).length !== Object.keys(kept).length) {
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 })
  }
  return secrets
}

async function main() {
  checkNodeVersion()
  await assertPortFree(BACKEND_PORT, "backend")
  if (!args.has("--seed-only")) await assertPortFree(STOREFRONT_PORT, "storefront")

  await stage("dependencies", async () => {
    if (!ensureInstalled()) log("dependencies already installed")
  })
  const { startEmbeddedPostgres, ensureDatabase, redact } = await import("./lib/postgres.mjs")
  const backend = await import("./lib/backend.mjs")
  const storefront = await import("./lib/storefront.mjs")

  let databaseUrl = process.env.DATABASE_URL
  await stage("database", async () => {
    if (databaseUrl) {
      await ensureDatabase(databaseUrl)
      log(`using DATABASE_URL ${redact(databaseUrl)}`)
    } else {
      postgres = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "postgres"), port: PG_PORT })
      if (postgres.fresh) writeState({})
      await postgres.createDatabase("ocop")
      databaseUrl = postgres.url("ocop")
      log(`embedded PostgreSQL 17 on port ${PG_PORT} (data in ${path.relative(ROOT, path.join(DATA_DIR, "postgres"))})`)
    }
  })

  const storefrontUrl = `http://localhost:${STOREFRONT_PORT}`
  const env = backend.backendEnv({
    databaseUrl,
    port: BACKEND_PORT,
    storefrontUrl,
    // Without SMTP_URL every message is kept as an .eml file here and listed at /dev/mail.
    extra: { OCOP_MAIL_DIR: path.join(DATA_DIR, "mail"), ...localSecrets(), ...pick(process.env, ["JWT_SECRET", "COOKIE_SECRET", "OCOP_STOREFRONT_SECRET", "OCOP_MAIL_DIR"]) },
  })

  // A warm restart skips what this database already has: migrations are re-run only
  // when the code that defines the schema changed, the seed and admin only once.
  const state = readState()
  const schemaHash = backend.schemaHash()
  const sameDb = state.databaseUrl === databaseUrl
  await stage("migrations", async () => {
    if (sameDb && state.schemaHash === schemaHash) return log("schema unchanged since the last start")
    await backend.migrate(env)
    writeState({ ...readState(), databaseUrl, schemaHash })
  })
  await stage("demo catalogue", async () => {
    if (sameDb && state.seeded) return log("already seeded")
    await backend.seed(env)
    writeState({ ...readState(), seeded: true })
  })
  await stage("admin user", async () => {
    if (sameDb && state.admin) return log(`demo admin ${backend.DEMO_ADMIN.email} exists`)
    log(`demo admin ${backend.DEMO_ADMIN.email}: ${await backend.ensureAdminUser(env)}`)
    writeState({ ...readState(), admin: true })
  })
  if (args.has("--seed-only")) return shutdown(0)

  await stage("backend build", async () => {
    if (backend.backendBuildIsFresh()) log("backend build is up to date")
    else await backend.buildBackend(env)
  })
  const backendLog = path.join(DATA_DIR, "backend.log")
  services.push(
    await stage("backend server", () => backend.serveBackend(env, { port: BACKEND_PORT, logFile: backendLog }))
  )
  const key = await backend.publishableKey(databaseUrl)
  const backendUrl = `http://localhost:${BACKEND_PORT}`
  const sfEnv = storefront.storefrontEnv({
    backendUrl,
    publishableKey: key,
    port: STOREFRONT_PORT,
    extra: { OCOP_STOREFRONT_SECRET: env.OCOP_STOREFRONT_SECRET },
  })
  await stage("storefront build", async () => {
    if (storefront.storefrontBuildIsFresh(sfEnv)) log("storefront build is up to date")
    else await storefront.buildStorefront(sfEnv)
  })
  services.push(
    await stage("storefront server", () =>
      storefront.serveStorefront(sfEnv, { port: STOREFRONT_PORT, logFile: path.join(DATA_DIR, "storefront.log") })
    )
  )

  const secs = ((Date.now() - started) / 1000).toFixed(1)
  console.log(`
  Huế OCOP marketplace is running (ready in ${secs} s)

    Storefront      ${storefrontUrl}
    Backend API     ${backendUrl}
    Admin           ${backendUrl}/app   (${backend.DEMO_ADMIN.email} / ${backend.DEMO_ADMIN.password})
    Publishable key ${key}
    Mail            ${env.SMTP_URL ? "sent by SMTP (SMTP_URL)" : `${backendUrl}/dev/mail   (kept in ${path.relative(ROOT, env.OCOP_MAIL_DIR ?? "") || env.OCOP_MAIL_DIR})`}
    Logs            .data/backend.log, .data/storefront.log

  Press Ctrl-C to stop everything.
`)
  for (const s of services) {
    s.exited.then(({ code, signal }) => {
      if (!stopping) {
        log(`${s.serviceName} exited unexpectedly (${signal ?? code}); see .data/${s.serviceName}.log`)
        shutdown(1)
      }
    })
  }
}

const STATE_FILE = path.join(DATA_DIR, "state.json")
function readState() {
  try {
    return JSON.parse(fs.readFileSync(STATE_FILE, "utf8"))
  } catch {
    return {}
  }
}
function writeState(state) {
  fs.mkdirSync(DATA_DIR, { recursive: true })
  fs.writeFileSync(STATE_FILE, JSON.stringify(state, null, 2))
}

function pick(obj, keys) {
  return Object.fromEntries(keys.filter((k) => obj[k]).map((k) => [k, obj[k]]))
}

process.on("SIGINT", () => shutdown(0))
process.on("SIGTERM", () => shutdown(0))

main().catch((e) => {
  const msg = e instanceof StageError ? e.message : `unexpected error: ${e?.stack ?? e}`
  console.error(`[ocop] error: ${msg}`)
  shutdown(1)
})
