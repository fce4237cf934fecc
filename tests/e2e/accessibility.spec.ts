/**
 * Accessibility of every storefront and producer-portal page, in Vietnamese and
 * English: axe-core (WCAG 2.1 A/AA rules) in a real browser must find no
 * violation of impact "serious" or "critical", including forms showing their
 * validation errors and the checkout at each step; and a shopper can buy with
 * the keyboard alone, seeing where the focus is at every stop.
 */
import AxeBuilder from "@axe-core/playwright"
import type { Browser, Page } from "playwright-core"
import { STOREFRONT_URL, uniq } from "../support/api"
import { DESKTOP, launchBrowser, newContext, screenshot, watchErrors } from "../support/browser"
import { sellableProducts } from "../support/catalogue"
import { DEMO_PRODUCER_PASSWORD } from "../support/producer"
import { addToCart, fillAddress, orderByEmail, useLocalStripeJs, type BrowserAddress } from "../support/storefront-checkout"

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

type Locale = "vi" | "en"

/** Each test audits a dozen or more pages (axe takes 1–3 s a page on a busy 2-core machine). */
const AUDIT_TIMEOUT = 300_000

/** axe's serious and critical findings on the page as it is now, one line each (rule, impact, first elements). */
async function audit(page: Page, name: string): Promise<string[]> {
  await page.waitForLoadState("load")
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze()
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${name}: ${v.id} (${v.impact}) — ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`)
}

async function visit(page: Page, path: string, name: string, found: string[]) {
  const res = await page.goto(`${STOREFRONT_URL}${path}`)
  expect(res?.status(), `${name} (${path})`).toBeLessThan(500)
  found.push(...(await audit(page, name)))
}

const product = sellableProducts().find((p) => p.handle === "nuoc-mam-lu-phu-thuan") ?? sellableProducts()[0]

/** In Vietnamese the shop is the Vietnam region (VND); in English the international one (USD). */
const address = (locale: Locale): BrowserAddress =>
  locale === "vi"
    ? {
        locale,
        email: `a11y.vi.${uniq()}@example.vn`,
        last_name: "Phạm",
        first_name: "Thu",
        address_1: "3 Lê Lợi",
        city: "Huế",
        province: "Thừa Thiên Huế",
        postal_code: "530000",
        country_code: "vn",
        phone: "+84 234 3811 111",
      }
    : {
        locale,
        email: `a11y.en.${uniq()}@example.com`,
        last_name: "Smith",
        first_name: "Anna",
        address_1: "1 Main St",
        city: "Portland",
        province: "OR",
        postal_code: "97201",
        country_code: "us",
        phone: "+1 503 555 0100",
      }

for (const locale of ["vi", "en"] as const) {
  describe(`axe in ${locale}`, () => {
    it("finds nothing serious on the shopper's pages, the checkout steps and the account", async () => {
      const context = await newContext(browser, DESKTOP)
      await useLocalStripeJs(context)
      const page = await context.newPage()
      const found: string[] = []
      const L = `/${locale}`
      if (locale === "en") {
        // The international region (USD), as an English-speaking shopper abroad chooses it.
        await page.goto(`${STOREFRONT_URL}/en`)
        await page.getByTestId("country-select").selectOption("us")
        await page.getByTestId("country-apply").click()
        await page.waitForLoadState("networkidle")
      }
      await visit(page, L, "home", found)
      await visit(page, `${L}/products`, "catalogue", found)
      await visit(page, `${L}/products?q=mè&stars=4`, "catalogue filtered", found)
      await visit(page, `${L}/products/${product.handle}`, "product", found)
      await visit(page, `${L}/producers`, "producers", found)
      await visit(page, `${L}/producers/${product.producer}`, "producer", found)
      await visit(page, `${L}/verify`, "verify", found)
      await visit(page, `${L}/verify/${product.certification.certificate_number}`, "certificate", found)
      await visit(page, `${L}/verify/DEMO-NO-SUCH-NUMBER`, "certificate not found", found)
      await visit(page, `${L}/no-such-page`, "not found", found)
      await visit(page, `${L}/cart`, "empty cart", found)
      await visit(page, `${L}/account`, "sign in", found)

      await addToCart(page, locale, product.handle)
      await visit(page, `${L}/cart`, "cart", found)
      await page.getByTestId("go-to-checkout").click()
      await page.getByTestId("address-form").waitFor()
      found.push(...(await audit(page, "checkout: address")))
      const a = address(locale)
      await fillAddress(page, a)
      await page.getByTestId("shipping-option").first().waitFor()
      found.push(...(await audit(page, "checkout: delivery")))
      await page.getByTestId("shipping-option").first().check()
      await page.getByTestId("submit-delivery").click()
      await page.getByTestId("payment-option").first().waitFor()
      found.push(...(await audit(page, "checkout: payment")))
      await page.locator('[data-testid="payment-option"][data-provider="pp_stripe_stripe"]').check()
      await page.getByTestId("submit-payment").click()
      await page.getByTestId("stripe-payment-element").waitFor()
      found.push(...(await audit(page, "checkout: review with the card form")))
      // The card form's own field errors (an incomplete number) are tied to their fields.
      await page.getByTestId("stripe-number").fill("4242")
      await page.waitForSelector('[data-testid="checkout-submit"]:not([disabled])')
      await page.getByTestId("checkout-submit").click()
      await expect.poll(() => page.getByTestId("stripe-number").getAttribute("aria-invalid"), { timeout: 5000 }).toBe("true")
      found.push(...(await audit(page, "checkout: card form with errors")))
      // A declined card: the error message.
      await page.getByTestId("stripe-number").fill("4000 0000 0000 0002")
      await page.getByTestId("stripe-expiry").fill("12 / 34")
      await page.getByTestId("stripe-cvc").fill("123")
      await page.getByTestId("checkout-submit").click()
      await page.getByTestId("checkout-error").waitFor()
      found.push(...(await audit(page, "checkout: card declined")))
      await page.getByTestId("stripe-number").fill("4242 4242 4242 4242")
      await page.getByTestId("checkout-submit").click()
      await page.getByTestId("order-confirmation").waitFor({ timeout: 30_000 })
      found.push(...(await audit(page, "order confirmed")))

      // The shopper's account: the register form with an error, then the signed-in pages.
      await page.goto(`${STOREFRONT_URL}${L}/account`)
      await page.getByTestId("register-last-name").fill("Phạm")
      await page.getByTestId("register-first-name").fill("Thu")
      await page.getByTestId("register-email").fill(`a11y.account.${locale}.${uniq()}@example.vn`)
      await page.getByTestId("register-password").fill("a11y-pass-2026")
      await page.getByTestId("register-submit").click()
      await page.getByTestId("logout").waitFor()
      found.push(...(await audit(page, "account")))
      await visit(page, `${L}/account/orders`, "account: orders", found)
      await visit(page, `${L}/account/addresses`, "account: addresses", found)

      expect(found).toEqual([])
      await context.close()
    }, AUDIT_TIMEOUT)

    it("finds nothing serious in the producer portal, signed out and signed in", async () => {
      const context = await newContext(browser, DESKTOP)
      const page = await context.newPage()
      const found: string[] = []
      const L = `/${locale}/producer`
      await visit(page, L, "portal: sign in / sign up", found)
      // Inline validation errors, tied to their fields.
      await page.getByTestId("producer-signup-email").fill("not-an-email")
      await page.getByTestId("producer-signup-password").focus()
      await expect.poll(() => page.getByTestId("producer-signup-email").getAttribute("aria-invalid"), { timeout: 5000 }).toBe("true")
      found.push(...(await audit(page, "portal: sign-up with an error")))
      await visit(page, `${L}/reset-password`, "portal: reset password", found)
      await visit(page, `${L}/join`, "portal: join", found)

      await page.goto(`${STOREFRONT_URL}${L}`)
      await page.getByTestId("producer-login-email").fill("anlo@ocop-hue.vn")
      await page.getByTestId("producer-login-password").fill(DEMO_PRODUCER_PASSWORD)
      await page.getByTestId("producer-login-submit").click()
      await page.getByTestId("portal-logout").waitFor()
      found.push(...(await audit(page, "portal: dashboard")))
      await visit(page, `${L}/products`, "portal: products", found)
      const productLink = page.locator(`a[href*="/producer/products/prod_"]`).first()
      if (await productLink.count()) {
        const href = (await productLink.getAttribute("href")) as string
        await visit(page, href, "portal: product", found)
      }
      await visit(page, `${L}/products/new`, "portal: new product", found)
      await page.getByTestId("listing-create-submit").click()
      found.push(...(await audit(page, "portal: new product with errors")))
      await visit(page, `${L}/orders`, "portal: orders", found)
      const orderLink = page.locator(`a[href*="/producer/orders/"]`).first()
      if (await orderLink.count()) {
        const href = (await orderLink.getAttribute("href")) as string
        await visit(page, href, "portal: order", found)
      }
      await visit(page, `${L}/profile`, "portal: profile", found)
      await visit(page, `${L}/team`, "portal: team", found)

      expect(found).toEqual([])
      await context.close()
    }, AUDIT_TIMEOUT)
  })
}

/** Presses Tab until the element with this test id has the focus; returns how it looks focused. */
async function tabTo(page: Page, testId: string, { reverse = false, max = 80 } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(reverse ? "Shift+Tab" : "Tab")
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null
      if (!el) return null
      const style = getComputedStyle(el)
      return {
        testId: el.getAttribute("data-testid"),
        // A visible focus indicator: an outline or a focus ring drawn with box-shadow.
        visible: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none",
      }
    })
    if (focused?.testId === testId) {
      expect(focused.visible, `focus on ${testId} is visible`).toBe(true)
      return
    }
  }
  throw new Error(`Tab never reached ${testId}`)
}

describe("keyboard only", () => {
  it("buys with a card without touching the mouse, with a visible focus at every stop", async () => {
    const context = await newContext(browser, DESKTOP)
    await useLocalStripeJs(context)
    const page = await context.newPage()
    const errors = watchErrors(page)
    const a = address("vi")
    await page.goto(`${STOREFRONT_URL}/vi/products/${product.handle}`)
    await tabTo(page, "add-to-cart")
    await page.keyboard.press("Enter")
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="cart-count"]')?.textContent?.trim() || 0) > 0)
    await tabTo(page, "nav-cart", { reverse: true })
    await page.keyboard.press("Enter")
    await page.waitForURL(/\/vi\/cart/)
    await tabTo(page, "go-to-checkout")
    await page.keyboard.press("Enter")
    await page.getByTestId("address-form").waitFor()

    const typeInto = async (testId: string, text: string) => {
      await tabTo(page, testId)
      await page.keyboard.type(text)
    }
    await typeInto("checkout-email", a.email)
    await typeInto("address-last-name", a.last_name)
    await typeInto("address-first-name", a.first_name)
    await typeInto("address-line1", a.address_1)
    await typeInto("address-city", a.city)
    await typeInto("address-province", a.province)
    await typeInto("address-postal-code", a.postal_code)
    await tabTo(page, "address-country")
    expect(await page.getByTestId("address-country").inputValue()).toBe("vn")
    await typeInto("address-phone", a.phone)
    await tabTo(page, "submit-address")
    await page.keyboard.press("Enter")

    await page.getByTestId("shipping-option").first().waitFor()
    await tabTo(page, "shipping-option")
    await page.keyboard.press("Space")
    await tabTo(page, "submit-delivery")
    await page.keyboard.press("Enter")

    await page.getByTestId("payment-option").first().waitFor()
    await tabTo(page, "payment-option")
    // Arrow keys move through a radio group; stop on the card.
    for (let i = 0; i < 5 && (await page.evaluate(() => document.activeElement?.getAttribute("data-provider"))) !== "pp_stripe_stripe"; i++) {
      await page.keyboard.press("ArrowDown")
    }
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked)).toBe(true)
    await tabTo(page, "submit-payment")
    await page.keyboard.press("Enter")

    await page.getByTestId("stripe-payment-element").waitFor()
    await page.waitForSelector('[data-testid="checkout-submit"]:not([disabled])')
    await typeInto("stripe-number", "4242424242424242")
    await typeInto("stripe-expiry", "12/34")
    await typeInto("stripe-cvc", "123")
    await tabTo(page, "checkout-submit")
    await screenshot(page, "vi-checkout-keyboard-focus")
    await page.keyboard.press("Enter")
    await page.getByTestId("order-confirmation").waitFor({ timeout: 30_000 })
    expect(await orderByEmail(a.email)).toHaveLength(1)
    expect(errors).toEqual([])
    await context.close()
  }, AUDIT_TIMEOUT)
})
