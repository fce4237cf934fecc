import type { MedusaContainer } from "@medusajs/framework/types"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  addOrderTransactionStep,
  deleteReservationsByLineItemsStep,
  dismissRemoteLinkStep,
  releaseLockStep,
  updateCartsStep,
} from "@medusajs/medusa/core-flows"
import { planCheckoutRecoveryStep, retireCheckoutOrdersStep, revertCheckoutPromotionUsageStep } from "./steps"
import { findHalfCompletedCarts, withCheckoutTag } from "./state"
import type { RecoveryPlan } from "./plan"

export { CHECKOUT_CART_TAG, checkoutAttemptEvidence, findHalfCompletedCarts, hasCheckoutTag, readCheckoutState, withCheckoutTag } from "./state"
export { planRecovery, type RecoveryPlan } from "./plan"

/**
 * Repairs one cart whose checkout was cut off mid-way (see plan.ts for the states and why a
 * roll-back is safe). Takes the same lock complete-cart takes (the cart id), so it never runs
 * beside a live completion of that cart: it waits for it, then finds the cart complete.
 * Idempotent: a cart that is untouched or complete is left as it is.
 */
export const recoverCheckoutWorkflow = createWorkflow(
  "ocop-recover-checkout",
  (input: { cart_id: string }) => {
    acquireLockStep({ key: input.cart_id, timeout: 30, ttl: 120 })
    const plan = planCheckoutRecoveryStep({ cart_id: input.cart_id })

    // Take back orders that must not stand (roll-back; or stray orphans beside a roll-forward).
    when({ plan }, ({ plan }) => plan.retire.order_ids.length > 0).then(() => {
      const links = transform({ plan }, ({ plan }) => plan.retire.links)
      dismissRemoteLinkStep(links as any)
      const lineItemIds = transform({ plan }, ({ plan }) => plan.retire.line_item_ids)
      deleteReservationsByLineItemsStep(lineItemIds)
      const promotionOrders = transform({ plan }, ({ plan }) => ({ order_ids: plan.retire.promotion_order_ids }))
      revertCheckoutPromotionUsageStep(promotionOrders)
      const retired = transform({ plan }, ({ plan }) => ({ order_ids: plan.retire.order_ids, cart_id: plan.cart_id, reason: plan.reason }))
      retireCheckoutOrdersStep(retired)
    })

    when({ plan }, ({ plan }) => plan.cart_completed_at !== "keep").then(() => {
      const update = transform({ plan }, ({ plan }) => [
        { id: plan.cart_id, completed_at: plan.cart_completed_at === "set" ? new Date() : null },
      ])
      updateCartsStep(update as any).config({ name: "recovery-update-cart-completed-at" })
    })

    when({ plan }, ({ plan }) => plan.transactions.length > 0).then(() => {
      const transactions = transform({ plan }, ({ plan }) => plan.transactions)
      addOrderTransactionStep(transactions as any)
    })

    releaseLockStep({ key: input.cart_id })
    return new WorkflowResponse(plan)
  }
)

/**
 * Tags a cart with its own id in `metadata.checkout_cart_id` before complete-cart runs: the order
 * it writes copies the cart's metadata, so an order whose run was cut off before it was linked to
 * the cart can still be traced back to it (by recoverCheckoutWorkflow). For carts the creation
 * hook did not tag (workflows/hooks/checkout-tag.ts); the caller checks `hasCheckoutTag` first.
 */
export const tagCartForCheckoutWorkflow = createWorkflow(
  "ocop-tag-cart-for-checkout",
  (input: { cart_id: string; metadata: Record<string, unknown> | null }) => {
    const update = transform({ input }, ({ input }) => [{ id: input.cart_id, metadata: withCheckoutTag(input.cart_id, input.metadata) }])
    updateCartsStep(update as any)
    return new WorkflowResponse(input.cart_id)
  }
)

export type RecoveredCheckout = { cart_id: string; action: RecoveryPlan["action"]; reason: RecoveryPlan["reason"]; order_ids: string[] }

/** Recovers checkouts not finished after `olderThanSeconds` by default. */
export const CHECKOUT_RECOVERY_AFTER_SECONDS = Number(process.env.OCOP_CHECKOUT_RECOVERY_AFTER_SECONDS ?? 120)

/**
 * Finds the carts left half-completed and repairs each in its own workflow run (one failing
 * cart does not stop the others; it is reported and retried on the next run).
 */
export async function recoverHalfCompletedCheckouts(
  container: MedusaContainer,
  { olderThanSeconds = CHECKOUT_RECOVERY_AFTER_SECONDS, limit = 50 }: { olderThanSeconds?: number; limit?: number } = {}
): Promise<{ recovered: RecoveredCheckout[]; failed: { cart_id: string; message: string }[] }> {
  const cartIds = await findHalfCompletedCarts(container, { olderThanSeconds, limit })
  const recovered: RecoveredCheckout[] = []
  const failed: { cart_id: string; message: string }[] = []
  for (const cart_id of cartIds) {
    try {
      const { result } = await recoverCheckoutWorkflow(container).run({ input: { cart_id } })
      recovered.push({ cart_id, action: result.action, reason: result.reason, order_ids: result.retire.order_ids })
    } catch (e) {
      failed.push({ cart_id, message: e instanceof Error ? e.message : String(e) })
    }
  }
  return { recovered, failed }
}
