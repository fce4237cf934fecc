/**
 * Card checkout in a real browser with Stripe's Payment Element
 * (@stripe/react-stripe-js), against the real backend and Medusa's Stripe
 * provider pointed at the local Stripe-compatible server. The page gets the
 * server's Stripe.js stand-in (tests/support/stripe-js-standin.js), which
 * confirms the PaymentIntent of the cart's payment session over HTTP with its
 * real client secret: a card that succeeds, one that is declined (then a retry
 * on the same cart), and one that needs 3-D Secure through the server's
 * challenge page; in VND (zero-decimal) and USD.
 */
import type { Browser, Page } from "playwright-core"
import { STOREFRONT_URL } from "../support/api"
import { DESKTOP, launchBrowser, newContext, screenshot, watchErrors } from "../support/browser"
import {
  addToCart,
  checkoutUntilReview,
  orderByEmail,
  paymentIntent,
  STRIPE_URL,
  useLocalStripeJs,
  type BrowserAddress,
} from "../support/storefront-checkout"

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const vnAddress = (email: string): BrowserAddress => ({
  locale: "vi",
  email,
  last_name: "Trần",
  first_name: "Minh",
  address_1: "5 Trần Hưng Đạo",
  city: "Huế",
  province: "Thừa Thiên Huế",
  postal_code: "530000",
  country_code: "vn",
  phone: "+84 234 3500 000",
})

const usAddress = (email: string): BrowserAddress => ({
  locale: "en",
  email,
  last_name: "Smith",
  first_name: "Anna",
  address_1: "1 Main St",
  city: "Portland",
  province: "OR",
  postal_code: "97201",
  country_code: "us",
  phone: "+1 503 555 0100",
})

async function typeCard(page: Page, number: string) {
  await page.getByTestId("stripe-payment-element").waitFor()
  await page.getByTestId("stripe-number").fill(number)
  await page.getByTestId("stripe-expiry").fill("12 / 34")
  await page.getByTestId("stripe-cvc").fill("123")
}

async function placeOrder(page: Page) {
  await page.waitForSelector('[data-testid="checkout-submit"]:not([disabled])')
  await page.getByTestId("checkout-submit").click()
}

/** The order's Stripe PaymentIntent, read from the Stripe server with the secret key. */
async function intentOf(order: any) {
  const sessions = (order.payment_collections ?? []).flatMap((c: any) => c.payment_sessions ?? [])
  const stripe = sessions.filter((s: any) => s.provider_id === "pp_stripe_stripe")
  expect(stripe).toHaveLength(1)
  return paymentIntent(stripe[0].data.id as string)
}

async function intentConfirmations(): Promise<any[]> {
  const res = await fetch(`${STRIPE_URL}/_test/requests?method=POST&path=/v1/payment_intents/`)
  const { requests } = (await res.json()) as { requests: any[] }
  return requests.filter((r) => r.path.endsWith("/confirm"))
}

describe("card checkout with the Payment Element, in VND", () => {
  it("pays with a card that succeeds: the browser confirms the session's intent, then the order is placed", async () => {
    const context = await newContext(browser, DESKTOP)
    await useLocalStripeJs(context)
    const page = await context.newPage()
    const errors = watchErrors(page)
    const email = `the.${Date.now()}@example.vn`
    await addToCart(page, "vi", "nuoc-mam-lu-phu-thuan")
    await checkoutUntilReview(page, vnAddress(email), "pp_stripe_stripe")
    await typeCard(page, "4242 4242 4242 4242")
    await screenshot(page, "vi-checkout-card")
    await placeOrder(page)
    await page.getByTestId("order-confirmation").waitFor({ timeout: 30_000 })

    const [order] = await orderByEmail(email)
    expect(order.currency_code).toBe("vnd")
    const pi = await intentOf(order)
    // Zero-decimal: the intent is in whole đồng, equal to the order total.
    expect(pi).toMatchObject({ currency: "vnd", amount: Number(order.total), status: "succeeded" })
    // The browser confirmed with the publishable key and the card it typed, not the server with a test alias.
    const confirm = (await intentConfirmations()).find((r) => r.path === `/v1/payment_intents/${pi.id}/confirm`)
    expect(confirm.headers.authorization).toBe("Bearer pk_test_ocop")
    expect(confirm.body.client_secret).toBe(pi.client_secret)
    expect(confirm.body.payment_method_data).toMatchObject({ type: "card", card: { number: "4242424242424242" } })
    expect(errors).toEqual([])
    await context.close()
  })

  it("says plainly that a declined card was declined, keeps the cart, and lets the shopper retry with another card", async () => {
    const context = await newContext(browser, DESKTOP)
    await useLocalStripeJs(context)
    const page = await context.newPage()
    const email = `declined.${Date.now()}@example.vn`
    await addToCart(page, "vi", "nuoc-mam-lu-phu-thuan")
    await checkoutUntilReview(page, vnAddress(email), "pp_stripe_stripe")
    await typeCard(page, "4000 0000 0000 0002")
    await placeOrder(page)
    const error = page.getByTestId("checkout-error")
    await error.waitFor()
    expect(await error.innerText()).toContain("Ngân hàng đã từ chối thẻ này.")
    expect(await error.innerText()).toContain("giỏ hàng vẫn được giữ nguyên")
    expect(await error.getAttribute("role")).toBe("alert")
    expect(await page.getByTestId("checkout-page").getAttribute("data-step")).toBe("review")
    await screenshot(page, "vi-checkout-card-declined")
    expect(await orderByEmail(email)).toEqual([])

    // The cart is intact (still has its line), and the same form takes another card.
    await page.getByTestId("stripe-number").fill("4242 4242 4242 4242")
    await placeOrder(page)
    await page.getByTestId("order-confirmation").waitFor({ timeout: 30_000 })
    const [order] = await orderByEmail(email)
    expect(order.items.map((i: any) => i.product_handle)).toEqual(["nuoc-mam-lu-phu-thuan"])
    const pi = await intentOf(order)
    expect(pi).toMatchObject({ currency: "vnd", amount: Number(order.total), status: "succeeded" })
    // The same intent saw the decline first, then the successful card.
    const confirms = (await intentConfirmations()).filter((r) => r.path === `/v1/payment_intents/${pi.id}/confirm`)
    expect(confirms.map((r) => r.status)).toEqual([402, 200])
    await context.close()
  })
})

describe("card checkout with 3-D Secure, in USD", () => {
  it("takes the shopper through the bank's challenge; a failed challenge can be retried", async () => {
    const context = await newContext(browser, DESKTOP)
    await useLocalStripeJs(context)
    const page = await context.newPage()
    const errors = watchErrors(page)
    await page.goto(`${STOREFRONT_URL}/en`)
    await page.getByTestId("country-select").selectOption("us")
    await page.getByTestId("country-apply").click()
    await page.waitForLoadState("networkidle")
    const email = `threeds.${Date.now()}@example.com`
    await addToCart(page, "en", "non-la-hue")
    await checkoutUntilReview(page, usAddress(email), "pp_stripe_stripe")

    // First attempt: the shopper fails the challenge.
    await typeCard(page, "4000 0027 6000 3184")
    await placeOrder(page)
    await page.getByTestId("stripe-challenge").waitFor()
    await screenshot(page, "en-checkout-3ds-challenge")
    await page.frameLocator('iframe[name="stripe-challenge-frame"]').locator("#fail").click()
    const error = page.getByTestId("checkout-error")
    await error.waitFor()
    expect(await error.innerText()).toContain("Your bank could not authenticate this payment (3-D Secure).")
    expect(await orderByEmail(email)).toEqual([])

    // Second attempt: completes the challenge and the order is placed.
    await placeOrder(page)
    await page.getByTestId("stripe-challenge").waitFor()
    await page.frameLocator('iframe[name="stripe-challenge-frame"]').locator("#succeed").click()
    await page.getByTestId("order-confirmation").waitFor({ timeout: 30_000 })
    const [order] = await orderByEmail(email)
    expect(order.currency_code).toBe("usd")
    const pi = await intentOf(order)
    // Two decimals: the intent is in cents.
    expect(pi).toMatchObject({ currency: "usd", amount: Math.round(Number(order.total) * 100), status: "succeeded" })
    expect(errors).toEqual([])
    await context.close()
  })
})
