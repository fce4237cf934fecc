import { describe, expect, it } from "vitest"
import { cardErrorKey, checkoutProgress, orderProviders } from "./checkout"
import { formatDate, isLocale, toLocale } from "./locale"
import { toOptionViews, toVariantViews, variantStock } from "./variants"

type Cart = Parameters<typeof checkoutProgress>[0]
const empty = { email: null, shipping_address: null, shipping_methods: [], payment_collection: null } as unknown as Cart
const withAddress = { ...empty, email: "a@b.vn", shipping_address: { address_1: "12 Lê Lợi", country_code: "vn" } } as unknown as Cart
const withShipping = { ...withAddress, shipping_methods: [{ id: "sm" }] } as unknown as Cart
const withPayment = { ...withShipping, payment_collection: { payment_sessions: [{ id: "ps", provider_id: "pp_cod_cod", status: "pending" }] } } as unknown as Cart

describe("checkoutProgress", () => {
  it("derives the step from the cart", () => {
    expect(checkoutProgress(empty).step).toBe("address")
    expect(checkoutProgress(withAddress).step).toBe("delivery")
    expect(checkoutProgress(withShipping).step).toBe("payment")
    expect(checkoutProgress(withPayment)).toMatchObject({ step: "review", ready: true })
  })
  it("lets the shopper go back but never skip ahead", () => {
    expect(checkoutProgress(withPayment, "address").step).toBe("address")
    expect(checkoutProgress(empty, "review").step).toBe("address")
    expect(checkoutProgress(withAddress, "payment").step).toBe("delivery")
    expect(checkoutProgress(withAddress, "nonsense").step).toBe("delivery")
  })
  it("orders payment providers with cash on delivery first", () => {
    expect(orderProviders(["pp_stripe_stripe", "pp_x", "pp_bank-transfer_bank-transfer", "pp_cod_cod"])).toEqual([
      "pp_cod_cod",
      "pp_bank-transfer_bank-transfer",
      "pp_stripe_stripe",
      "pp_x",
    ])
  })
})

describe("variants", () => {
  it("maps stock: untracked or back-orderable variants are always buyable", () => {
    expect(variantStock({ id: "v", inventory_quantity: 3, manage_inventory: true })).toBe(3)
    expect(variantStock({ id: "v", inventory_quantity: -2 })).toBe(0)
    expect(variantStock({ id: "v", inventory_quantity: 0, manage_inventory: false })).toBeNull()
    expect(variantStock({ id: "v", inventory_quantity: 0, allow_backorder: true })).toBeNull()
  })
  it("maps options and prices", () => {
    const [v] = toVariantViews([{ id: "v1", title: "200 g", options: [{ option_id: "o1", value: "200 g" }], calculated_price: { calculated_amount: 45000, original_amount: 50000 }, inventory_quantity: 8 }])
    expect(v).toEqual({ id: "v1", title: "200 g", options: { o1: "200 g" }, price: 45000, originalPrice: 50000, stock: 8 })
    const opts = toOptionViews([{ id: "o1", title: "Quy cách", values: [{ value: "200 g" }], metadata: { title_en: "Size" } }], "en")
    expect(opts).toEqual([{ id: "o1", title: "Size", values: ["200 g"] }])
    expect(toOptionViews([{ id: "o1", title: "Quy cách", values: [] }], "en")[0].title).toBe("Pack")
    expect(toOptionViews([{ id: "o1", title: "Quy cách", values: [] }], "vi")[0].title).toBe("Quy cách")
    expect(toOptionViews([{ id: "o1", title: "Hương vị", values: [] }], "en", { option_titles_en: { "Hương vị": "Flavour" } })[0].title).toBe("Flavour")
    expect(toOptionViews([{ id: "o1", title: "Lạ", values: [] }], "en")[0].title).toBe("Lạ")
  })
})

describe("locale helpers", () => {
  it("validates locales with a Vietnamese default", () => {
    expect(isLocale("en")).toBe(true)
    expect(isLocale("fr")).toBe(false)
    expect(toLocale("fr")).toBe("vi")
  })
  it("formats dates per language in Huế time", () => {
    expect(formatDate("2025-01-28T20:00:00Z", "vi")).toBe("29/01/2025")
    expect(formatDate("2025-01-28T20:00:00Z", "en")).toBe("29 Jan 2025")
    expect(formatDate("not a date", "en")).toBe("—")
    expect(formatDate(null, "vi")).toBe("—")
  })
})

describe("cardErrorKey", () => {
  it("names the shopper's problem from Stripe's codes, not its English message", () => {
    expect(cardErrorKey({ type: "card_error", code: "card_declined", decline_code: "generic_decline" })).toBe("cardDeclined")
    expect(cardErrorKey({ type: "card_error", code: "card_declined", decline_code: "insufficient_funds" })).toBe("cardInsufficientFunds")
    expect(cardErrorKey({ type: "card_error", code: "expired_card" })).toBe("cardExpired")
    expect(cardErrorKey({ type: "card_error", code: "incorrect_cvc" })).toBe("cardIncorrectCvc")
    expect(cardErrorKey({ type: "card_error", code: "incorrect_number" })).toBe("cardIncorrectNumber")
    expect(cardErrorKey({ type: "card_error", code: "processing_error" })).toBe("cardProcessing")
    expect(cardErrorKey({ type: "invalid_request_error", code: "payment_intent_authentication_failure" })).toBe("cardAuthFailed")
  })
  it("leaves field validation to the Payment Element and unknown errors to Stripe's message", () => {
    expect(cardErrorKey({ type: "validation_error", code: "incomplete_number" })).toBeNull()
    expect(cardErrorKey({ type: "api_connection_error" })).toBeNull()
  })
})
