/**
 * Who may read an order through `GET /store/orders/:id`.
 *
 * Medusa's route is public by design: the order id is the credential, so a guest
 * can see the confirmation page right after checkout (Medusa's guide
 * "Restrict Order Retrieval"). Here an id alone is not enough:
 * - an order of a registered customer is readable only with that customer's
 *   session or token;
 * - a guest order (no account behind it) is readable with its id only for a
 *   short window after it was placed — the confirmation page of Medusa's
 *   starter flow and ours, which read it from the same browser right after
 *   `POST /store/carts/:id/complete` — and not at all afterwards;
 * - anything else is a 404, exactly like an id that does not exist, so the answer
 *   never tells whether an order exists.
 */
import { authenticate, type MedusaNextFunction, type MedusaRequest, type MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

/** Minutes a guest order stays readable by its id after it was placed. */
export function guestOrderReadMinutes(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.OCOP_GUEST_ORDER_READ_MINUTES)
  return Number.isFinite(n) && n >= 0 && env.OCOP_GUEST_ORDER_READ_MINUTES?.trim() ? n : 60
}

export type OrderReader = { customer_id: string | null }
export type OrderOwner = { customer_id: string | null; customer_has_account: boolean; created_at: Date }

/** Pure rule: may this requester read this order now? */
export function mayReadOrder(order: OrderOwner, reader: OrderReader, now: Date, guestWindowMinutes: number): boolean {
  if (order.customer_id && reader.customer_id === order.customer_id) return true
  if (order.customer_has_account) return false
  return now.getTime() - order.created_at.getTime() <= guestWindowMinutes * 60_000
}

async function checkOrderAccess(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const id = req.params.id
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "order", fields: ["id", "customer_id", "created_at"], filters: { id } })
    const order = data[0] as { id: string; customer_id: string | null; created_at: string | Date } | undefined
    // Unknown id: Medusa's route answers its own 404.
    if (!order) return next()
    let hasAccount = false
    if (order.customer_id) {
      const { data: customers } = await query.graph({ entity: "customer", fields: ["id", "has_account"], filters: { id: order.customer_id } })
      hasAccount = !!(customers[0] as { has_account?: boolean } | undefined)?.has_account
    }
    const auth = (req as MedusaRequest & { auth_context?: { actor_type?: string; actor_id?: string } }).auth_context
    const reader = { customer_id: auth?.actor_type === "customer" && auth.actor_id ? auth.actor_id : null }
    const owner = { customer_id: order.customer_id, customer_has_account: hasAccount, created_at: new Date(order.created_at) }
    if (mayReadOrder(owner, reader, new Date(), guestOrderReadMinutes())) return next()
    next(new MedusaError(MedusaError.Types.NOT_FOUND, `Order id not found: ${id}`))
  } catch (e) {
    next(e)
  }
}

/** Middlewares of GET /store/orders/:id: the customer's session or token when present, then the rule above. */
export const storeOrderAccess = [authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }), checkOrderAccess]
