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
