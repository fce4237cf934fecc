// The pieces `npm test` and `npm run bench` both start: a throwaway database and
// a migrated, seeded, built and running backend. Each returns what to stop.
import crypto from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { ROOT, freePort, log, stage } from "./common.mjs"

/**
 * A throwaway database: a database on TEST_DATABASE_URL's server, or an embedded PostgreSQL in a temp dir.
 * @param {string} name
 * @returns {Promise<{ databaseUrl: string, stop: () => Promise<void> }>}
 */
export async function startThrowawayDatabase(name) {
  const { startEmbeddedPostgres, ensureDatabase, dropDatabase } = await import("./postgres.mjs")
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`))
  fs.chmodSync(tmpDir, 0o755)
  let databaseUrl = ""
  let stop = async () => {}
  await stage(`${name} database`, async () => {
    if (process.env.TEST_DATABASE_URL) {
      const url = new URL(process.env.TEST_DATABASE_URL)
      url.pathname = `/${name.replace(/\W/g, "_")}_${Date.now()}`
      databaseUrl = url.toString()
      await ensureDatabase(databaseUrl)
      stop = async () => {
        await dropDatabase(databaseUrl).catch((e) => log(`could not drop ${databaseUrl}: ${e.message}`))
        fs.rmSync(tmpDir, { recursive: true, force: true })
      }
    } else {
      const postgres = await startEmbeddedPostgres({ dataDir: path.join(tmpDir, "pg"), port: await freePort(), persistent: false, quiet: true })
      await postgres.createDatabase("ocop")
      databaseUrl = postgres.url("ocop")
      stop = async () => {
        await postgres.stop().catch(() => {})
        fs.rmSync(tmpDir, { recursive: true, force: true })
      }
    }
  })
  return { databaseUrl, stop }
}

/**
 * Migrates and seeds `databaseUrl`, creates the demo admin, builds the backend
 * when stale and serves it on a free port. Returns { env, url, port, service, publishableKey,
 * seededCopyUrl } (the last only with `keepSeededCopy`).
 */
/**
 * @param {{ databaseUrl?: string, storefrontUrl: string, port?: number, extraEnv?: Record<string, string>, logFile?: string, quietSeed?: boolean, keepSeededCopy?: boolean }} options
 */
export async function startSeededBackend({ databaseUrl, storefrontUrl, port: wantedPort, extraEnv = {}, logFile, quietSeed = true, keepSeededCopy = false }) {
  const backend = await import("./backend.mjs")
  const port = wantedPort ?? (await freePort())
  const secret = () => crypto.randomBytes(24).toString("hex")
  const env = backend.backendEnv({
    databaseUrl,
    port,
    storefrontUrl,
    // OCOP_STOREFRONT_SECRET: the storefront server forwards its client's IP with it (README, Security).
    extra: { JWT_SECRET: secret(), COOKIE_SECRET: secret(), OCOP_STOREFRONT_SECRET: secret(), LOG_LEVEL: "warn", ...extraEnv },
  })
  await stage("migrations", () => backend.migrate(env))
  await stage("demo catalogue", () => backend.seed(env, { quiet: quietSeed }))
  await stage("admin user", () => backend.ensureAdminUser(env))
  // A pristine copy of the migrated, seeded database, taken before anything
  // connects to it, for tests that need a database of their own (the scale-out
  // test runs several backends on one): copying it takes a second, migrating
  // and seeding again minutes.
  let seededCopyUrl
  if (keepSeededCopy) {
    const { copyDatabase } = await import("./postgres.mjs")
    const url = new URL(/** @type {string} */ (databaseUrl))
    url.pathname = `${url.pathname}_seeded`
    seededCopyUrl = url.toString()
    await stage("seeded copy", () => copyDatabase(databaseUrl, seededCopyUrl))
  }
  await stage("backend build", async () => {
    if (backend.backendBuildIsFresh()) log("backend build is up to date")
    else await backend.buildBackend(env)
  })
  const service = await stage("backend server", () =>
    backend.serveBackend(env, { port, logFile: logFile ?? path.join(ROOT, "test-results", "backend.log") })
  )
  const publishableKey = await backend.publishableKey(databaseUrl)
  return { env, port, url: `http://localhost:${port}`, service, publishableKey, seededCopyUrl }
}
