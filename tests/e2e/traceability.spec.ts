/**
 * Batch traceability in a real browser: a producer records a lot in the portal and downloads its
 * label sheet; a shopper opens the lot's GS1 Digital Link (the QR's URI) and sees the five
 * consumer fields of Circular 02/2024/TT-BKHCN and the OCOP certificate.
 */
import fs from "node:fs"
import type { Browser } from "playwright-core"
import { STOREFRONT_URL } from "../support/api"
import { launchBrowser, newContext, screenshot, watchErrors } from "../support/browser"
import { DEMO_PRODUCER_PASSWORD } from "../support/producer"

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

it("records a lot, downloads its label, and a shopper scanning it sees the consumer fields and the certificate", async () => {
  const producerContext = await newContext(browser)
  const page = await producerContext.newPage()
  const errors = watchErrors(page)
  await page.goto(`${STOREFRONT_URL}/vi/producer`)
  await page.getByTestId("producer-login-email").fill("baola@ocop-hue.vn")
  await page.getByTestId("producer-login-password").fill(DEMO_PRODUCER_PASSWORD)
  await page.getByTestId("producer-login-submit").click()
  await page.getByTestId("portal-dashboard").waitFor()

  await page.getByTestId("portal-nav-lots").click()
  await page.getByTestId("portal-lots").waitFor()
  const lotNumber = `E2E-${Date.now().toString(36).toUpperCase()}`.slice(0, 20)
  const variant = page.getByTestId("lot-variant")
  const firstVariant = await variant.locator("option").nth(1).getAttribute("value")
  await variant.selectOption(firstVariant ?? "")
  await page.getByTestId("lot-number").fill(lotNumber)
  await page.getByTestId("lot-quantity").fill("40")
  const produced = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10)
  await page.getByTestId("lot-production-date").fill(produced)
  await page.getByTestId("lot-expiry-date").fill("2028-06-30")
  await page.getByTestId("lot-notes").fill("Mây từ thôn Bao La (e2e)")
  await page.getByTestId("lot-submit").click()
  await page.getByTestId("record-lot-notice").waitFor()
  const row = page.locator(`[data-testid="lot-row"][data-lot="${lotNumber}"]`)
  await row.waitFor()
  const uri = await row.getByTestId("lot-link").getAttribute("href")
  expect(uri).toMatch(new RegExp(`/01/\\d{14}/10/${lotNumber}\\?17=280630$`))
  await screenshot(page, "producer-lots")

  const [download] = await Promise.all([page.waitForEvent("download"), row.getByTestId("lot-label").click()])
  expect(download.suggestedFilename()).toMatch(new RegExp(`lot-\\d{14}-${lotNumber}\\.svg`))
  const svg = fs.readFileSync(await download.path(), "utf8")
  expect(svg).toMatch(/^<\?xml/)
  expect(svg).toContain(uri!.replace(/&/g, "&amp;"))
  expect(svg).toContain(`(10) ${lotNumber}`)
  expect(errors).toEqual([])
  await producerContext.close()

  // A shopper scans the QR: the URI on the shop's own domain, no language in it.
  const shopper = await newContext(browser)
  const scan = await shopper.newPage()
  const scanErrors = watchErrors(scan)
  const path = new URL(uri!).pathname + new URL(uri!).search
  await scan.goto(`${STOREFRONT_URL}${path}`)
  await scan.getByTestId("trace-page").waitFor()
  expect(await scan.getByTestId("trace-product-name").innerText()).toMatch(/\S/)
  expect(await scan.getByTestId("trace-product-image").getAttribute("src")).toBeTruthy()
  expect(await scan.getByTestId("trace-producer-name").innerText()).toContain("Bao La")
  expect(await scan.getByTestId("trace-producer-address").innerText()).toContain("thành phố Huế")
  expect(await scan.getByTestId("trace-lot").innerText()).toBe(lotNumber)
  expect(await scan.getByTestId("trace-production-date").innerText()).toBe(produced.split("-").reverse().join("/"))
  expect(await scan.getByTestId("trace-expiry").innerText()).toBe("30/06/2028")
  const certToday = scan.getByTestId("trace-cert-today")
  expect(await certToday.getAttribute("data-in-force")).toBe("true")
  expect(await certToday.innerText()).toMatch(/DEMO-TTH-/)
  expect(await scan.getByTestId("trace-cert-production").getAttribute("data-status")).toBe("active")
  await screenshot(scan, "trace-lot")
  expect(scanErrors).toEqual([])
  await shopper.close()
}, 180_000)
