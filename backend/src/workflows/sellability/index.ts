import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { syncSellabilityStep } from "./steps"

export { holdSalesChannelId, marketplaceSalesChannelId, HOLD_SALES_CHANNEL_NAME } from "./steps"

export const OCOP_SELLABILITY_CHANGED = "ocop.product.sellability_changed"

/**
 * Re-evaluates the OCOP rule for the given products and lists or unlists them.
 * Every workflow that changes a certification or a producer ends by running this.
 */
export const syncProductSellabilityWorkflow = createWorkflow(
  "ocop-sync-product-sellability",
  (input: { product_ids: string[] }) => {
    const changed = syncSellabilityStep({ product_ids: input.product_ids })
    const eventData = transform({ changed, input }, ({ changed, input }) => ({
      ids: input.product_ids,
      changed,
    }))
    // The search index listens to this event for every product re-evaluated,
    // changed or not, so a re-rating updates the stars facet too.
    when({ input }, ({ input }) => input.product_ids.length > 0).then(() => {
      emitEventStep({ eventName: OCOP_SELLABILITY_CHANGED, data: eventData })
    })
    return new WorkflowResponse(changed)
  }
)
