import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { CheckoutOrder, CheckoutState } from "./plan"

/**
 * Reads what the database knows about one cart's checkout, and finds carts left half-completed.
 *
 * Plain SQL on purpose: the question spans five modules' tables (cart, order, payment, the link
 * tables, inventory) and includes "orders linked to *no* cart", which Query cannot ask; it is
 * read-only, and every change goes through the recovery workflow's compensable steps.
 */

/** The cart id every order placed from a cart carries in its metadata (see tagCartForCheckoutWorkflow). */
export const CHECKOUT_CART_TAG = "checkout_cart_id"

type Metadata = Record<string, unknown> | null | undefined

export function hasCheckoutTag(cartId: string, metadata: Metadata): boolean {
  return metadata?.[CHECKOUT_CART_TAG] === cartId
}

/** The cart's metadata with the tag added, the rest kept. */
export function withCheckoutTag(cartId: string, metadata: Metadata): Record<string, unknown> {
  return { ...(metadata ?? {}), [CHECKOUT_CART_TAG]: cartId }
}

type Container = MedusaContainer
type Knex = { raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: any[] }> }

function pg(container: Container): Knex {
  return container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
}

async function ordersWithLinks(knex: Knex, orderIds: string[]): Promise<CheckoutOrder[]> {
  if (!orderIds.length) return []
  const { rows } = await knex.raw(
    `SELECT o.id,
            COALESCE((SELECT array_agg(oi.item_id) FROM order_item oi WHERE oi.order_id = o.id AND oi.deleted_at IS NULL), '{}') AS line_item_ids,
            COALESCE((SELECT array_agg(oc.cart_id) FROM order_cart oc WHERE oc.order_id = o.id AND oc.deleted_at IS NULL), '{}') AS cart_ids,
            COALESCE((SELECT array_agg(opc.payment_collection_id) FROM order_payment_collection opc
                       WHERE opc.order_id = o.id AND opc.deleted_at IS NULL), '{}') AS payment_collection_ids,
            COALESCE((SELECT array_agg(op.promotion_id) FROM order_promotion op
                       WHERE op.order_id = o.id AND op.deleted_at IS NULL), '{}') AS promotion_ids
       FROM "order" o
      WHERE o.id IN (${orderIds.map(() => "?").join(", ")}) AND o.deleted_at IS NULL
      ORDER BY o.created_at`,
    orderIds
  )
  return rows.map((r) => ({
    id: r.id,
    line_item_ids: r.line_item_ids ?? [],
    links: { cart_ids: r.cart_ids ?? [], payment_collection_ids: r.payment_collection_ids ?? [], promotion_ids: r.promotion_ids ?? [] },
  }))
}

/**
 * What "place order" needs to know before Medusa runs, from indexed look-ups only: does the cart
 * exist, is it tagged, and did an earlier run for it get anywhere (cart completed, an order linked
 * to it, or an order linked to its payment collection — the orphan's links commit beside the cart
 * link)? Only then is the full state read, whose orphan search scans orders by their tag. The one
 * trace this misses — a run killed right after writing the order, before any link — is left to the
 * recovery job, which retires that orphan beside the order the retry placed.
 */
export async function checkoutAttemptEvidence(
  container: Container,
  cartId: string
): Promise<{ found: boolean; metadata: Record<string, unknown> | null; attempted: boolean }> {
  const { rows } = await pg(container).raw(
    `SELECT c.metadata,
            c.completed_at IS NOT NULL
            OR EXISTS (SELECT 1 FROM order_cart oc WHERE oc.cart_id = c.id AND oc.deleted_at IS NULL)
            OR EXISTS (SELECT 1 FROM cart_payment_collection cpc
                         JOIN order_payment_collection opc ON opc.payment_collection_id = cpc.payment_collection_id
                                                          AND opc.deleted_at IS NULL
                        WHERE cpc.cart_id = c.id AND cpc.deleted_at IS NULL) AS attempted
       FROM cart c WHERE c.id = ? AND c.deleted_at IS NULL`,
    [cartId]
  )
  const row = rows[0]
  return { found: !!row, metadata: row?.metadata ?? null, attempted: !!row?.attempted }
}

export async function readCheckoutState(container: Container, cartId: string): Promise<CheckoutState> {
  const knex = pg(container)
  const { rows: carts } = await knex.raw(
    `SELECT c.id, c.completed_at,
            (SELECT oc.order_id FROM order_cart oc JOIN "order" o ON o.id = oc.order_id AND o.deleted_at IS NULL
              WHERE oc.cart_id = c.id AND oc.deleted_at IS NULL ORDER BY oc.created_at LIMIT 1) AS linked_order_id,
            (SELECT cpc.payment_collection_id FROM cart_payment_collection cpc
              WHERE cpc.cart_id = c.id AND cpc.deleted_at IS NULL LIMIT 1) AS payment_collection_id
       FROM cart c WHERE c.id = ?`,
    [cartId]
  )
  const cart = carts[0]
  if (!cart) {
    return {
      cart_id: cartId,
      cart_found: false,
      completed_at: null,
      linked_order: null,
      orphan_orders: [],
      payment_collection_id: null,
      payment_authorized: false,
      captures_without_transaction: [],
    }
  }
  // Orders written for this cart that no cart link points to.
  const { rows: orphanRows } = await knex.raw(
    `SELECT o.id FROM "order" o
      WHERE o.metadata ->> '${CHECKOUT_CART_TAG}' = ? AND o.deleted_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM order_cart oc WHERE oc.order_id = o.id AND oc.deleted_at IS NULL)`,
    [cartId]
  )
  const [linked] = await ordersWithLinks(knex, cart.linked_order_id ? [cart.linked_order_id] : [])
  const orphans = await ordersWithLinks(
    knex,
    orphanRows.map((r) => r.id)
  )

  let payment_authorized = false
  let captures_without_transaction: CheckoutState["captures_without_transaction"] = []
  if (cart.payment_collection_id) {
    const { rows: payments } = await knex.raw(
      `SELECT p.id FROM payment p
        WHERE p.payment_collection_id = ? AND p.deleted_at IS NULL AND p.canceled_at IS NULL`,
      [cart.payment_collection_id]
    )
    payment_authorized = payments.length > 0
    if (payment_authorized && linked) {
      const { rows: captures } = await knex.raw(
        `SELECT c.id, c.amount::float AS amount, p.currency_code FROM capture c
           JOIN payment p ON p.id = c.payment_id
          WHERE p.payment_collection_id = ? AND c.deleted_at IS NULL AND p.deleted_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM order_transaction t
                             WHERE t.order_id = ? AND t.reference = 'capture' AND t.reference_id = c.id AND t.deleted_at IS NULL)`,
        [cart.payment_collection_id, linked.id]
      )
      captures_without_transaction = captures.map((c) => ({ capture_id: c.id, amount: Number(c.amount), currency_code: c.currency_code }))
    }
  }

  return {
    cart_id: cartId,
    cart_found: true,
    completed_at: cart.completed_at ? new Date(cart.completed_at).toISOString() : null,
    linked_order: linked ?? null,
    orphan_orders: orphans,
    payment_collection_id: cart.payment_collection_id ?? null,
    payment_authorized,
    captures_without_transaction,
  }
}

/**
 * Carts that look half-completed, oldest first: an orphan order written for them, a linked order
 * whose payment collection was never authorized, or a captured payment whose capture never
 * reached the order. Only orders older than `olderThanSeconds` are considered, so a checkout
 * still running elsewhere is left alone (the recovery workflow also takes the cart's lock and
 * re-reads the state before acting). Only the last `withinDays` days are scanned.
 */
export async function findHalfCompletedCarts(
  container: Container,
  { olderThanSeconds, withinDays = 7, limit = 50 }: { olderThanSeconds: number; withinDays?: number; limit?: number }
): Promise<string[]> {
  const knex = pg(container)
  const { rows } = await knex.raw(
    `WITH recent AS (
       SELECT o.id, o.metadata, o.created_at FROM "order" o
        WHERE o.deleted_at IS NULL
          AND o.created_at < now() - make_interval(secs => ?)
          AND o.created_at > now() - make_interval(days => ?)
     ),
     orphaned AS (
       SELECT r.metadata ->> '${CHECKOUT_CART_TAG}' AS cart_id, r.created_at FROM recent r
        WHERE r.metadata ->> '${CHECKOUT_CART_TAG}' IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM order_cart oc WHERE oc.order_id = r.id AND oc.deleted_at IS NULL)
     ),
     unauthorized AS (
       SELECT oc.cart_id, r.created_at FROM recent r
         JOIN order_cart oc ON oc.order_id = r.id AND oc.deleted_at IS NULL
         JOIN cart_payment_collection cpc ON cpc.cart_id = oc.cart_id AND cpc.deleted_at IS NULL
        WHERE NOT EXISTS (SELECT 1 FROM payment p WHERE p.payment_collection_id = cpc.payment_collection_id
                                                    AND p.deleted_at IS NULL AND p.canceled_at IS NULL)
          AND EXISTS (SELECT 1 FROM payment_collection pc WHERE pc.id = cpc.payment_collection_id
                                                         AND pc.deleted_at IS NULL AND pc.status IN ('not_paid', 'awaiting'))
     ),
     unrecorded AS (
       SELECT oc.cart_id, r.created_at FROM recent r
         JOIN order_cart oc ON oc.order_id = r.id AND oc.deleted_at IS NULL
         JOIN order_payment_collection opc ON opc.order_id = r.id AND opc.deleted_at IS NULL
         JOIN payment p ON p.payment_collection_id = opc.payment_collection_id AND p.deleted_at IS NULL
         JOIN capture c ON c.payment_id = p.id AND c.deleted_at IS NULL
        WHERE NOT EXISTS (SELECT 1 FROM order_transaction t WHERE t.order_id = r.id AND t.reference = 'capture'
                                                              AND t.reference_id = c.id AND t.deleted_at IS NULL)
     )
     SELECT cart_id, min(created_at) AS since FROM (
       SELECT * FROM orphaned UNION ALL SELECT * FROM unauthorized UNION ALL SELECT * FROM unrecorded
     ) x WHERE cart_id IS NOT NULL GROUP BY cart_id ORDER BY since LIMIT ?`,
    [olderThanSeconds, withinDays, limit]
  )
  return rows.map((r) => r.cart_id)
}
