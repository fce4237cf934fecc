/**
 * Per-producer shipments in a real browser (issue 18): a shopper's order with lines from two
 * producers; producer A signs in to the portal and ships its part with carrier, tracking number and URL; the
 * shopper, signed in, sees two parcels on the order page — A's shipped with its tracking number,
 * B's waiting to ship — in Vietnamese and English, with no serious accessibility finding.
 */
import AxeBuilder from "@axe-core/playwright"
import type { Browser } from "playwright-core"
import { STOREFRONT_URL, uniq } from "../support/api"
import { launchBrowser, newContext, screenshot, watchErrors } from "../support/browser"
import { placeCustomerOrder, portalOrder, registeredCustomer, sellerWithListing } from "../support/two-producer-order"

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

it("a producer ships its part of a two-producer order; the shopper sees two parcels", async () => {
  const [a, b, shopper] = [await sellerWithListing(), await sellerWithListing(), await registeredCustomer("parcels")]
  const order = await placeCustomerOrder(shopper.token, [[a.variantId, 2], [b.variantId, 1]])
  const listed = await portalOrder(a, order.display_id)

  // Producer A ships its lines from the portal.
  const producerContext = await newContext(browser)
  const portal = await producerContext.newPage()
  await portal.goto(`${STOREFRONT_URL}/vi/producer`)
  await portal.getByTestId("producer-login-email").fill(a.email)
  await portal.getByTestId("producer-login-password").fill(a.password)
  await portal.getByTestId("producer-login-submit").click()
  await portal.getByTestId("portal-dashboard").waitFor()
  await portal.goto(`${STOREFRONT_URL}/vi/producer/orders/${listed.id}`)
  const tracking = `VNP-E2E-${uniq().toUpperCase()}`
  await portal.getByTestId("ship-tracking").fill(tracking)
  await portal.getByTestId("ship-carrier").fill("VNPost")
  const trackingUrl = `https://www.vnpost.vn/tra-cuu-hanh-trinh/buu-pham?key=${tracking}`
  await portal.locator('input[name="tracking_url"]').fill(trackingUrl)
  await portal.getByTestId("ship-submit").click()
  await portal.getByTestId("order-all-shipped").waitFor()
  await producerContext.close()

  // The shopper signs in and opens the order.
  const context = await newContext(browser)
  const page = await context.newPage()
  const errors = watchErrors(page)
  await page.goto(`${STOREFRONT_URL}/vi/account`)
  await page.getByTestId("login-email").fill(shopper.email)
  await page.getByTestId("login-password").fill(shopper.password)
  await page.getByTestId("login-submit").click()
  await page.getByTestId("account-overview").waitFor()
  await page.goto(`${STOREFRONT_URL}/vi/account/orders/${order.id}`)
  await page.getByTestId("order-parcels").waitFor()

  const parcels = page.getByTestId("parcel")
  expect(await parcels.count()).toBe(2)
  const ofA = page.locator(`[data-testid="parcel"][data-producer-id="${a.producer.id}"]`)
  const ofB = page.locator(`[data-testid="parcel"][data-producer-id="${b.producer.id}"]`)
  expect(await ofA.getAttribute("data-status")).toBe("shipped")
  expect(await ofA.getByRole("heading", { level: 3 }).innerText()).toContain(a.producer.legal_name)
  expect(await ofA.getByTestId("parcel-status").innerText()).toMatch(/Đã gửi hàng ngày \d{2}\/\d{2}\/\d{4}/)
  expect(await ofA.getByTestId("parcel-carrier").innerText()).toBe("VNPost")
  expect(await ofA.getByTestId("parcel-tracking").innerText()).toBe(tracking)
  const link = ofA.getByTestId("parcel-tracking").getByRole("link")
  expect([await link.getAttribute("href"), await link.getAttribute("rel"), await link.getAttribute("target")]).toEqual([trackingUrl, "noopener noreferrer", "_blank"])
  expect(await ofB.getAttribute("data-status")).toBe("waiting")
  expect(await ofB.getByRole("heading", { level: 3 }).innerText()).toContain(b.producer.legal_name)
  expect(await ofB.getByTestId("parcel-status").innerText()).toBe("Chờ gửi hàng")
  expect(await ofB.getByTestId("parcel-shipment").count()).toBe(0)
  expect(await ofA.locator("li").count()).toBe(1)
  expect(await ofB.locator("li").count()).toBe(1)

  const axe = await new AxeBuilder({ page }).include('[data-testid="order-parcels"]').withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze()
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([])
  await screenshot(page, "order-parcels-vi")

  await page.goto(`${STOREFRONT_URL}/en/account/orders/${order.id}`)
  await page.getByTestId("order-parcels").waitFor()
  expect(await page.getByRole("heading", { level: 2, name: "2 parcels" }).count()).toBe(1)
  expect(await ofB.getByTestId("parcel-status").innerText()).toBe("Waiting to ship")
  expect(await ofA.getByTestId("parcel-status").innerText()).toMatch(/^Shipped on \d{1,2} \w{3,4} \d{4}$/)
  expect(errors.filter((e) => !/Failed to load resource: .*404/.test(e))).toEqual([])
  await context.close()
}, 240_000)
