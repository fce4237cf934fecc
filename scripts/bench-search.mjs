#!/usr/bin/env node
// `npm run bench:search` (through scripts/bench.mjs) or `node scripts/bench-search.mjs`:
// search benchmark. Not a test: it measures and reports.
//
//  1. generates a catalogue of BENCH_SEARCH_PRODUCTS (10 000) products in the
//     seed's format, from the demo catalogue's products and invented producers
//     across Huế's districts (about 85 % sellable, the rest 2★, lapsed, revoked,
//     suspended or with a suspended producer);
//  2. seeds it into a throwaway database (embedded PostgreSQL 17, or a database
//     on TEST_DATABASE_URL's server) with live indexing off;
//  3. builds the product index with src/scripts/search-rebuild.ts and reports docs/s;
//  4. serves the backend and measures GET /store/ocop/search latency (client-side,
//     end to end) for the judged queries of tests/search/relevance.json at 1 and
//     8 concurrent clients: p50 / p95 / p99, requests/s, and which pass answered.
//
// Writes bench/results/search.json and bench/results/search.md.
// Environment: BENCH_SEARCH_PRODUCTS (10000), BENCH_SEARCH_ROUNDS (rounds of the
// query set per concurrency level, 6), BENCH_SEARCH_CONCURRENCY ("1,8"),
// BENCH_SEARCH_CATALOGUE (reuse a generated catalogue file), BENCH_SEARCH_DATABASE_URL
// (a database kept between runs: seeded on the first run, reused after; the index is
// still rebuilt), BENCH_SEARCH_BACKEND_DIR (run the backend from another project
// folder, e.g. one whose medusa-config registers another provider), MEILISEARCH_HOST
// (benchmark the Meilisearch provider instead).
import crypto from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { BACKEND_DIR, ROOT, freePort, log, run, stage, startService, stopService, waitForHttp } from "./lib/common.mjs"
import { generateCatalogue } from "./lib/catalogue-generator.mjs"

const RESULTS = path.join(ROOT, "bench", "results")
const RELEVANCE = path.join(ROOT, "tests", "search", "relevance.json")
const MEDUSA = path.join(ROOT, "node_modules", ".bin", "medusa")
const TARGET_P95_MS = 50

// ---------------------------------------------------------------------------
// Measurement

function quantile(sorted, q) {
  if (!sorted.length) return null
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))
  return Math.round(sorted[i] * 10) / 10
}

function requestsFor(relevance) {
  return relevance.queries.map((q) => {
    const params = new URLSearchParams({ ...(q.q ? { q: q.q } : {}), ...(q.params ?? {}), limit: "24" })
    return { label: q.q || JSON.stringify(q.params), kind: q.kind, path: `/store/ocop/search?${params}` }
  })
}

async function measure(base, key, requests, { concurrency, rounds }) {
  const queue = []
  for (let r = 0; r < rounds; r++) queue.push(...requests)
  const timings = []
  const passes = {}
  const byKind = {}
  let errors = 0
  let next = 0
  const started = performance.now()
  const worker = async () => {
    while (next < queue.length) {
      const req = queue[next++]
      const t0 = performance.now()
      try {
        const res = await fetch(`${base}${req.path}`, { headers: { "x-publishable-api-key": key } })
        await res.arrayBuffer()
        const ms = performance.now() - t0
        if (!res.ok) {
          errors++
          continue
        }
        timings.push(ms)
        ;(byKind[req.kind] ??= []).push(ms)
        const pass = res.headers.get("x-search-pass") ?? "?"
        passes[pass] = (passes[pass] ?? 0) + 1
      } catch {
        errors++
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  const seconds = (performance.now() - started) / 1000
  const sorted = [...timings].sort((a, b) => a - b)
  const kinds = Object.fromEntries(
    Object.entries(byKind).map(([k, v]) => {
      const s = [...v].sort((a, b) => a - b)
      return [k, { n: s.length, p50_ms: quantile(s, 0.5), p95_ms: quantile(s, 0.95) }]
    })
  )
  return {
    concurrency,
    requests: timings.length,
    errors,
    requests_per_s: Math.round((timings.length / seconds) * 10) / 10,
    p50_ms: quantile(sorted, 0.5),
    p95_ms: quantile(sorted, 0.95),
    p99_ms: quantile(sorted, 0.99),
    max_ms: quantile(sorted, 1),
    passes,
    by_kind: kinds,
  }
}

/** The provider serving the product index's active version (e.g. search-postgres, search-postgres-ocop, meilisearch). */
async function activeProvider(databaseUrl) {
  const { default: pg } = await import("pg")
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const res = await client.query(
      `SELECT v.provider FROM search_index i JOIN search_index_version v ON v.search_index_id = i.id AND v.version = i.active_version WHERE i.name = 'product'`
    )
    return res.rows[0]?.provider ?? null
  } finally {
    await client.end()
  }
}

// ---------------------------------------------------------------------------

export async function benchSearch({
  products = Number(process.env.BENCH_SEARCH_PRODUCTS || 10000),
  rounds = Number(process.env.BENCH_SEARCH_ROUNDS || 6),
  concurrency = (process.env.BENCH_SEARCH_CONCURRENCY || "1,8").split(",").map(Number),
} = {}) {
  const backend = await import("./lib/backend.mjs")
  const { startThrowawayDatabase } = await import("./lib/stack.mjs")
  const { productCount } = await import("./lib/postgres.mjs")
  fs.mkdirSync(RESULTS, { recursive: true })
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ocop-bench-search-"))
  const relevance = JSON.parse(fs.readFileSync(RELEVANCE, "utf8"))
  const provider = process.env.MEILISEARCH_HOST ? "meilisearch" : "postgres"

  let catalogueFile = process.env.BENCH_SEARCH_CATALOGUE ?? ""
  if (!catalogueFile) {
    catalogueFile = path.join(tmp, `catalogue-${products}.json`)
    await stage(`generating a ${products.toLocaleString("en-US")}-product catalogue`, async () => {
      fs.writeFileSync(catalogueFile, JSON.stringify(generateCatalogue(products)))
    })
  }
  const catalogue = JSON.parse(fs.readFileSync(catalogueFile, "utf8"))

  const reuse = process.env.BENCH_SEARCH_DATABASE_URL
  const backendDir = process.env.BENCH_SEARCH_BACKEND_DIR || BACKEND_DIR
  const db = reuse ? { databaseUrl: reuse, stop: async () => {} } : await startThrowawayDatabase("ocop-bench-search")
  let server
  const report = {
    at: new Date().toISOString(),
    provider,
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memory_gb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    catalogue: { products: catalogue.products.length, producers: catalogue.producers.length },
    target: { p95_ms_at_1_client: TARGET_P95_MS },
    load_at_start: os.loadavg().map((l) => l.toFixed(2)).join(" "),
  }
  try {
    const port = await freePort()
    const secret = () => crypto.randomBytes(24).toString("hex")
    const env = backend.backendEnv({
      databaseUrl: db.databaseUrl,
      port,
      storefrontUrl: "http://localhost:8000",
      extra: { JWT_SECRET: secret(), COOKIE_SECRET: secret(), LOG_LEVEL: "warn", NODE_ENV: "production", DISABLE_ADMIN: "true" },
    })
    await stage("migrations", () => run(MEDUSA, ["db:migrate", "--execute-all-search"], { cwd: backendDir, env, label: "migrate", quiet: true }))
    if (!reuse || (await productCount(db.databaseUrl)) < catalogue.products.length) {
      const seedStarted = Date.now()
      await stage(`seeding ${catalogue.products.length.toLocaleString("en-US")} products`, () =>
        run(MEDUSA, ["exec", "./src/scripts/seed.ts"], {
          cwd: backendDir,
          env: { ...env, OCOP_CATALOGUE_FILE: catalogueFile, OCOP_SEARCH_SYNC: "off" },
          label: "seed",
          quiet: true,
        })
      )
      report.seed_seconds = Math.round((Date.now() - seedStarted) / 1000)
    }

    /** @type {{ documents: number, seconds: number, docs_per_second: number } | null} */
    const rebuild = await stage("indexing (search-rebuild)", async () => {
      const out = await run(MEDUSA, ["exec", "./src/scripts/search-rebuild.ts"], { cwd: backendDir, env, label: "index" })
      const line = out.split("\n").find((l) => l.startsWith("SEARCH_REBUILD_RESULT "))
      return line ? JSON.parse(line.slice("SEARCH_REBUILD_RESULT ".length)) : null
    })
    report.indexing = rebuild
    if (rebuild) log(`indexed ${rebuild.documents} documents in ${rebuild.seconds} s: ${rebuild.docs_per_second} docs/s`)

    // Served from the sources (`medusa start` compiles TypeScript on load), so the
    // benchmark never rebuilds the shared .medusa/server that `npm test` uses.
    const logFile = path.join(tmp, "backend.log")
    server = startService("bench-backend", MEDUSA, ["start"], { cwd: backendDir, env, logFile, echo: false })
    await stage("backend server", () => waitForHttp(`http://127.0.0.1:${port}/health`, { timeoutMs: 180000, service: server }))
    const base = `http://127.0.0.1:${port}`
    const key = await backend.publishableKey(db.databaseUrl)
    report.provider_identifier = await activeProvider(db.databaseUrl)

    // The index is full before the server starts, so there is nothing to wait for; check anyway.
    for (let i = 0; i < 60; i++) {
      const res = await fetch(`${base}/store/ocop/search?limit=1`, { headers: { "x-publishable-api-key": key } })
      if (res.ok && (await res.json()).count > 0) break
      await new Promise((r) => setTimeout(r, 1000))
    }
    const requests = requestsFor(relevance)
    await stage("warm-up", () => measure(base, key, requests, { concurrency: 2, rounds: 1 }))
    report.latency = []
    for (const c of concurrency) {
      const row = await stage(`${requests.length * rounds} searches at ${c} concurrent client(s)`, () =>
        measure(base, key, requests, { concurrency: c, rounds })
      )
      log(`c=${c}: p50 ${row.p50_ms} ms, p95 ${row.p95_ms} ms, p99 ${row.p99_ms} ms, ${row.requests_per_s} req/s, errors ${row.errors}`)
      report.latency.push(row)
    }
    // The floor under any store route on this machine right now: a trivial one.
    const floor = await measure(base, key, [{ label: "regions", kind: "baseline", path: "/store/regions" }], { concurrency: 1, rounds: 60 })
    report.baseline_store_route = { path: "/store/regions", p50_ms: floor.p50_ms, p95_ms: floor.p95_ms }
    report.load_at_end = os.loadavg().map((l) => l.toFixed(2)).join(" ")
    const one = report.latency.find((r) => r.concurrency === 1)
    report.target.met = one ? one.p95_ms < TARGET_P95_MS : null

    fs.writeFileSync(path.join(RESULTS, "search.json"), JSON.stringify(report, null, 2) + "\n")
    const md = renderMarkdown(report, requests.length, rounds)
    fs.writeFileSync(path.join(RESULTS, "search.md"), md)
    console.log(`\n${md}`)
    return report
  } finally {
    if (server) await stopService(server)
    await db.stop()
    fs.rmSync(tmp, { recursive: true, force: true })
  }
}

function renderMarkdown(r, queries, rounds) {
  const rows = r.latency.map(
    (l) => `| ${l.concurrency} | ${l.requests} | ${l.requests_per_s} | ${l.p50_ms} | ${l.p95_ms} | ${l.p99_ms} | ${l.max_ms} | ${l.errors} |`
  )
  const one = r.latency.find((l) => l.concurrency === 1)
  const kinds = one
    ? Object.entries(one.by_kind).map(([k, v]) => `| ${k} | ${v.n} | ${v.p50_ms} | ${v.p95_ms} |`)
    : []
  return [
    `# Search benchmark (${r.at})`,
    "",
    `Provider: **${r.provider}** (\`${r.provider_identifier ?? "?"}\`). Machine: ${r.machine.cpus} × ${r.machine.cpu}, ${r.machine.memory_gb} GB, Node ${r.machine.node}.`,
    `Catalogue: ${r.catalogue.products.toLocaleString("en-US")} generated products, ${r.catalogue.producers} producers${r.seed_seconds ? ` (seeded in ${r.seed_seconds} s)` : ""}. Machine load at start: ${r.load_at_start}.`,
    "",
    "## Indexing",
    "",
    r.indexing
      ? `${r.indexing.documents.toLocaleString("en-US")} sellable products indexed (of ${r.indexing.products.toLocaleString("en-US")}) in ${r.indexing.seconds} s: **${r.indexing.docs_per_second} docs/s** (src/scripts/search-rebuild.ts: read through query.graph with producer, certifications and prices, then written).`
      : "(no result)",
    "",
    "## Latency of GET /store/ocop/search",
    "",
    `The ${queries} judged queries of tests/search/relevance.json (Vietnamese with and without accents, English, synonyms, typos, facets), ${rounds} rounds per level, measured end to end by the client (HTTP, facets and counts included).`,
    "",
    "| clients | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows,
    "",
    `Target: p95 under ${r.target.p95_ms_at_1_client} ms at 1 client — **${r.target.met ? "met" : "not met"}**.`,
    r.baseline_store_route
      ? `For scale: a trivial store route (GET ${r.baseline_store_route.path}) answered in p50 ${r.baseline_store_route.p50_ms} ms / p95 ${r.baseline_store_route.p95_ms} ms on the same server (load average ${r.load_at_start} at start, ${r.load_at_end} at the end; the machine is shared).`
      : "",
    "",
    ...(kinds.length ? ["By kind of query, 1 client:", "", "| kind | n | p50 ms | p95 ms |", "|---|---:|---:|---:|", ...kinds, ""] : []),
    one ? `Passes that answered (1 client): ${Object.entries(one.passes).map(([k, v]) => `${k} ${v}`).join(", ")}.` : "",
    "",
  ].join("\n")
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (isMain) {
  benchSearch().catch((e) => {
    console.error(`[ocop] search bench failed: ${e?.stack ?? e}`)
    process.exit(1)
  })
}
