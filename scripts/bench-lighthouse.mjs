#!/usr/bin/env node
// `npm run bench -- lighthouse` / `npm run bench:lighthouse`: Lighthouse 12 (mobile
// profile: Moto G Power emulation, simulated slow 4G and 4× CPU slowdown) on the
// storefront's PRODUCTION build — home, catalogue, a product page and the cart
// with one item — against a backend seeded with the demo catalogue on a throwaway
// database. Not a test: it measures and reports.
//
// Chromium: CHROME_PATH, else /usr/bin/chromium (Debian: `apt-get install -y chromium`).
// BENCH_LH_RUNS (3): runs per page; the median run by performance score is reported.
// BENCH_LH_PAGES (all): comma-separated page names to measure. BENCH_LH_OUT (lighthouse): report file name.
// BENCH_LH_STOREFRONT_URL, BENCH_LH_BACKEND_URL, BENCH_LH_PUBLISHABLE_KEY: measure an already running stack.
// Writes bench/results/lighthouse.json and bench/results/lighthouse.md.
import { spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { ROOT, freePort, log, stage, stopService } from "./lib/common.mjs"

const RESULTS = path.join(ROOT, "bench", "results")
const LIGHTHOUSE = path.join(ROOT, "node_modules", "lighthouse", "cli", "index.js")
const CHROME = process.env.CHROME_PATH || "/usr/bin/chromium"
const RUNS = Number(process.env.BENCH_LH_RUNS || 3)
const CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"
const TARGET = { performance: 95, lcp_ms: 2000, cls: 0.05 }
const loadavg = () => os.loadavg().map((l) => l.toFixed(2)).join(" ")

function lighthouse(url, outFile, extraHeaders) {
  const args = [
    LIGHTHOUSE,
    url,
    "--output=json",
    `--output-path=${outFile}`,
    "--only-categories=performance",
    "--form-factor=mobile",
    `--chrome-flags=${CHROME_FLAGS}`,
    "--quiet",
    "--max-wait-for-load=60000",
    ...(extraHeaders ? [`--extra-headers=${JSON.stringify(extraHeaders)}`] : []),
  ]
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, CHROME_PATH: CHROME }, stdio: ["ignore", "ignore", "pipe"] })
    let err = ""
    child.stderr.on("data", (d) => (err = (err + d).slice(-4000)))
    const timer = setTimeout(() => child.kill("SIGKILL"), 180000)
    child.on("exit", (code) => {
      clearTimeout(timer)
      if (code === 0 && fs.existsSync(outFile)) resolve(JSON.parse(fs.readFileSync(outFile, "utf8")))
      else reject(new Error(`lighthouse ${url} exited ${code}: ${err}`))
    })
  })
}

function summarise(lhr) {
  const a = lhr.audits
  const requests = a["network-requests"]?.details?.items ?? []
  const scripts = requests.filter((r) => r.resourceType === "Script")
  return {
    performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
    lcp_ms: Math.round(a["largest-contentful-paint"].numericValue),
    fcp_ms: Math.round(a["first-contentful-paint"].numericValue),
    cls: Math.round(a["cumulative-layout-shift"].numericValue * 1000) / 1000,
    tbt_ms: Math.round(a["total-blocking-time"].numericValue),
    si_ms: Math.round(a["speed-index"].numericValue),
    js_transfer_kb: Math.round(scripts.reduce((s, r) => s + (r.transferSize ?? 0), 0) / 1024),
    js_resource_kb: Math.round(scripts.reduce((s, r) => s + (r.resourceSize ?? 0), 0) / 1024),
    js_files: scripts.length,
    lcp_element: a["largest-contentful-paint-element"]?.details?.items?.[0]?.items?.[0]?.node?.snippet ?? null,
    // Where the main thread goes: by category (script evaluation, style & layout, …) and by script.
    main_thread: Object.fromEntries(
      (a["mainthread-work-breakdown"]?.details?.items ?? []).filter((i) => i.duration >= 50).map((i) => [i.groupLabel ?? i.group, Math.round(i.duration)])
    ),
    bootup: (a["bootup-time"]?.details?.items ?? [])
      .filter((i) => i.total >= 50)
      .slice(0, 5)
      .map((i) => ({ url: String(i.url).replace(/^https?:\/\/[^/]+/, ""), total_ms: Math.round(i.total), script_ms: Math.round(i.scripting) })),
    opportunities: Object.values(a)
      .filter((x) => x.details?.type === "opportunity" && (x.details.overallSavingsMs ?? 0) >= 100)
      .map((x) => `${x.id} (${Math.round(x.details.overallSavingsMs)} ms)`),
  }
}

export async function benchLighthouse() {
  if (!fs.existsSync(CHROME)) throw new Error(`no Chromium at ${CHROME}: apt-get install -y chromium, or set CHROME_PATH`)
  if (!fs.existsSync(LIGHTHOUSE)) throw new Error("lighthouse is not installed (it is a devDependency: npm install)")
  const { startThrowawayDatabase, startSeededBackend } = await import("./lib/stack.mjs")
  const storefront = await import("./lib/storefront.mjs")
  fs.mkdirSync(RESULTS, { recursive: true })
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ocop-bench-lh-"))
  const report = {
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memory_gb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    chromium: CHROME,
    lighthouse: JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", "lighthouse", "package.json"), "utf8")).version,
    runs_per_page: RUNS,
    target: TARGET,
    load_at_start: loadavg(),
  }
  // BENCH_LH_STOREFRONT_URL + BENCH_LH_BACKEND_URL + BENCH_LH_PUBLISHABLE_KEY: measure a stack that is already
  // running (a production build seeded with the demo catalogue), e.g. to compare two builds on one backend.
  const existing = process.env.BENCH_LH_STOREFRONT_URL
    ? { url: process.env.BENCH_LH_BACKEND_URL ?? "", publishableKey: process.env.BENCH_LH_PUBLISHABLE_KEY ?? "" }
    : null
  const db = existing ? null : await startThrowawayDatabase("ocop-bench-lh")
  let backend
  let sf
  try {
    const sfPort = existing ? Number(new URL(process.env.BENCH_LH_STOREFRONT_URL ?? "").port) : await freePort()
    if (existing) backend = existing
    else {
      if (!db) throw new Error("no database to seed")
      backend = await startSeededBackend({ databaseUrl: db.databaseUrl, storefrontUrl: `http://localhost:${sfPort}`, logFile: path.join(tmp, "backend.log") })
      const sfEnv = storefront.storefrontEnv({ backendUrl: backend.url, publishableKey: backend.publishableKey, port: sfPort })
      await stage("storefront build (production)", async () => {
        if (storefront.storefrontBuildIsFresh(sfEnv)) log("storefront build is up to date")
        else await storefront.buildStorefront(sfEnv)
      })
      sf = await stage("storefront server", () => storefront.serveStorefront(sfEnv, { port: sfPort, logFile: path.join(tmp, "storefront.log") }))
    }

    const headers = { "x-publishable-api-key": backend.publishableKey, "content-type": "application/json" }
    const api = async (p, body) => {
      const res = await fetch(`${backend.url}${p}`, { method: body ? "POST" : "GET", headers, ...(body ? { body: JSON.stringify(body) } : {}) })
      if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`)
      return res.json()
    }
    const vn = (await api("/store/regions")).regions.find((r) => r.currency_code === "vnd")
    const product = (await api(`/store/products?limit=1&order=-created_at&fields=handle,variants.id,*certifications`)).products[0]
    const producer = (await api("/store/producers?limit=1")).producers?.[0]
    const certificate = product.current_certification?.certificate_number
    const cart = (await api("/store/carts", { region_id: vn.id })).cart
    await api(`/store/carts/${cart.id}/line-items`, { variant_id: product.variants[0].id, quantity: 1 })

    const base = `http://localhost:${sfPort}`
    /** @type {[string, string, Record<string, string>?][]} */
    const all = [
      ["home", `${base}/vi`],
      ["catalogue", `${base}/vi/products`],
      ["product", `${base}/vi/products/${product.handle}`],
    ]
    if (producer) all.push(["producer", `${base}/vi/producers/${producer.handle}`])
    if (certificate) all.push(["verification", `${base}/vi/verify/${certificate}`])
    all.push(["cart (1 item)", `${base}/vi/cart`, { Cookie: `_ocop_cart_id=${cart.id}` }])
    // BENCH_LH_PAGES=home,product measures only those pages (names as in the table).
    const only = (process.env.BENCH_LH_PAGES ?? "").split(",").map((x) => x.trim()).filter(Boolean)
    const pages = only.length ? all.filter(([name]) => only.some((o) => name.startsWith(o))) : all
    // Warm the server's caches (first render of each route) before measuring.
    for (const [, url, h] of pages) await fetch(url, { headers: h ?? {} }).then((r) => r.arrayBuffer())
    report.pages = []
    for (const [name, url, h] of pages) {
      const runs = []
      for (let i = 0; i < RUNS; i++) {
        const lhr = await stage(`lighthouse ${name} (${i + 1}/${RUNS})`, () => lighthouse(url, path.join(tmp, `lh-${i}.json`), h))
        runs.push(summarise(lhr))
      }
      const sorted = [...runs].sort((a, b) => a.performance - b.performance)
      const median = sorted[Math.floor(sorted.length / 2)]
      const met = median.performance >= TARGET.performance && median.lcp_ms <= TARGET.lcp_ms && median.cls <= TARGET.cls
      report.pages.push({ page: name, url: url.replace(base, ""), ...median, target_met: met, scores: runs.map((r) => r.performance) })
      log(`${name}: performance ${median.performance}, LCP ${median.lcp_ms} ms, CLS ${median.cls}, TBT ${median.tbt_ms} ms, JS ${median.js_transfer_kb} KB`)
    }
    report.load_at_end = loadavg()
    // BENCH_LH_OUT=name writes bench/results/name.{json,md} instead (e.g. a "before" run kept next to the report).
    const out = process.env.BENCH_LH_OUT || "lighthouse"
    fs.writeFileSync(path.join(RESULTS, `${out}.json`), JSON.stringify(report, null, 2) + "\n")
    const md = renderMarkdown(report)
    fs.writeFileSync(path.join(RESULTS, `${out}.md`), md)
    console.log(`\n${md}`)
    return report
  } finally {
    if (sf) await stopService(sf)
    if (backend?.service) await stopService(backend.service)
    await db?.stop()
    fs.rmSync(tmp, { recursive: true, force: true })
  }
}

function renderMarkdown(r) {
  const t = r.target
  return [
    `# Storefront Lighthouse (${r.at})`,
    "",
    `Lighthouse ${r.lighthouse}, mobile profile (emulated Moto G Power, simulated slow 4G, 4× CPU slowdown), Debian Chromium headless, production build (\`next build\` + \`next start\`), demo catalogue. Median of ${r.runs_per_page} runs per page (by performance score).`,
    `Machine: ${r.machine.cpus} × ${r.machine.cpu}, ${r.machine.memory_gb} GB, Node ${r.machine.node}; **shared with other agents**: load average ${r.load_at_start} at start, ${r.load_at_end} at the end (TBT is measured on this CPU, so load inflates it).`,
    "",
    "| page | performance | LCP ms | CLS | TBT ms | FCP ms | JS transferred KB (files) | all runs | targets |",
    "|---|---:|---:|---:|---:|---:|---:|---|---|",
    ...r.pages.map(
      (p) => `| ${p.page} \`${p.url}\` | ${p.performance} | ${p.lcp_ms} | ${p.cls} | ${p.tbt_ms} | ${p.fcp_ms} | ${p.js_transfer_kb} (${p.js_files}) | ${p.scores.join(", ")} | ${p.target_met ? "met" : "**not met**"} |`
    ),
    "",
    `Targets: performance ≥ ${t.performance}, LCP ≤ ${t.lcp_ms} ms, CLS ≤ ${t.cls} on every page.`,
    "",
    ...r.pages.filter((p) => p.opportunities.length || p.lcp_element).map((p) => `- ${p.page}: LCP element \`${(p.lcp_element ?? "?").slice(0, 120)}\`${p.opportunities.length ? `; opportunities: ${p.opportunities.join(", ")}` : ""}`),
    "",
    "Main thread (median run, ms, 4× CPU slowdown): by category, then the scripts costing most.",
    "",
    ...r.pages.map(
      (p) =>
        `- ${p.page}: ${Object.entries(p.main_thread ?? {}).map(([k, v]) => `${k} ${v}`).join(", ")}; ${(p.bootup ?? []).map((b) => `\`${b.url.slice(0, 60)}\` ${b.total_ms} (script ${b.script_ms})`).join(", ")}`
    ),
    "",
  ].join("\n")
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (isMain) {
  benchLighthouse().catch((e) => {
    console.error(`[ocop] lighthouse bench failed: ${e?.stack ?? e}`)
    process.exit(1)
  })
}
