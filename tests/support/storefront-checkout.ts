/**
 * Checkout in the browser, the way a shopper does it: shared by the e2e specs.
 */
import type { BrowserContext, Page } from "playwright-core"
import { admin, STOREFRONT_URL } from "./api"

export type BrowserAddress = Record<"locale" | "email" | "last_name" | "first_name" | "address_1" | "city" | "province" | "postal_code" | "country_code" | "phone", string>

export async function fillAddress(page: Page, a: BrowserAddress) {
  await page.getByTestId("checkout-email").fill(a.email)
  await page.getByTestId("address-last-name").fill(a.last_name)
  await page.getByTestId("address-first-name").fill(a.first_name)
  await page.getByTestId("address-line1").fill(a.address_1)
  await page.getByTestId("address-city").fill(a.city)
  await page.getByTestId("address-province").fill(a.province)
  await page.getByTestId("address-postal-code").fill(a.postal_code)
  await page.getByTestId("address-country").selectOption(a.country_code)
  await page.getByTestId("address-phone").fill(a.phone)
  await page.getByTestId("submit-address").click()
}

/** Cart → address → delivery → payment choice, stopping at the review step. */
export async function checkoutUntilReview(page: Page, address: BrowserAddress, providerId: string) {
  await page.goto(`${STOREFRONT_URL}/${address.locale}/cart`)
  await page.getByTestId("go-to-checkout").click()
  await page.getByTestId("checkout-page").waitFor()
  await fillAddress(page, address)
  await page.getByTestId("shipping-option").first().check()
  await page.getByTestId("submit-delivery").click()
  await page.locator(`[data-testid="payment-option"][data-provider="${providerId}"]`).check()
  await page.getByTestId("submit-payment").click()
}

export async function addToCart(page: Page, locale: string, handle: string) {
  await page.goto(`${STOREFRONT_URL}/${locale}/products/${handle}`)
  await page.getByTestId("add-to-cart").click()
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="cart-count"]')?.textContent?.trim() || 0) > 0)
}

export async function orderByEmail(email: string) {
  const res = await admin("GET", `/admin/orders?q=${encodeURIComponent(email)}&fields=id,display_id,email,currency_code,total,*items,*payment_collections.payment_sessions`)
  return res.body.orders.filter((o: any) => o.email === email)
}

/** The local Stripe-compatible server that scripts/test.mjs started (tests/support/stripe-server.ts). */
export const STRIPE_URL = (process.env.OCOP_STRIPE_URL ?? "").replace(/\/$/, "")

/**
 * Gives every page of the context the Stripe.js stand-in served by the local
 * Stripe server, before any of the page's scripts run: `loadStripe()` finds
 * `window.Stripe` and never requests js.stripe.com (blocked, so a slip would fail loudly).
 */
export async function useLocalStripeJs(context: BrowserContext) {
  if (!STRIPE_URL) throw new Error("OCOP_STRIPE_URL is not set: scripts/test.mjs starts the Stripe test server")
  const res = await fetch(`${STRIPE_URL}/_test/stripe.js`)
  if (!res.ok) throw new Error(`GET /_test/stripe.js answered ${res.status}`)
  await context.route("https://js.stripe.com/**", (route) => route.abort())
  await context.addInitScript({ content: await res.text() })
}

/** Reads a PaymentIntent from the local Stripe server with the secret key, as Medusa's provider does. */
export async function paymentIntent(id: string): Promise<any> {
  const res = await fetch(`${STRIPE_URL}/v1/payment_intents/${id}`, { headers: { Authorization: "Bearer sk_test_ocop" } })
  return res.json()
}
