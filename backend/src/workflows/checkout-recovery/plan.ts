/**
 * Checkout recovery: what to do with a cart whose complete-cart workflow was cut off.
 *
 * Medusa 2.21's complete-cart commits its steps one at a time: it creates the order, then (in
 * parallel) links it to the cart / payment collection / promotions, sets `completed_at`, reserves
 * stock and registers promotion usage, and only then authorizes the payment and records captures.
 * Its workflow engine checkpoints the start and the end, and nothing resumes or compensates a run
 * whose process died in between. Such a cart is "half-completed":
 *
 *  - an *orphan* order exists (written by a run, found by the `checkout_cart_id` tag the order
 *    inherits from the cart's metadata, see `tagCartForCheckoutWorkflow`) that is not linked to
 *    the cart — a retry would create a second order beside it;
 *  - or the cart's linked order has no authorized payment — a retry returns that order as placed,
 *    though nothing was ever authorized, and nobody ships it or releases its stock.
 *
 * No confirmation ever reached the shopper for either (the HTTP response and the `order.placed`
 * event are only released when the run finishes), so the safe repair is to roll the checkout back
 * to where it was before "place order": the cart is open again with its pending payment session,
 * and the shopper's retry (or their next attempt) places one order normally. Once a payment *was*
 * authorized, money may have moved: that checkout is rolled forward instead (only the capture
 * transactions of the last step can be missing then).
 *
 * This file is pure: the decision, unit-tested. `state.ts` reads the state, `index.ts` applies it.
 */

export type CheckoutOrder = {
  id: string
  /** order line item ids: complete-cart reserves stock against these */
  line_item_ids: string[]
  links: {
    cart_ids: string[]
    payment_collection_ids: string[]
    promotion_ids: string[]
  }
}

export type CheckoutState = {
  cart_id: string
  /** null when the cart does not exist */
  completed_at: string | null
  cart_found: boolean
  /** the order linked to the cart (Medusa allows one) */
  linked_order: CheckoutOrder | null
  /** orders written for this cart (tagged) but linked to no cart */
  orphan_orders: CheckoutOrder[]
  payment_collection_id: string | null
  /** a non-canceled payment exists in the cart's collection: authorization went through */
  payment_authorized: boolean
  /** captures of that payment without an order transaction (the very last step of complete-cart) */
  captures_without_transaction: { capture_id: string; amount: number; currency_code: string }[]
}

export type OrderTransaction = { order_id: string; amount: number; currency_code: string; reference: "capture"; reference_id: string }

export type RecoveryPlan = {
  cart_id: string
  /** none: untouched or complete; roll-back: reopen the cart; roll-forward: finish what authorization started */
  action: "none" | "roll-back" | "roll-forward"
  reason:
    | "untouched"
    | "complete"
    | "cart-missing"
    | "orphan-order"
    | "payment-not-authorized"
    | "captures-not-recorded"
    | "completed-at-missing"
  /** orders to take back: links dismissed, reservations released, promotion usage reverted, soft-deleted */
  retire: {
    order_ids: string[]
    line_item_ids: string[]
    /** link definitions to dismiss (order ↔ cart / payment collection / promotion) */
    links: Record<string, Record<string, string>>[]
    /** orders whose promotion usage was registered (they carry an order↔promotion link) */
    promotion_order_ids: string[]
  }
  cart_completed_at: "keep" | "clear" | "set"
  /** roll-forward: the capture transactions complete-cart's last step did not record */
  transactions: OrderTransaction[]
}

/** Module keys as Medusa's link service names them (Modules.ORDER etc.). */
const ORDER = "order"
const CART = "cart"
const PAYMENT = "payment"
const PROMOTION = "promotion"

export function linksOf(order: CheckoutOrder): Record<string, Record<string, string>>[] {
  return [
    ...order.links.cart_ids.map((cart_id) => ({ [ORDER]: { order_id: order.id }, [CART]: { cart_id } })),
    ...order.links.payment_collection_ids.map((payment_collection_id) => ({
      [ORDER]: { order_id: order.id },
      [PAYMENT]: { payment_collection_id },
    })),
    ...order.links.promotion_ids.map((promotion_id) => ({ [ORDER]: { order_id: order.id }, [PROMOTION]: { promotion_id } })),
  ]
}

function retire(orders: CheckoutOrder[]): RecoveryPlan["retire"] {
  return {
    order_ids: orders.map((o) => o.id),
    line_item_ids: orders.flatMap((o) => o.line_item_ids),
    links: orders.flatMap(linksOf),
    // Usage is registered in the same parallel batch as the links; the order↔promotion link is
    // the only trace of it, so usage is reverted for orders that carry one.
    promotion_order_ids: orders.filter((o) => o.links.promotion_ids.length).map((o) => o.id),
  }
}

export function planRecovery(state: CheckoutState): RecoveryPlan {
  const cart_id = state.cart_id
  const nothing = (reason: RecoveryPlan["reason"]): RecoveryPlan => ({
    cart_id,
    action: "none",
    reason,
    retire: retire([]),
    cart_completed_at: "keep",
    transactions: [],
  })
  if (!state.cart_found) return nothing("cart-missing")
  const orphans = state.orphan_orders
  const linked = state.linked_order

  if (linked && state.payment_authorized) {
    // Placed and authorized: keep the order; record missing captures; orphans of an earlier
    // cut-off run of the same cart (rare) are retired alongside.
    const transactions = state.captures_without_transaction.map((c) => ({
      order_id: linked.id,
      amount: c.amount,
      currency_code: c.currency_code,
      reference: "capture" as const,
      reference_id: c.capture_id,
    }))
    const set = !state.completed_at
    if (!transactions.length && !set && !orphans.length) return nothing("complete")
    return {
      cart_id,
      action: "roll-forward",
      reason: transactions.length ? "captures-not-recorded" : set ? "completed-at-missing" : "orphan-order",
      retire: retire(orphans),
      cart_completed_at: set ? "set" : "keep",
      transactions,
    }
  }

  // A cart without a payment collection never passed complete-cart's payment validation:
  // a linked order there was not placed by it (nothing of ours to judge).
  const halfPlaced = linked && state.payment_collection_id ? [linked] : []
  const toRetire = [...halfPlaced, ...orphans]
  if (!toRetire.length) return nothing(linked ? "complete" : "untouched")
  return {
    cart_id,
    action: "roll-back",
    reason: halfPlaced.length ? "payment-not-authorized" : "orphan-order",
    retire: retire(toRetire),
    cart_completed_at: state.completed_at ? "clear" : "keep",
    transactions: [],
  }
}
