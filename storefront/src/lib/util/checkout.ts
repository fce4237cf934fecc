import type { HttpTypes } from "@medusajs/types"

export type CheckoutStep = "address" | "delivery" | "payment" | "review"
const ORDER: CheckoutStep[] = ["address", "delivery", "payment", "review"]

type CartLike = Pick<HttpTypes.StoreCart, "email" | "shipping_address" | "shipping_methods" | "payment_collection">

/**
 * Where the shopper is in checkout, derived from the cart itself (so reloads and
 * shared links can't skip a step). `requested` (from ?step=) is honoured only
 * for steps that are already reachable — e.g. going back to edit the address.
 */
export function checkoutProgress(cart: CartLike, requested?: string | null) {
  const addressDone = Boolean(cart.email && cart.shipping_address?.address_1 && cart.shipping_address?.country_code)
  const deliveryDone = addressDone && (cart.shipping_methods ?? []).length > 0
  const sessions = (cart.payment_collection?.payment_sessions ?? []).filter((s) => s && s.status !== "canceled" && s.status !== "error")
  const session = sessions[sessions.length - 1] ?? null
  const paymentDone = deliveryDone && Boolean(session)
  const firstOpen: CheckoutStep = !addressDone ? "address" : !deliveryDone ? "delivery" : !paymentDone ? "payment" : "review"
  const maxIndex = ORDER.indexOf(firstOpen)
  const wanted = ORDER.indexOf(requested as CheckoutStep)
  const step = wanted >= 0 && wanted <= maxIndex ? ORDER[wanted] : firstOpen
  return { step, addressDone, deliveryDone, paymentDone, session, ready: paymentDone }
}

const KNOWN = ["pp_cod_cod", "pp_bank-transfer_bank-transfer", "pp_system_default", "pp_stripe_stripe"] as const

/** Cash on delivery first (the Vietnamese default), then the rest in a stable order. */
export function orderProviders(ids: string[]): string[] {
  const rank = (id: string) => {
    const i = (KNOWN as readonly string[]).indexOf(id)
    return i === -1 ? KNOWN.length : i
  }
  return [...ids].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
}

/** The message keys (namespace "checkout") for what Stripe.js reports after a failed card confirmation. */
export type CardErrorKey = "cardDeclined" | "cardInsufficientFunds" | "cardExpired" | "cardIncorrectCvc" | "cardIncorrectNumber" | "cardAuthFailed" | "cardProcessing"

/**
 * Stripe's `{ type, code, decline_code }` → our own sentence in the shopper's
 * language (Stripe's `message` is English). `null`: no specific sentence, show
 * Stripe's message. Validation errors (`validation_error`) are shown by the
 * Payment Element next to its fields, so they map to null too.
 */
export function cardErrorKey(error: { type?: string; code?: string; decline_code?: string }): CardErrorKey | null {
  if (error.type === "validation_error") return null
  if (error.code === "payment_intent_authentication_failure" || error.decline_code === "authentication_required") return "cardAuthFailed"
  if (error.decline_code === "insufficient_funds") return "cardInsufficientFunds"
  if (error.code === "expired_card" || error.code === "invalid_expiry_year" || error.code === "invalid_expiry_month") return "cardExpired"
  if (error.code === "incorrect_cvc" || error.code === "invalid_cvc") return "cardIncorrectCvc"
  if (error.code === "incorrect_number" || error.code === "invalid_number") return "cardIncorrectNumber"
  if (error.code === "processing_error") return "cardProcessing"
  if (error.code === "card_declined" || error.type === "card_error") return "cardDeclined"
  return null
}
