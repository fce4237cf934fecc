/**
 * Lighthouse budgets that do not depend on timing, so they can fail CI without
 * flaking on a busy machine: JavaScript bytes and request count per page, the
 * accessibility and SEO scores, and no console errors. Lighthouse's node API
 * (the same 12.2.3 `npm run bench -- lighthouse` uses for the timing scores),
 * without network or CPU throttling (nothing timed is asserted), Debian Chromium.
 *
 * A budget is the current figure plus headroom: raising one is a decision to
 * make in review, next to the page that grew.
 */
import * as chromeLauncher from "chrome-launcher"
import lighthouse from "lighthouse"
import { STOREFRONT_URL, store } from "../support/api"
import { chromiumPath } from "../support/browser"
import { sellableProducts } from "../support/catalogue"

type Budget = { jsKb: number; requests: number; seo: number }

/** Transferred (compressed) JavaScript, all requests, and the SEO score each page must keep within. */
// Measured 3 Dec 2026: 154–157 KB of JavaScript and 21–28 requests per page.
const BROWSE: Budget = { jsKb: 170, requests: 32, seo: 100 }
/** Pages kept out of search indexes on purpose (robots noindex) score 58 on SEO; the rest of SEO must stay. */
const NOINDEX: Budget = { ...BROWSE, seo: 58 }
const product = sellableProducts()[0]

let chrome: chromeLauncher.LaunchedChrome
let cartCookie = ""

beforeAll(async () => {
  chrome = await chromeLauncher.launch({
    chromePath: chromiumPath(),
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  })
  // A cart with one line, for the cart page.
  const regions = await store("GET", "/store/regions")
  const vn = regions.body.regions.find((r: any) => r.currency_code === "vnd")
  const found = await store("GET", `/store/products?handle=${product.handle}&fields=variants.id`)
  const cart = await store("POST", "/store/carts", { body: { region_id: vn.id } })
  await store("POST", `/store/carts/${cart.body.cart.id}/line-items`, { body: { variant_id: found.body.products[0].variants[0].id, quantity: 1 } })
  cartCookie = `_ocop_cart_id=${cart.body.cart.id}`
})
afterAll(async () => {
  chrome?.kill()
})

async function audit(path: string, headers: Record<string, string> = {}) {
  const result = await lighthouse(
    `${STOREFRONT_URL}${path}`,
    { port: chrome.port, logLevel: "error", output: "json", extraHeaders: headers },
    {
      extends: "lighthouse:default",
      settings: {
        onlyCategories: ["accessibility", "seo"],
        onlyAudits: ["network-requests", "errors-in-console"],
        formFactor: "mobile",
        throttlingMethod: "provided",
        // Budgets are about what the page loads, not how fast: no throttling, no trace analysis.
        skipAudits: ["full-page-screenshot", "screenshot-thumbnails", "final-screenshot"],
      },
    }
  )
  if (!result) throw new Error(`Lighthouse returned nothing for ${path}`)
  const { lhr } = result
  if (lhr.runtimeError) throw new Error(`Lighthouse ${path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`)
  const requests = ((lhr.audits["network-requests"].details as any)?.items ?? []) as { url: string; resourceType?: string; transferSize?: number }[]
  const scripts = requests.filter((r) => r.resourceType === "Script")
  const consoleErrors = ((lhr.audits["errors-in-console"].details as any)?.items ?? []) as { description?: string; url?: string }[]
  return {
    jsKb: Math.round(scripts.reduce((n, r) => n + (r.transferSize ?? 0), 0) / 1024),
    requests: requests.length,
    accessibility: Math.round((lhr.categories.accessibility.score ?? 0) * 100),
    seo: Math.round((lhr.categories.seo.score ?? 0) * 100),
    failedA11y: failing(lhr, "accessibility"),
    // Named in the output so a lower SEO score says why.
    failedSeo: failing(lhr, "seo"),
    consoleErrors: consoleErrors.map((e) => `${e.description ?? ""} ${e.url ?? ""}`.trim()),
  }
}

/** The weighted audits of a category that did not pass. */
function failing(lhr: { categories: Record<string, { auditRefs: { id: string; weight: number }[] }>; audits: Record<string, { score: number | null }> }, category: string): string[] {
  return lhr.categories[category].auditRefs
    .filter((r) => r.weight > 0 && lhr.audits[r.id].score !== null && (lhr.audits[r.id].score ?? 1) < 1)
    .map((r) => r.id)
}

const pages: [name: string, path: () => string, budget: Budget, headers?: () => Record<string, string>][] = [
  ["home", () => "/vi", BROWSE],
  ["home (en)", () => "/en", BROWSE],
  ["catalogue", () => "/vi/products", BROWSE],
  ["product", () => `/vi/products/${product.handle}`, BROWSE],
  ["producer", () => `/vi/producers/${product.producer}`, BROWSE],
  // A certificate's page and the cart are noindex by design (a certificate's status changes; a cart is private).
  ["verification", () => `/vi/verify/${product.certification.certificate_number}`, NOINDEX],
  ["cart (1 item)", () => "/vi/cart", NOINDEX, () => ({ Cookie: cartCookie })],
]

describe("Lighthouse budgets (non-timing)", () => {
  for (const [name, path, budget, headers] of pages) {
    it(`${name}: JS ≤ ${budget.jsKb} KB, ≤ ${budget.requests} requests, accessibility 100, SEO ≥ ${budget.seo}, no console errors`, async () => {
      const r = await audit(path(), headers?.())
      console.info(`lighthouse budget ${name}: ${JSON.stringify(r)}`)
      expect({ page: name, ...r }).toMatchObject({ page: name, accessibility: 100, failedA11y: [], consoleErrors: [] })
      expect(r.jsKb, `${name}: JavaScript KB`).toBeLessThanOrEqual(budget.jsKb)
      expect(r.requests, `${name}: requests`).toBeLessThanOrEqual(budget.requests)
      expect(r.seo, `${name}: SEO score`).toBeGreaterThanOrEqual(budget.seo)
    }, 120_000)
  }
})
