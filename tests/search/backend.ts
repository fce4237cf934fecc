/**
 * A backend for each search provider. scripts/test.mjs starts one backend; it
 * uses Meilisearch when MEILISEARCH_HOST is set and PostgreSQL otherwise. A
 * suite for the other provider starts its own backend — a fresh database on the
 * same PostgreSQL server, migrated, seeded, indexed and served from the build
 * test.mjs made — and stops it afterwards.
 */
import crypto from "node:crypto"
import path from "node:path"
import { pathToFileURL } from "node:url"
import { httpSearchClient, type Provider, type SearchClient } from "./client"

const ROOT = path.resolve(__dirname, "..", "..")
const lib = (name: string) => import(pathToFileURL(path.join(ROOT, "scripts", "lib", name)).href)

export const mainProvider = (): Provider => (process.env.MEILISEARCH_HOST ? "meilisearch" : "postgres")

export async function searchClientFor(provider: Provider): Promise<SearchClient> {
  const admin = {
    adminEmail: process.env.OCOP_ADMIN_EMAIL ?? "admin@ocop-hue.vn",
    adminPassword: process.env.OCOP_ADMIN_PASSWORD ?? "ocop-admin-2026",
  }
  if (provider === mainProvider()) {
    return httpSearchClient({
      provider,
      baseUrl: process.env.OCOP_BACKEND_URL ?? "http://localhost:9000",
      publishableKey: process.env.OCOP_PUBLISHABLE_KEY ?? "",
      ...admin,
    })
  }
  return startDedicatedBackend(provider, admin)
}

async function startDedicatedBackend(provider: Provider, admin: { adminEmail: string; adminPassword: string }): Promise<SearchClient> {
  const baseEnv = JSON.parse(process.env.OCOP_BACKEND_ENV_JSON ?? "null") as Record<string, string> | null
  if (!baseEnv || !process.env.OCOP_DATABASE_URL) {
    throw new Error(`a ${provider} backend needs OCOP_DATABASE_URL and OCOP_BACKEND_ENV_JSON (run through npm test)`)
  }
  const common = await lib("common.mjs")
  const pg = await lib("postgres.mjs")
  const backend = await lib("backend.mjs")
  const url = new URL(process.env.OCOP_DATABASE_URL)
  url.pathname = `/ocop_search_${provider}_${crypto.randomBytes(4).toString("hex")}`
  const databaseUrl = url.toString()
  await pg.ensureDatabase(databaseUrl)
  const port: number = await common.freePort()
  const env: Record<string, string> = {
    ...baseEnv,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    MEDUSA_BACKEND_URL: `http://localhost:${port}`,
    ADMIN_CORS: `http://localhost:${port}`,
  }
  if (provider === "postgres") delete env.MEILISEARCH_HOST
  else env.MEILISEARCH_HOST = process.env.MEILISEARCH_HOST!
  let service: any
  try {
    await backend.migrate(env)
    await common.run(path.join(ROOT, "node_modules", ".bin", "medusa"), ["exec", "./src/scripts/seed.ts"], {
      cwd: common.BACKEND_DIR,
      env: { ...env, OCOP_SEARCH_SYNC: "off" },
      label: "seed",
      quiet: true,
    })
    await common.run(path.join(ROOT, "node_modules", ".bin", "medusa"), ["exec", "./src/scripts/search-rebuild.ts"], {
      cwd: common.BACKEND_DIR,
      env,
      label: "search-rebuild",
      quiet: true,
    })
    await backend.ensureAdminUser(env)
    service = await backend.serveBackend(env, { port, logFile: path.join(ROOT, "test-results", `backend-${provider}.log`) })
    const publishableKey: string = await backend.publishableKey(databaseUrl)
    return httpSearchClient({
      provider,
      baseUrl: `http://localhost:${port}`,
      publishableKey,
      ...admin,
      stop: async () => {
        await common.stopService(service)
        await pg.dropDatabase(databaseUrl).catch(() => {})
      },
    })
  } catch (e) {
    if (service) await common.stopService(service)
    await pg.dropDatabase(databaseUrl).catch(() => {})
    throw e
  }
}
