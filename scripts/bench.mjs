#!/usr/bin/env node
// `npm run bench`: API load benchmarks with autocannon against the real, built
// backend on a throwaway database. Not a test: it measures and reports.
//
//   npm run bench                       # API benchmarks on the demo catalogue (+ generated products)
//   BENCH_PRODUCTS=10000 npm run bench  # a bigger generated catalogue (slow to seed)
//   npm run bench:search                # search benchmarks (scripts/bench-search.mjs)
//
// Writes bench/results/api.json and bench/results/api.md.
import fs from "node:fs"
import path from "node:path"
import { ROOT, checkNodeVersion, ensureInstalled, log, stage, stopService } from "./lib/common.mjs"

const RESULTS = path.join(ROOT, "bench", "results")
const DURATION = Number(process.env.BENCH_DURATION || 8)
const CONNECTIONS = (process.env.BENCH_CONNECTIONS || "1,8,32").split(",").map(Number)

/** Resident memory of a process group (the Medusa server and its children), in MB. */
function groupRssMb(pgid) {
  let kb = 0
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8")
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
      if (Number(fields[2]) !== pgid) continue
      const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))
      if (m) kb += Number(m[1])
    } catch {}
  }
  return Math.round(kb / 1024)
}

async function run(autocannon, name, opts) {
  const result = await autocannon({ duration: DURATION, ...opts })
  const row = {
    scenario: name,
    connections: opts.connections,
    requests_per_s: Math.round(result.requests.average),
    p50_ms: result.latency.p50,
    p95_ms: result.latency.p97_5 !== undefined ? percentile(result, 95) : undefined,
    p99_ms: result.latency.p99,
    non_2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  }
  log(`${name.padEnd(28)} c=${String(opts.connections).padStart(2)}  ${String(row.requests_per_s).padStart(5)} req/s  p50 ${row.p50_ms} ms  p95 ${row.p95_ms} ms  p99 ${row.p99_ms} ms  non-2xx ${row.non_2xx}`)
  return row
}

/** autocannon reports p90/p97.5 but not p95: interpolate between them from its histogram summary. */
function percentile(result, p) {
  const l = result.latency
  if (p === 95) return Math.round((l.p90 + (l.p97_5 - l.p90) * ((95 - 90) / (97.5 - 90))) * 100) / 100
  return l[`p${p}`]
}

async function main() {
  checkNodeVersion()
  ensureInstalled()
  if (process.argv[2] === "search") {
    const mod = await import("./bench-search.mjs")
    return mod.benchSearch ? mod.benchSearch() : undefined
  }
  const { default: autocannon } = await import("autocannon")
  const { startThrowawayDatabase, startSeededBackend } = await import("./lib/stack.mjs")
  fs.mkdirSync(RESULTS, { recursive: true })

  const db = await startThrowawayDatabase("ocop-bench")
  let backend
  try {
    backend = await startSeededBackend({
      databaseUrl: db.databaseUrl,
      storefrontUrl: "http://localhost:8000",
      logFile: path.join(RESULTS, "bench-backend.log.tmp"),
    })
    const base = backend.url
    const headers = { "x-publishable-api-key": backend.publishableKey }
    const regions = await (await fetch(`${base}/store/regions`, { headers })).json()
    const vn = regions.regions.find((r) => r.currency_code === "vnd")
    const products = await (await fetch(`${base}/store/products?limit=1&fields=handle,variants.id,*certifications`, { headers })).json()
    const sample = products.products[0]
    const certificate = sample.certifications.find((c) => c.status === "active").certificate_number

    // Carts for the add-to-cart scenario: one per request round, so carts stay small.
    const carts = []
    await stage("preparing carts", async () => {
      for (let i = 0; i < 64; i++) {
        const res = await fetch(`${base}/store/carts`, {
          method: "POST",
          headers: { ...headers, "content-type": "application/json" },
          body: JSON.stringify({ region_id: vn.id }),
        })
        carts.push((await res.json()).cart.id)
      }
    })
    let cartTurn = 0

    const OCOP_FIELDS = "*variants.calculated_price,*producer,*certifications"
    const scenarios = [
      ["stock GET /store/products", { url: `${base}/store/products?limit=20` }],
      ["OCOP product list", { url: `${base}/store/products?limit=20&region_id=${vn.id}&fields=${OCOP_FIELDS}` }],
      ["stock list + prices", { url: `${base}/store/products?limit=20&region_id=${vn.id}&fields=*variants.calculated_price` }],
      ["product by handle", { url: `${base}/store/products?handle=${sample.handle}&region_id=${vn.id}&fields=${OCOP_FIELDS}` }],
      ["certificate verification", { url: `${base}/store/ocop/certificates/${certificate}` }],
      ["search 'me xung'", { url: `${base}/store/ocop/search?q=me%20xung&limit=12` }],
      [
        "add to cart",
        {
          url: base,
          method: "POST",
          requests: [
            {
              setupRequest: (req) => ({
                ...req,
                path: `/store/carts/${carts[cartTurn++ % carts.length]}/line-items`,
                body: JSON.stringify({ variant_id: sample.variants[0].id, quantity: 1 }),
                headers: { ...req.headers, "content-type": "application/json" },
              }),
            },
          ],
        },
      ],
    ]

    const rows = []
    for (const [name, opts] of scenarios) {
      // Warm up once so the first measurement is not a cold start.
      await autocannon({ ...opts, headers: { ...headers, ...(opts.headers ?? {}) }, connections: 1, amount: 20 })
      for (const connections of CONNECTIONS) {
        rows.push(await run(autocannon, name, { ...opts, headers: { ...headers, ...(opts.headers ?? {}) }, connections }))
      }
    }
    const rss = groupRssMb(backend.service.pid)
    const ratioAt = (c) => {
      const ours = rows.find((r) => r.scenario === "OCOP product list" && r.connections === c)
      const stock = rows.find((r) => r.scenario === "stock list + prices" && r.connections === c)
      return ours && stock ? Math.round((ours.p50_ms / stock.p50_ms) * 100) / 100 : null
    }
    const report = {
      at: new Date().toISOString(),
      machine: { cpus: (await import("node:os")).cpus().length, node: process.version },
      duration_s: DURATION,
      catalogue: process.env.OCOP_CATALOGUE_FILE ? path.basename(process.env.OCOP_CATALOGUE_FILE) : "demo catalogue (30 products)",
      server_rss_mb: rss,
      ocop_list_cost_ratio_p50: Object.fromEntries(CONNECTIONS.map((c) => [c, ratioAt(c)])),
      rows,
    }
    fs.writeFileSync(path.join(RESULTS, "api.json"), JSON.stringify(report, null, 2))
    const md = [
      `# API benchmark (${report.at})`,
      "",
      `autocannon, ${DURATION} s per run, ${report.machine.cpus} cores, Node ${report.machine.node}, ${report.catalogue}. Server RSS after the run: ${rss} MB.`,
      "",
      "| scenario | connections | req/s | p50 ms | p95 ms | p99 ms | non-2xx |",
      "|---|---:|---:|---:|---:|---:|---:|",
      ...rows.map((r) => `| ${r.scenario} | ${r.connections} | ${r.requests_per_s} | ${r.p50_ms} | ${r.p95_ms} | ${r.p99_ms} | ${r.non_2xx} |`),
      "",
      `OCOP listing (prices + producer + certifications) vs stock listing with prices, p50 ratio: ${CONNECTIONS.map((c) => `${c} conn ${ratioAt(c)}×`).join(", ")}.`,
      "",
    ].join("\n")
    fs.writeFileSync(path.join(RESULTS, "api.md"), md)
    console.log(`\n${md}`)
  } finally {
    if (backend) await stopService(backend.service)
    await db.stop()
  }
}

main().catch((e) => {
  console.error(`[ocop] bench failed: ${e?.stack ?? e}`)
  process.exit(1)
})
