/**
 * A producer in a real browser: sign up, apply, get approved, list a product
 * with an uploaded image, submit its OCOP certificate with evidence, see it go
 * live after the office's approval, receive an order and mark it shipped —
 * with inline validation along the way, in Vietnamese and English.
 */
import type { Browser, Page } from "playwright-core"
import { admin, STOREFRONT_URL, uniq } from "../support/api"
import { addItem, completeCart, createCart, prepareCheckout } from "../support/checkout"
import { launchBrowser, newContext, screenshot, watchErrors } from "../support/browser"
import { PNG_1X1 } from "../support/producer"
import { until } from "../support/wait"

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")

async function producerIdByName(name: string) {
  const res = await admin("GET", `/admin/producers?q=${encodeURIComponent(name)}&limit=5`)
  return res.body.producers.find((p: any) => p.legal_name === name)?.id as string
}

async function fieldError(page: Page, testId: string) {
  const input = page.getByTestId(testId)
  await expect.poll(() => input.getAttribute("aria-invalid")).toBe("true")
  return page.getByTestId(`${testId}-error`).innerText()
}

it("signs up, applies, lists, certifies, sells and ships", async () => {
  const context = await newContext(browser)
  const page = await context.newPage()
  const errors = watchErrors(page)
  const email = `portal-e2e-${uniq()}@example.com`
  const legalName = `HTX Thử nghiệm trình duyệt ${uniq()} (test)`

  // Sign up, with inline validation.
  await page.goto(`${STOREFRONT_URL}/vi/producer`)
  await page.getByTestId("producer-signup-email").fill("not-an-email")
  await page.getByTestId("producer-signup-password").focus()
  expect(await fieldError(page, "producer-signup-email")).toMatch(/Email/)
  await page.getByTestId("producer-signup-email").fill(email)
  await page.getByTestId("producer-signup-password").fill("portal-e2e-2026")
  await page.getByTestId("producer-signup-submit").click()

  // Apply: required fields are flagged before anything is sent.
  await page.getByTestId("producer-apply-form").waitFor()
  await page.getByTestId("apply-submit").click()
  expect(await fieldError(page, "apply-legal-name")).toMatch(/điền/)
  await page.getByTestId("apply-legal-name").fill(legalName)
  await page.getByTestId("apply-type").selectOption("cooperative")
  await page.getByTestId("apply-registration").fill(`DEMO-E2E-${uniq()}`)
  // Today's unit from the list (Resolution 1675/NQ-UBTVQH15), and the former one it replaced.
  await page.getByTestId("apply-commune").selectOption("Thủy Xuân")
  await page.getByTestId("apply-former-commune").fill("Thủy Biều")
  await page.getByTestId("apply-owner-last").fill("Nguyễn")
  await page.getByTestId("apply-owner-first").fill("Hà")
  await page.getByTestId("apply-submit").click()
  await page.getByTestId("portal-dashboard").waitFor()
  expect(await page.getByTestId("producer-status").getAttribute("data-state")).toBe("pending")
  await screenshot(page, "producer-pending")

  // The OCOP office approves the application.
  const producerId = await producerIdByName(legalName)
  expect((await admin("POST", `/admin/producers/${producerId}/approve`, {})).status).toBe(200)
  await page.reload()
  expect(await page.getByTestId("status-panel").getAttribute("data-status")).toBe("approved")

  // A new listing with an uploaded image.
  await page.getByTestId("dashboard-new-listing").click()
  await page.getByTestId("listing-create-form").waitFor()
  await page.getByTestId("listing-title-vi").fill("Thanh trà Thủy Biều sấy dẻo (thử)")
  await page.getByTestId("listing-title-en").fill("Dried Thủy Biều pomelo (test)")
  await page.getByTestId("listing-description-vi").fill("Thanh trà sấy dẻo làm tại Thủy Biều (dữ liệu kiểm thử).")
  await page.getByTestId("listing-description-en").fill("Soft-dried pomelo made in Thủy Biều (test data).")
  await page.getByTestId("listing-group").selectOption("food")
  await page.getByTestId("image-input").setInputFiles({ name: "thanh-tra.png", mimeType: "image/png", buffer: PNG_1X1 })
  await page.getByTestId("image-list").locator("img").first().waitFor()
  await page.getByTestId("variant-0-title").fill("Hộp 250 g")
  await page.getByTestId("variant-0-vnd").fill("55000")
  await page.getByTestId("variant-0-usd").fill("2.2")
  await page.getByTestId("variant-0-stock").fill("12")
  await page.getByTestId("listing-create-submit").click()
  await page.getByTestId("listing-created").waitFor()
  expect(await page.getByTestId("listing-state").getAttribute("data-state")).toBe("needs_certification")
  const productId = (await page.getByTestId("listing-page").getAttribute("data-product-id"))!

  // Its OCOP certificate, with the scanned decision as evidence.
  const certificateNumber = `DEMO-E2E-${uniq()}`.toUpperCase()
  await page.getByTestId("cert-number").fill(certificateNumber)
  await page.getByTestId("cert-decision").fill(`DEMO-${uniq()}/QĐ-UBND`)
  await page.getByTestId("cert-date").fill("2026-01-15")
  await page.getByTestId("cert-level").selectOption("province")
  await page.getByTestId("cert-authority").fill("UBND thành phố Huế (demo)")
  await page.getByTestId("cert-score").fill("74")
  await page.getByTestId("cert-stars").fill("4")
  await page.getByTestId("evidence-input").setInputFiles({ name: "quyet-dinh.pdf", mimeType: "application/pdf", buffer: PDF })
  await page.getByTestId("evidence-uploader").getByRole("link").waitFor()
  await page.getByTestId("certification-submit").click()
  await page.getByTestId("certification-submitted").waitFor()
  await page.reload()
  expect(await page.getByTestId("listing-state").getAttribute("data-state")).toBe("awaiting_certification_review")

  // The office approves the certificate and publishes the listing: it is live.
  const certs = await admin("GET", `/admin/ocop/certifications?product_id=${productId}`)
  expect(certs.body.certifications[0]).toMatchObject({ certificate_number: certificateNumber, status: "pending_review" })
  expect(certs.body.certifications[0].evidence_url).toMatch(/\.pdf$/)
  await admin("POST", `/admin/ocop/certifications/${certs.body.certifications[0].id}/approve`, {})
  expect((await admin("POST", `/admin/products/${productId}`, { status: "published" })).status).toBe(200)
  await page.reload()
  expect(await page.getByTestId("listing-state").getAttribute("data-state")).toBe("live")

  // Stock changes apply at once (and bad values are flagged inline).
  await page.getByTestId("stock-0-stock").fill("-3")
  await page.getByTestId("stock-0-vnd").focus()
  expect(await fieldError(page, "stock-0-stock")).toBeTruthy()
  await page.getByTestId("stock-0-stock").fill("20")
  await page.getByTestId("listing-stock-submit").click()
  await page.getByTestId("listing-stock-notice").waitFor()
  expect(await page.getByTestId("listing-state").getAttribute("data-state")).toBe("live")
  await screenshot(page, "producer-listing-live")

  // A shopper orders it; the producer sees the order and ships it.
  const variant = (await admin("GET", `/admin/products/${productId}?fields=variants.id`)).body.product.variants[0]
  const { cart } = await createCart("vnd")
  expect((await addItem(cart.id, variant.id, 1)).status).toBe(200)
  await prepareCheckout(cart.id, "pp_cod_cod")
  const done = await completeCart(cart.id)
  expect(done.body.type).toBe("order")
  // The portal's reference is the display number (never Medusa's order id).
  const orderId = String(done.body.order.display_id)
  await page.getByTestId("portal-nav-orders").click()
  await page.waitForURL(/\/vi\/producer\/orders$/)
  await until(async () => {
    await page.reload()
    return (await page.locator(`[data-testid="order-row"][data-order-id="${orderId}"]`).count()) > 0
  }, { timeout: 15_000, interval: 1000 })
  await page.locator(`[data-testid="order-row"][data-order-id="${orderId}"] a`).click()
  await page.getByTestId("order-address").waitFor()
  expect(await page.getByTestId("order-address").innerText()).toContain("12 Lê Lợi")
  await page.getByTestId("ship-tracking").fill("VNPOST-E2E-1")
  await page.getByTestId("ship-carrier").fill("VNPost")
  await page.getByTestId("ship-submit").click()
  await page.getByTestId("order-all-shipped").waitFor()
  expect(await page.getByTestId("order-shipping-status").getAttribute("data-state")).toBe("shipped")

  // The same portal in English.
  await page.getByTestId("locale-switch").click()
  await page.waitForURL(/\/en\/producer\//)
  expect(await page.getByTestId("portal-nav-orders").innerText()).toBe("Orders")
  await screenshot(page, "producer-order-shipped-en")
  // The storefront has no favicon yet (its 404 is not the portal's).
  expect(errors.filter((e) => !/Failed to load resource: .*404/.test(e))).toEqual([])
  await context.close()
}, 240_000)

it("keeps the portal closed to visitors and refuses a foreign listing", async () => {
  const context = await newContext(browser)
  const page = await context.newPage()
  await page.goto(`${STOREFRONT_URL}/en/producer/products`)
  await page.getByTestId("portal-signin").waitFor()
  await page.getByTestId("producer-login-email").fill("anlo@ocop-hue.vn")
  await page.getByTestId("producer-login-password").fill("wrong-password")
  await page.getByTestId("producer-login-submit").click()
  await page.getByTestId("producer-login-error").waitFor()
  await page.getByTestId("producer-login-password").fill("producer-2026")
  await page.getByTestId("producer-login-submit").click()
  await page.getByTestId("portal-dashboard").waitFor()
  // A Bao La listing id is not An Lỗ's: not found.
  const baola = await admin("GET", "/admin/producers?q=htx-may-tre-dan-bao-la&limit=1")
  const foreign = (await admin("GET", `/admin/producers/${baola.body.producers[0].id}`)).body.producer.products[0].id
  await page.goto(`${STOREFRONT_URL}/en/producer/products/${foreign}`)
  await page.getByTestId("portal-not-found").waitFor()
  const cookies = await context.cookies()
  const token = cookies.find((c) => c.name === "ocop_producer_token")
  expect(token?.httpOnly).toBe(true)
  await context.close()
}, 120_000)
