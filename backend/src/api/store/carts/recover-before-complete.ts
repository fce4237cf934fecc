import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  checkoutAttemptEvidence,
  hasCheckoutTag,
  planRecovery,
  readCheckoutState,
  recoverCheckoutWorkflow,
  tagCartForCheckoutWorkflow,
} from "../../../workflows/checkout-recovery"

/**
 * Runs before Medusa's `POST /store/carts/:id/complete`.
 *
 * If an earlier run for this cart was cut off (the process died mid-checkout), repair the cart
 * first — otherwise Medusa would place a second order beside the orphan (or refuse: "Cannot create
 * multiple links between 'order' and 'payment'"), or answer with an order whose payment was never
 * authorized. The repair takes the cart's lock, so a run still in progress is waited for, not
 * undone. A first attempt costs one indexed query (checkoutAttemptEvidence); nothing is written
 * unless a repair is due.
 *
 * Carts are tagged with their id when created (workflows/hooks/checkout-tag.ts), which is how an
 * orphan order is found. A cart without the tag (created before it existed, or whose metadata a
 * client replaced) is tagged here — the one write this middleware may make before Medusa
 * validates the cart. A cart Medusa doesn't know is left to Medusa's 404.
 */
export async function recoverBeforeComplete(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    await recoverIfInterrupted(req)
  } catch (e) {
    return next(e)
  }
  next()
}

async function recoverIfInterrupted(req: MedusaRequest) {
  const cartId = req.params.id
  const cart = await checkoutAttemptEvidence(req.scope, cartId)
  if (!cart.found) return

  if (!hasCheckoutTag(cartId, cart.metadata)) {
    await tagCartForCheckoutWorkflow(req.scope).run({ input: { cart_id: cartId, metadata: cart.metadata } })
    return
  }
  // First "place order" for this cart: nothing an earlier run could have left behind.
  if (!cart.attempted) return
  const plan = planRecovery(await readCheckoutState(req.scope, cartId))
  if (plan.action !== "none") {
    const { result } = await recoverCheckoutWorkflow(req.scope).run({ input: { cart_id: cartId } })
    if (result.action !== "none") {
      req.scope
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(`Checkout recovery before completing cart ${cartId}: ${result.action} (${result.reason}); orders taken back: ${result.retire.order_ids.join(", ") || "none"}`)
    }
  }
}
