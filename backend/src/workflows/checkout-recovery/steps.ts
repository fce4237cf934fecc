import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { planRecovery, type RecoveryPlan } from "./plan"
import { readCheckoutState } from "./state"

/** Reads the cart's checkout state (under the cart's lock, taken by the step before) and decides. */
export const planCheckoutRecoveryStep = createStep(
  "plan-checkout-recovery",
  async (input: { cart_id: string }, { container }) => {
    const state = await readCheckoutState(container, input.cart_id)
    return new StepResponse(planRecovery(state))
  }
)

type UsageSnapshot = {
  computedActions: { amount: number; code: string }[]
  registrationContext: { customer_id: string | null; customer_email: string | null }
}

/**
 * Reverts the promotion usage complete-cart registered for the retired orders (the same actions
 * its registerUsageStep registered: one per adjustment with a code). Compensation registers it again.
 */
export const revertCheckoutPromotionUsageStep = createStep(
  "revert-checkout-promotion-usage",
  async (input: { order_ids: string[] }, { container }) => {
    if (!input.order_ids.length) return new StepResponse([] as UsageSnapshot[], [] as UsageSnapshot[])
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const promotion = container.resolve(Modules.PROMOTION)
    const { data: orders } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "email",
        "customer_id",
        "items.adjustments.code",
        "items.adjustments.amount",
        "shipping_methods.adjustments.code",
        "shipping_methods.adjustments.amount",
      ],
      filters: { id: input.order_ids },
    })
    const snapshots: UsageSnapshot[] = orders.map((o: any) => ({
      computedActions: [
        ...(o.items ?? []).flatMap((i: any) => i.adjustments ?? []),
        ...(o.shipping_methods ?? []).flatMap((s: any) => s.adjustments ?? []),
      ]
        .filter((a: any) => a.code)
        .map((a: any) => ({ amount: Number(a.amount), code: a.code })),
      registrationContext: { customer_id: o.customer_id ?? null, customer_email: o.email ?? null },
    }))
    for (const s of snapshots) {
      if (s.computedActions.length) await promotion.revertUsage(s.computedActions as any, s.registrationContext as any)
    }
    return new StepResponse(snapshots, snapshots)
  },
  async (snapshots, { container }) => {
    if (!snapshots?.length) return
    const promotion = container.resolve(Modules.PROMOTION)
    for (const s of snapshots) {
      if (s.computedActions.length) await promotion.registerUsage(s.computedActions as any, s.registrationContext as any)
    }
  }
)

/**
 * Soft-deletes the retired orders, noting why in their metadata first so the row an admin may
 * find in the database explains itself. Compensation restores them and their metadata.
 */
export const retireCheckoutOrdersStep = createStep(
  "retire-checkout-orders",
  async (input: { order_ids: string[]; cart_id: string; reason: RecoveryPlan["reason"] }, { container }) => {
    if (!input.order_ids.length) return new StepResponse([] as string[], [] as { id: string; metadata: any }[])
    const order = container.resolve(Modules.ORDER)
    const before = await order.listOrders({ id: input.order_ids }, { select: ["id", "metadata"] })
    const at = new Date().toISOString()
    await order.updateOrders(
      before.map((o: any) => ({
        id: o.id,
        metadata: {
          ...(o.metadata ?? {}),
          checkout_recovery: { rolled_back_at: at, reason: input.reason, cart_id: input.cart_id },
        },
      }))
    )
    await order.softDeleteOrders(input.order_ids)
    return new StepResponse(
      input.order_ids,
      before.map((o: any) => ({ id: o.id, metadata: o.metadata ?? null }))
    )
  },
  async (before, { container }) => {
    if (!before?.length) return
    const order = container.resolve(Modules.ORDER)
    await order.restoreOrders(before.map((o) => o.id))
    await order.updateOrders(before.map((o) => ({ id: o.id, metadata: o.metadata })))
  }
)
