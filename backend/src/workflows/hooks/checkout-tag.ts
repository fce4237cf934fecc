/**
 * Every new cart carries its own id in `metadata.checkout_cart_id`. complete-cart copies the
 * cart's metadata onto the order it writes, so an order whose run was cut off before it was
 * linked to its cart can still be traced back to it (workflows/checkout-recovery). Tagging at
 * creation keeps "place order" itself free of writes before Medusa validates the cart: a refused
 * checkout changes nothing. Compensated if cart creation fails after this step.
 */
import { Modules } from "@medusajs/framework/utils"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { createCartWorkflow } from "@medusajs/medusa/core-flows"
import { hasCheckoutTag, withCheckoutTag } from "../checkout-recovery/state"

createCartWorkflow.hooks.cartCreated(
  async ({ cart }, { container }) => {
    const c = cart as unknown as { id: string; metadata?: Record<string, unknown> | null }
    const before = c.metadata ?? null
    if (hasCheckoutTag(c.id, before)) return new StepResponse(undefined, null)
    await container.resolve(Modules.CART).updateCarts(c.id, { metadata: withCheckoutTag(c.id, before) })
    return new StepResponse(undefined, { id: c.id, metadata: before })
  },
  async (previous, { container }) => {
    if (!previous) return
    await container.resolve(Modules.CART).updateCarts(previous.id, { metadata: previous.metadata })
  }
)
