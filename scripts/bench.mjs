#!/usr/bin/env node
// `npm run bench`: benchmarks. Not tests: they measure and report under bench/results/.
//
//   npm run bench                 # = all: api, lighthouse, startup (search has its own, longer run)
//   npm run bench -- api          # API load (autocannon) on a generated 10 000-product catalogue
//   npm run bench -- api --quick  # … on the 30-product demo catalogue instead (minutes, not tens of minutes)
//   npm run bench -- lighthouse   # Lighthouse 12 (mobile) on the storefront's production build
//   npm run bench -- startup      # cold and warm `npm start` (scripts/bench-startup.mjs)
//   npm run bench -- search       # search latency and indexing (scripts/bench-search.mjs)
//   npm run bench -- scale        # store read paths at 1 000 / 10 000 (/ 50 000) products vs stock Medusa (scripts/bench-scale.mjs)
//
// API: writes bench/results/api.{json,md} (api-quick.{json,md} with --quick). Environment: BENCH_PRODUCTS (10000),
// BENCH_DURATION (seconds per run, 10), BENCH_CONNECTIONS ("1,8,32"), BENCH_CATALOGUE
// (reuse a generated catalogue file), TEST_DATABASE_URL (seed a database on that
// server instead of an embedded PostgreSQL), BENCH_DATABASE_URL (a database kept and
// reused between runs: seeded only when empty; pair it with BENCH_CATALOGUE).
import crypto from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { BACKEND_DIR, ROOT, checkNodeVersion, ensureInstalled, freePort, log, run, stage, stopService } from "./lib/common.mjs"

const RESULTS = path.join(ROOT, "bench", "results")
const MEDUSA = path.join(ROOT, "node_modules", ".bin", "medusa")
const DURATION = Number(process.env.BENCH_DURATION || 10)
const CONNECTIONS = (process.env.BENCH_CONNECTIONS || "1,8,32").split(",").map(Number)
// What the storefront's catalogue and product pages really ask for (storefront/src/lib/data/products.ts).
const PRODUCT_LIST_FIELDS =
  "id,handle,title,subtitle,thumbnail,metadata,created_at,*variants.calculated_price,+variants.inventory_quantity,*producer,*certifications"
const PRODUCT_DETAIL_FIELDS =
  "id,handle,title,subtitle,description,thumbnail,metadata,created_at,weight,origin_country,material,*images,*options,*options.values,*variants,*variants.options,*variants.calculated_price,+variants.inventory_quantity,+variants.manage_inventory,+variants.allow_backorder,*producer,*certifications"
const TARGET = { ratio: 1.3, p95_ms: 150, connections: 8 }
const loadavg = () => os.loadavg().map((l) => l.toFixed(2)).join(" ")

/** Resident memory of a process group (the Medusa server and its children), in MB. */
export function groupRssMb(pgid) {
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

/** p95 from autocannon's full histogram (it only summarises p90 and p97.5). */
function p95(result) {
  const h = result.latency
  if (h.p95 !== undefined) return h.p95
  return Math.round((h.p90 + (h.p97_5 - h.p90) * (5 / 7.5)) * 100) / 100
}

async function measure(autocannon, name, opts, pgid) {
  let peak = 0
  const sampler = setInterval(() => (peak = Math.max(peak, groupRssMb(pgid))), 1000)
  let result
  try {
    result = await autocannon({ duration: DURATION, ...opts })
  } finally {
    clearInterval(sampler)
  }
  const row = {
    scenario: name,
    connections: opts.connections,
    requests: result.requests.total,
    requests_per_s: Math.round(result.requests.average * 10) / 10,
    p50_ms: result.latency.p50,
    p95_ms: p95(result),
    p99_ms: result.latency.p99,
    max_ms: result.latency.max,
    non_2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    server_rss_peak_mb: peak,
  }
  log(
    `${name.padEnd(30)} c=${String(opts.connections).padStart(2)} ${String(row.requests_per_s).padStart(6)} req/s  p50 ${row.p50_ms}  p95 ${row.p95_ms}  p99 ${row.p99_ms} ms  non-2xx ${row.non_2xx}  errors ${row.errors}  rss ${peak} MB`
  )
  return row
}

async function benchApi({ quick }) {
  const { default: autocannon } = await import("autocannon")
  const backend = await import("./lib/backend.mjs")
  const { startThrowawayDatabase } = await import("./lib/stack.mjs")
  const { generateCatalogue, catalogueSummary } = await import("./lib/catalogue-generator.mjs")
  fs.mkdirSync(RESULTS, { recursive: true })
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ocop-bench-api-"))
  const report = {
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memory_gb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    load_at_start: loadavg(),
    duration_s: DURATION,
    target: TARGET,
    // medusa-config.ts turns Medusa's query cache on unless MEDUSA_FF_CACHING=false.
    query_cache: process.env.MEDUSA_FF_CACHING === "false" ? "off" : process.env.REDIS_URL ? "redis" : "in-memory",
  }
  let catalogueFile = null
  if (!quick) {
    catalogueFile = process.env.BENCH_CATALOGUE || path.join(tmp, "catalogue.json")
    if (!process.env.BENCH_CATALOGUE) {
      const n = Number(process.env.BENCH_PRODUCTS || 10000)
      await stage(`generating a ${n.toLocaleString("en-US")}-product catalogue`, async () => fs.writeFileSync(catalogueFile, JSON.stringify(generateCatalogue(n))))
    }
    report.catalogue = catalogueSummary(JSON.parse(fs.readFileSync(catalogueFile, "utf8")))
  } else {
    report.catalogue = { demo: true, ...catalogueSummary(JSON.parse(fs.readFileSync(path.join(BACKEND_DIR, "src", "scripts", "data", "catalogue.json"), "utf8"))) }
  }

  // BENCH_DATABASE_URL: a database kept between runs (seeded on the first, reused after).
  const kept = process.env.BENCH_DATABASE_URL
  const db = kept ? { databaseUrl: kept, stop: async () => {} } : await startThrowawayDatabase("ocop-bench-api")
  const { ensureDatabase, productCount } = await import("./lib/postgres.mjs")
  if (kept) await ensureDatabase(kept)
  let server
  try {
    const port = await freePort()
    const secret = () => crypto.randomBytes(24).toString("hex")
    const env = backend.backendEnv({
      databaseUrl: db.databaseUrl,
      port,
      storefrontUrl: "http://localhost:8000",
      extra: { JWT_SECRET: secret(), COOKIE_SECRET: secret(), LOG_LEVEL: "warn", NODE_ENV: "production" },
    })
    await stage("migrations", () => run(MEDUSA, ["db:migrate", "--execute-all-search"], { cwd: BACKEND_DIR, env, label: "migrate", quiet: true }))
    if (kept && (await productCount(kept)) > 0) {
      log(`BENCH_DATABASE_URL already holds a catalogue: not seeding (report.catalogue describes the generated file)`)
    } else {
      const seedStarted = Date.now()
      await stage(`seeding ${report.catalogue.products.toLocaleString("en-US")} products`, () =>
        run(MEDUSA, ["exec", "./src/scripts/seed.ts"], {
          cwd: BACKEND_DIR,
          // Live indexing off while seeding: the index is rebuilt in one go below.
          env: { ...env, ...(catalogueFile ? { OCOP_CATALOGUE_FILE: catalogueFile } : {}), OCOP_SEARCH_SYNC: "off" },
          label: "seed",
          quiet: true,
        })
      )
      report.seed_seconds = Math.round((Date.now() - seedStarted) / 1000)
      await stage("search index", () => run(MEDUSA, ["exec", "./src/scripts/search-rebuild.ts"], { cwd: BACKEND_DIR, env, label: "index", quiet: true }))
    }
    await stage("backend build", async () => {
      if (backend.backendBuildIsFresh()) log("backend build is up to date")
      else await backend.buildBackend(env)
    })
    server = await stage("backend server", () => backend.serveBackend(env, { port, logFile: path.join(tmp, "backend.log") }))
    const base = `http://127.0.0.1:${port}`
    const key = await backend.publishableKey(db.databaseUrl)
    const headers = { "x-publishable-api-key": key }
    const get = async (p) => {
      const res = await fetch(`${base}${p}`, { headers })
      if (!res.ok) throw new Error(`GET ${p}: ${res.status} ${await res.text()}`)
      return res.json()
    }
    const vn = (await get("/store/regions")).regions.find((r) => r.currency_code === "vnd")
    const listed = await get(`/store/products?limit=1&fields=id,handle,variants.id,*certifications`)
    report.store_count = listed.count
    const sample = listed.products[0]
    const certificate = sample.certifications.find((c) => c.status === "active").certificate_number
    report.rss_idle_mb = groupRssMb(server.pid)

    // Carts for the add-to-cart scenario: many, used in turn, so no cart grows large.
    const carts = []
    await stage("preparing carts", async () => {
      for (let i = 0; i < 50; i++) {
        const res = await fetch(`${base}/store/carts?fields=id`, {
          method: "POST",
          headers: { ...headers, "content-type": "application/json" },
          body: JSON.stringify({ region_id: vn.id }),
        })
        carts.push((await res.json()).cart.id)
      }
    })
    let cartTurn = 0
    const variantId = (await get(`/store/products?id=${sample.id}&fields=variants.id`)).products[0].variants[0].id

    const region = `region_id=${vn.id}`
    /** @type {[string, { path?: string, method?: string, setup?: (req: object) => { path: string, body?: string } }][]} */
    const scenarios = [
      ["stock GET /store/products", { path: `/store/products?limit=12&${region}` }],
      ["stock list + prices", { path: `/store/products?limit=12&${region}&fields=id,handle,title,subtitle,thumbnail,metadata,created_at,*variants.calculated_price,+variants.inventory_quantity` }],
      ["OCOP product list", { path: `/store/products?limit=12&${region}&fields=${encodeURIComponent(PRODUCT_LIST_FIELDS)}` }],
      ["OCOP list, 4-5★ filter", { path: `/store/products?limit=8&${region}&ocop_stars=5&ocop_stars=4&order=-created_at&fields=${encodeURIComponent(PRODUCT_LIST_FIELDS)}` }],
      ["product by handle", { path: `/store/products?handle=${sample.handle}&${region}&fields=${encodeURIComponent(PRODUCT_DETAIL_FIELDS)}` }],
      ["search 'mè xửng'", { path: `/store/ocop/search?q=${encodeURIComponent("mè xửng")}&limit=24` }],
      ["certificate verification", { path: `/store/ocop/certificates/${encodeURIComponent(certificate)}` }],
      [
        "add to cart",
        {
          method: "POST",
          setup: (req) => ({
            ...req,
            path: `/store/carts/${carts[cartTurn++ % carts.length]}/line-items?fields=id`,
            body: JSON.stringify({ variant_id: variantId, quantity: 1 }),
          }),
        },
      ],
    ]
    const rows = []
    for (const [name, s] of scenarios) {
      const opts = {
        url: `${base}${s.path ?? "/"}`,
        method: s.method ?? "GET",
        headers: { ...headers, ...(s.method === "POST" ? { "content-type": "application/json" } : {}) },
        ...(s.setup ? { requests: [{ setupRequest: s.setup }] } : {}),
      }
      // One request first: a scenario that does not answer 2xx is reported, not measured.
      /** @type {{ path?: string, body?: string }} */
      const probe = s.setup ? s.setup({}) : { path: s.path }
      const check = await fetch(`${base}${probe.path}`, { headers: opts.headers, method: opts.method, ...(probe.body ? { body: probe.body } : {}) })
      if (!check.ok) {
        log(`${name}: ${check.status} ${(await check.text()).slice(0, 300)}`)
        rows.push({ scenario: name, error: `HTTP ${check.status}` })
        continue
      }
      await autocannon({ ...opts, connections: 2, amount: 10 }) // warm-up
      for (const connections of CONNECTIONS) rows.push(await measure(autocannon, name, { ...opts, connections }, server.pid))
    }
    report.rss_after_mb = groupRssMb(server.pid)
    report.load_at_end = loadavg()
    report.rows = rows
    const at = (scenario, c) => rows.find((r) => r.scenario === scenario && r.connections === c)
    report.ratio = Object.fromEntries(
      CONNECTIONS.map((c) => {
        const ours = at("OCOP product list", c)
        const stock = at("stock GET /store/products", c)
        return [c, { p50: +(ours.p50_ms / stock.p50_ms).toFixed(2), p95: +(ours.p95_ms / stock.p95_ms).toFixed(2), throughput: +(stock.requests_per_s / ours.requests_per_s).toFixed(2) }]
      })
    )
    const ours8 = at("OCOP product list", TARGET.connections)
    report.target_met = ours8
      ? { ratio: report.ratio[TARGET.connections].p95 <= TARGET.ratio, p95: ours8.p95_ms <= TARGET.p95_ms }
      : null
    // The demo-catalogue run and the 10 000-product run keep separate reports.
    const name = quick ? "api-quick" : "api"
    fs.writeFileSync(path.join(RESULTS, `${name}.json`), JSON.stringify(report, null, 2) + "\n")
    const md = renderApi(report)
    fs.writeFileSync(path.join(RESULTS, `${name}.md`), md)
    console.log(`\n${md}`)
    return report
  } finally {
    if (server) await stopService(server)
    await db.stop()
    fs.rmSync(tmp, { recursive: true, force: true })
  }
}

function renderApi(r) {
  const c = r.catalogue
  const t = r.target
  const ratio8 = r.ratio?.[t.connections]
  const ours8 = r.rows.find((x) => x.scenario === "OCOP product list" && x.connections === t.connections)
  return [
    `# API benchmark (${r.at})`,
    "",
    `autocannon against the built backend (NODE_ENV=production), ${r.duration_s} s per run. Machine: ${r.machine.cpus} × ${r.machine.cpu}, ${r.machine.memory_gb} GB, Node ${r.machine.node}; **shared with other agents**: load average ${r.load_at_start} at start, ${r.load_at_end} at the end.`,
    `Catalogue: ${c.demo ? "the demo catalogue" : "generated"}, ${c.products.toLocaleString("en-US")} products (${r.store_count.toLocaleString("en-US")} sellable, listed by the store), ${c.producers} producers; producers ${JSON.stringify(c.producer_statuses)}, certifications ${JSON.stringify(c.certification_statuses)}${r.seed_seconds ? `; seeded in ${r.seed_seconds} s` : ""}.`,
    `Medusa's query cache: ${r.query_cache ?? "off"} (medusa-config.ts; MEDUSA_FF_CACHING=false turns it off).`,
    `Server RSS (backend process group): ${r.rss_idle_mb} MB idle after start, ${r.rss_after_mb} MB after the run; peak per run in the table.`,
    "",
    "| scenario | conn | req/s | p50 ms | p95 ms | p99 ms | non-2xx | errors | RSS peak MB |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...r.rows.filter((x) => !x.error).map((x) => `| ${x.scenario} | ${x.connections} | ${x.requests_per_s} | ${x.p50_ms} | ${x.p95_ms} | ${x.p99_ms} | ${x.non_2xx} | ${x.errors} | ${x.server_rss_peak_mb} |`),
    "",
    ...r.rows.filter((x) => x.error).map((x) => `${x.scenario}: not measured (${x.error}).`),
    "",
    "Scenarios: *stock* is Medusa's `GET /store/products?limit=12&region_id=…` with its default fields; *stock list + prices* asks for the storefront's product fields without the OCOP ones; *OCOP product list* is exactly what the storefront's catalogue asks for (prices, stock, `*producer`, `*certifications`); *product by handle* is the product page's query; search is `GET /store/ocop/search`; certificate verification is `GET /store/ocop/certificates/:number`; add to cart is `POST /store/carts/:id/line-items` over 50 carts in turn.",
    "",
    `OCOP listing vs stock listing: ${Object.entries(r.ratio).map(([k, v]) => `${k} conn p95 ${v.p95}× (p50 ${v.p50}×, throughput ${v.throughput}×)`).join("; ")}.`,
    "",
    `Targets at ${t.connections} connections: ratio ≤ ${t.ratio}× — **${r.target_met?.ratio ? "met" : "not met"}** (p95 ${ratio8?.p95}×); OCOP listing p95 ≤ ${t.p95_ms} ms — **${r.target_met?.p95 ? "met" : "not met"}** (${ours8?.p95_ms} ms).`,
    "",
  ].join("\n")
}

async function main() {
  checkNodeVersion()
  ensureInstalled()
  const args = process.argv.slice(2)
  const quick = args.includes("--quick")
  const what = args.find((a) => !a.startsWith("--")) ?? "all"
  const todo = what === "all" ? ["api", "lighthouse", "startup"] : [what]
  for (const w of todo) {
    if (w === "api") await benchApi({ quick })
    else if (w === "lighthouse") await (await import("./bench-lighthouse.mjs")).benchLighthouse()
    else if (w === "startup") await (await import("./bench-startup.mjs")).benchStartup()
    else if (w === "search") await (await import("./bench-search.mjs")).benchSearch()
    else if (w === "scale") await (await import("./bench-scale.mjs")).benchScale()
    else throw new Error(`unknown benchmark "${w}": api, lighthouse, startup, search, scale or all`)
  }
}

main().catch((e) => {
  console.error(`[ocop] bench failed: ${e?.stack ?? e}`)
  process.exit(1)
})
