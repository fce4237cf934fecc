/**
 * Who may read an order through `GET /store/orders/:id`.
 *
 * Medusa's route is public by design: the order id is the credential, so a guest
 * can see the confirmation page right after checkout (Medusa's guide
 * "Restrict Order Retrieval"). Here the id alone is a credential only briefly:
 * - the order's customer, signed in (session or token), may always read it;
 * - anyone holding the id may read it for a short window after it was placed:
 *   the confirmation page of Medusa's starter flow and ours, which reads it
 *   right after `POST /store/carts/:id/complete` with the publishable key only.
 *   The window also covers registered customers' orders on purpose: a shopper
 *   who checks out without signing in, with the email of an account, gets the
 *   order attached to that account (Medusa's find-or-create-customer step), and
 *   must still see the confirmation page and its bank-transfer instructions;
 * - after the window, a guest order is not readable through the store at all, a
 *   registered customer's only with that customer's authentication;
 * - a refusal is a 404, exactly like an id that does not exist, so the answer
 *   never tells whether an order exists.
 * Producers never receive order ids (api/producers/orders.ts), so the window is
 * not a way into other producers' lines.
 */
import { authenticate, type MedusaNextFunction, type MedusaRequest, type MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

/** Minutes an order stays readable by its id alone after it was placed. */
export function guestOrderReadMinutes(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.OCOP_GUEST_ORDER_READ_MINUTES)
  return Number.isFinite(n) && n >= 0 && env.OCOP_GUEST_ORDER_READ_MINUTES?.trim() ? n : 60
}

export type OrderReader = { customer_id: string | null }
export type OrderOwner = { customer_id: string | null; created_at: Date }

/**
 * Pure rule: may this requester read this order now? A guest's customer record
 * (has_account false) has no login, so "the order's customer, signed in" only
 * ever matches a registered account.
 */
export function mayReadOrder(order: OrderOwner, reader: OrderReader, now: Date, windowMinutes: number): boolean {
  if (order.customer_id && reader.customer_id === order.customer_id) return true
  return now.getTime() - order.created_at.getTime() <= windowMinutes * 60_000
}

async function checkOrderAccess(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const id = req.params.id
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "order", fields: ["id", "customer_id", "created_at"], filters: { id } })
    const order = data[0] as { id: string; customer_id: string | null; created_at: string | Date } | undefined
    // Unknown id: Medusa's route answers its own 404.
    if (!order) return next()
    const auth = (req as MedusaRequest & { auth_context?: { actor_type?: string; actor_id?: string } }).auth_context
    const reader = { customer_id: auth?.actor_type === "customer" && auth.actor_id ? auth.actor_id : null }
    const owner = { customer_id: order.customer_id, created_at: new Date(order.created_at) }
    if (mayReadOrder(owner, reader, new Date(), guestOrderReadMinutes())) return next()
    next(new MedusaError(MedusaError.Types.NOT_FOUND, `Order id not found: ${id}`))
  } catch (e) {
    next(e)
  }
}

/** Middlewares of GET /store/orders/:id: the customer's session or token when present, then the rule above. */
export const storeOrderAccess = [authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }), checkOrderAccess]
