/**
 * The downgrade case in the browser: a product with an earlier 5★ decision and a later 4★ one
 * (both in force) shows 4★ and the later certificate number — the backend's current certificate —
 * on its product page, rendered in Chromium.
 */
import type { Browser } from "playwright-core"
import { admin, STOREFRONT_URL } from "../support/api"
import { DESKTOP, launchBrowser, newContext, watchErrors } from "../support/browser"
import { certificationBody, createSellableProduct, monthsAgo } from "../support/ocop"

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe("OCOP contract in the browser", () => {
  it("a downgraded product shows its later, lower certificate", async () => {
    const { product } = await createSellableProduct({ certification: { score: 92, stars: 5, decision_date: monthsAgo(12) } })
    const later = await admin("POST", "/admin/ocop/certifications", certificationBody(product.id, { score: 75, stars: 4, decision_date: monthsAgo(1) }))
    expect(later.status).toBe(201)
    const four = later.body.certification as { certificate_number: string }

    const context = await newContext(browser, DESKTOP)
    const page = await context.newPage()
    const errors = watchErrors(page)
    try {
      await page.goto(`${STOREFRONT_URL}/vi/products/${product.handle}`)
      await expect.poll(() => page.getByTestId("star-badge").first().getAttribute("data-stars")).toBe("4")
      await expect.poll(() => page.getByTestId("certificate-number").first().textContent()).toBe(four.certificate_number)
      expect(errors).toEqual([])
    } finally {
      await context.close()
    }
  })
})
