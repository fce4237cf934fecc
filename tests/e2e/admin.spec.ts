/**
 * The OCOP office in the real Medusa dashboard, on the same plain-HTTP server `npm test` starts
 * (built, NODE_ENV=production — the mode `npm start` runs): the README's demo admin signs in,
 * certifies, re-rates and suspends a product in the certification widget and sees it leave the
 * store, approves a producer who applied through the portal, sees a certificate that expires soon,
 * and decides a producer's listing changes. Every step asserts what the admin sees on screen.
 */
import type { Browser, BrowserContext, Page } from "playwright-core"
import { ADMIN, BACKEND_URL, STOREFRONT_URL, admin, http, store, uniq } from "../support/api"
import { launchBrowser, screenshot, watchErrors } from "../support/browser"
import { certificationBody, createDraftProduct, createSellableProduct, monthsAgo } from "../support/ocop"
import { listingBody, newProducer, producerApplication, registerProducerLogin } from "../support/producer"

let browser: Browser
let context: BrowserContext
let page: Page
let errors: string[]

const WIDE = { viewport: { width: 1440, height: 900 } }
/** How long a screen may take to show the result of an action (the dashboard reloads the widget's data). */
const SCREEN = { timeout: 30_000, interval: 250 }

beforeAll(async () => {
  browser = await launchBrowser()
  context = await browser.newContext({ ...WIDE, locale: "en-US" })
  context.setDefaultTimeout(30_000)
  page = await context.newPage()
  errors = watchErrors(page)
})
afterAll(async () => {
  await browser?.close()
})

/** The widget's card on a product page. */
const widget = () => page.getByTestId("ocop-certification-widget")

async function openProduct(productId: string) {
  await page.goto(`${BACKEND_URL}/app/products/${productId}`)
  await widget().waitFor()
  await expect.poll(() => widget().innerText(), SCREEN).not.toMatch(/Loading…/)
}

/** Fills the dashboard's reason dialog and confirms it. */
async function answerReasonDialog(reason: string, confirm: string) {
  const dialog = page.getByRole("alertdialog")
  await dialog.waitFor()
  const confirmButton = dialog.getByRole("button", { name: confirm, exact: true })
  // A required reason: the confirm button stays disabled until one is typed.
  if (reason) expect(await confirmButton.isDisabled()).toBe(true)
  await dialog.getByLabel(/Reason|Note/).fill(reason)
  await confirmButton.click()
  await dialog.waitFor({ state: "detached" })
}

describe("the OCOP office in the Medusa dashboard", () => {
  it("signs the README's demo admin in over plain HTTP and keeps the session", async () => {
    await page.goto(`${BACKEND_URL}/app/login`)
    await page.getByPlaceholder("Email").fill(ADMIN.email)
    await page.getByPlaceholder("Password").fill(ADMIN.password)
    await page.getByRole("button", { name: "Continue with Email" }).click()
    await page.waitForURL((url) => !url.pathname.includes("/login"))

    // The session cookie was set on http://localhost: not Secure (the browser would drop it), but
    // httpOnly and SameSite=Lax.
    const session = (await context.cookies(BACKEND_URL)).find((c) => c.name === "connect.sid")
    expect(session).toMatchObject({ httpOnly: true, secure: false, sameSite: "Lax" })

    // The OCOP extensions are in the sidebar, and a reload stays signed in.
    await page.reload()
    await page.getByRole("link", { name: "OCOP curation" }).waitFor()
    await page.getByRole("link", { name: "OCOP producers" }).waitFor()
    expect(page.url()).not.toContain("/login")
    await screenshot(page, "admin-signed-in")
  })

  it("certifies, re-rates and suspends a product in the widget, and the product leaves the store", async () => {
    const { producer } = await newProducer()
    const product = await createDraftProduct(producer.id)
    const certificateNumber = `DEMO-ADMIN-E2E-${uniq()}`.toUpperCase()

    await openProduct(product.id)
    expect(await widget().innerText()).toMatch(/No certification yet/)

    // Record a decision.
    await widget().getByRole("button", { name: "Certify" }).click()
    await widget().getByLabel("Certificate number").fill(certificateNumber)
    await widget().getByLabel("Decision number (…/QĐ-UBND)").fill(`DEMO-${uniq()}/QĐ-UBND`)
    await widget().getByLabel("Decision date").fill(monthsAgo(3).slice(0, 10))
    await widget().getByLabel("Score (0–100)").fill("76")
    await widget().getByLabel("Stars (1–5)").fill("4")
    await widget().getByRole("button", { name: "Save" }).click()
    await expect.poll(() => widget().innerText(), SCREEN).toMatch(new RegExp(certificateNumber))
    expect(await widget().innerText()).toMatch(/Active/i)
    expect(await widget().innerText()).toMatch(/76\/100/)
    await screenshot(page, "admin-widget-certified")

    // Certified, so it may be published: it is on sale.
    expect((await admin("POST", `/admin/products/${product.id}`, { status: "published" })).status).toBe(200)
    const onSale = await store("GET", `/store/products?handle=${product.handle}&fields=id`)
    expect(onSale.body.products.map((p: { id: string }) => p.id)).toEqual([product.id])
    const shopper = await context.newPage()
    expect((await shopper.goto(`${STOREFRONT_URL}/vi/products/${product.handle}`))?.status()).toBe(200)

    // Re-rate down to 3★: still sold, and the history keeps both ratings.
    await widget().getByRole("button", { name: "Re-rate" }).click()
    await widget().getByLabel("Score (0–100)").fill("62")
    await widget().getByLabel("Stars (1–5)").fill("3")
    await widget().getByLabel("Reason").fill("Đánh giá lại năm 2026")
    await widget().getByRole("button", { name: "Save" }).click()
    await expect.poll(() => widget().innerText(), SCREEN).toMatch(/62\/100/)
    expect(await widget().innerText()).toMatch(/4★ → 3★/)
    expect(await widget().innerText()).toMatch(/Đánh giá lại năm 2026/)

    // Suspend: the dialog insists on a reason; then the widget shows the status and why.
    await widget().getByRole("button", { name: "Suspend" }).click()
    await answerReasonDialog("Kiểm tra chất lượng định kỳ", "Suspend")
    await expect.poll(() => widget().innerText(), SCREEN).toMatch(/Suspended/i)
    expect(await widget().innerText()).toMatch(/Kiểm tra chất lượng định kỳ/)
    await widget().getByRole("button", { name: "Reinstate" }).waitFor()
    await screenshot(page, "admin-widget-suspended")

    // Gone from the store API at once, and from the storefront's page (cached for 60 s) within seconds:
    // the backend asks the storefront to forget the product (subscribers/storefront-revalidate.ts).
    const gone = await store("GET", `/store/products?handle=${product.handle}&fields=id`)
    expect(gone.body.products).toEqual([])
    await expect
      .poll(async () => (await shopper.goto(`${STOREFRONT_URL}/vi/products/${product.handle}`))?.status(), { timeout: 20_000, interval: 1_000 })
      .toBe(404)
    await shopper.close()
  }, 120_000)

  it("approves a producer who applied in the portal and lists certificates expiring soon", async () => {
    const login = await registerProducerLogin()
    const application = producerApplication()
    const applied = await http("POST", "/producers", { token: login.token, body: application })
    expect(applied.status).toBe(201)
    // A certificate decided 34 months ago runs out in about two months.
    const { certification } = await createSellableProduct({ certification: { decision_date: monthsAgo(34) } })

    await page.goto(`${BACKEND_URL}/app/ocop`)
    await page.getByRole("heading", { name: /Producer applications/ }).waitFor()
    const row = page.getByRole("row", { name: new RegExp(application.legal_name.replace(/[()]/g, "\\$&")) })
    await row.waitFor()
    const expiring = page.getByRole("row", { name: new RegExp(certification.certificate_number) })
    await expiring.waitFor()
    await screenshot(page, "admin-curation")

    await row.getByRole("button", { name: "Approve" }).click()
    await row.waitFor({ state: "detached" })
    const after = await admin("GET", `/admin/producers/${applied.body.producer.id}`)
    expect(after.body.producer.status).toBe("approved")
  })

  it("rejects a listing change with a note the producer reads, then approves the next one and it goes live", async () => {
    const { token, producer } = await newProducer()
    const created = await http("POST", "/producers/me/products", { token, body: listingBody() })
    expect(created.status).toBe(201)
    const listing = created.body.product
    const cert = await admin("POST", "/admin/ocop/certifications", certificationBody(listing.id, { group_code: "food" }))
    expect(cert.status).toBe(201)

    // The new listing waits for the office: reject it with a note.
    await page.goto(`${BACKEND_URL}/app/ocop`)
    await page.getByRole("heading", { name: /Listing changes waiting for review/ }).waitFor()
    const row = page.getByRole("row", { name: new RegExp(listing.title_vi) })
    await row.waitFor()
    await row.getByRole("button", { name: "Reject" }).click()
    await answerReasonDialog("Ảnh sản phẩm chưa đúng bao bì thật", "Reject")
    await row.waitFor({ state: "detached" })
    const changes = await http("GET", "/producers/me/changes", { token })
    const rejection = changes.body.changes.find((c: { action: string }) => c.action === "review_rejected")
    expect(rejection).toMatchObject({ actor_type: "user", after: { decision: "rejected", note: "Ảnh sản phẩm chưa đúng bao bì thật" } })
    expect((await admin("GET", `/admin/products/${listing.id}?fields=status`)).body.product.status).toBe("draft")

    // The producer fixes the text; the office approves, and the listing is on sale.
    const newTitle = `${listing.title_vi} — hộp giấy`
    const edited = await http("POST", `/producers/me/products/${listing.id}`, { token, body: { title_vi: newTitle } })
    expect(edited.status).toBe(200)
    await page.reload()
    const next = page.getByRole("row", { name: new RegExp(newTitle) })
    await next.waitFor()
    expect(await next.innerText()).toMatch(/title_vi/)
    await next.getByRole("button", { name: "Approve" }).click()
    await answerReasonDialog("", "Approve and publish")
    await next.waitFor({ state: "detached" })
    expect((await admin("GET", `/admin/products/${listing.id}?fields=status`)).body.product.status).toBe("published")
    const onSale = await store("GET", `/store/products?handle=${listing.handle}&fields=id`)
    expect(onSale.body.products.map((p: { id: string }) => p.id)).toEqual([listing.id])
    expect(producer.id).toBeTruthy()
  })

  it("rendered every OCOP screen without a script error", () => {
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([])
  })
})
