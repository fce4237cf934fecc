/**
 * What the database knows about one cart's checkout, for the reliability specs: its linked
 * orders, every order of the shopper (linked or not — catches an order written but never linked),
 * orders written for the cart (the `checkout_cart_id` tag the order copies from the cart), the
 * authorized payments, the reservations and `completed_at`. Soft-deleted rows never count.
 */
import { dbQuery } from "./inventory"

export type CartCheckoutState = Awaited<ReturnType<typeof cartCheckoutState>>

export async function cartCheckoutState(cartId: string, email: string) {
  const orders = await dbQuery<{ order_id: string }>(
    `SELECT oc.order_id FROM order_cart oc JOIN "order" o ON o.id = oc.order_id AND o.deleted_at IS NULL
      WHERE oc.cart_id = $1 AND oc.deleted_at IS NULL`,
    [cartId]
  )
  const byEmail = await dbQuery<{ id: string }>(`SELECT id FROM "order" WHERE email = $1 AND deleted_at IS NULL ORDER BY created_at`, [email])
  const tagged = await dbQuery<{ id: string; deleted: boolean; recovery: any }>(
    `SELECT id, deleted_at IS NOT NULL AS deleted, metadata -> 'checkout_recovery' AS recovery
       FROM "order" WHERE metadata ->> 'checkout_cart_id' = $1 ORDER BY created_at`,
    [cartId]
  )
  // A payment row exists only once its session was authorized.
  const payments = await dbQuery<{ id: string; captured: boolean }>(
    `SELECT p.id, p.captured_at IS NOT NULL AS captured FROM payment p
       JOIN cart_payment_collection cpc ON cpc.payment_collection_id = p.payment_collection_id AND cpc.deleted_at IS NULL
      WHERE cpc.cart_id = $1 AND p.deleted_at IS NULL AND p.canceled_at IS NULL`,
    [cartId]
  )
  const [collection] = await dbQuery<{ status: string }>(
    `SELECT pc.status FROM payment_collection pc
       JOIN cart_payment_collection cpc ON cpc.payment_collection_id = pc.id AND cpc.deleted_at IS NULL
      WHERE cpc.cart_id = $1 AND pc.deleted_at IS NULL`,
    [cartId]
  )
  // complete-cart reserves against the line items of the orders written for the cart (linked or not).
  const reservations = await dbQuery<{ id: string; quantity: number }>(
    `SELECT r.id, r.quantity::float AS quantity FROM reservation_item r
       JOIN order_item oi ON oi.item_id = r.line_item_id AND oi.deleted_at IS NULL
       JOIN "order" o ON o.id = oi.order_id
      WHERE (o.metadata ->> 'checkout_cart_id' = $1
             OR o.id IN (SELECT order_id FROM order_cart WHERE cart_id = $1 AND deleted_at IS NULL))
        AND r.deleted_at IS NULL`,
    [cartId]
  )
  const [cart] = await dbQuery<{ completed_at: string | null }>(`SELECT completed_at FROM cart WHERE id = $1`, [cartId])
  return {
    orderIds: orders.map((o) => o.order_id),
    ordersByEmail: byEmail.map((o) => o.id),
    tagged,
    payments,
    collectionStatus: collection?.status,
    reservations,
    completedAt: cart?.completed_at ?? null,
  }
}

/** Placed: one linked order (the shopper's only one), authorized, stock reserved, cart completed. */
export function isWhole(s: CartCheckoutState): boolean {
  return (
    s.orderIds.length === 1 &&
    s.ordersByEmail.length === 1 &&
    s.ordersByEmail[0] === s.orderIds[0] &&
    s.payments.length === 1 &&
    /^(authorized|completed)$/.test(s.collectionStatus ?? "") &&
    s.reservations.length === 1 &&
    s.completedAt !== null
  )
}

/** As before "place order": no live order, no payment, nothing reserved, cart open. */
export function isUntouched(s: CartCheckoutState): boolean {
  return s.ordersByEmail.length === 0 && s.payments.length === 0 && s.reservations.length === 0 && s.completedAt === null
}
