import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { refuseUnsellableVariants } from "../workflows/hooks/admin-order-guards"

/**
 * POST /admin/draft-orders/:id/convert-to-order — a draft order's items were checked when they
 * were added (workflows/hooks/admin-order-guards.ts), but a certification can be revoked or lapse
 * before the draft is converted into a real order. Medusa's convertDraftOrderWorkflow has no hook,
 * so the rule is checked here, before anything is written: the same 400 `ocop_product_not_sellable`.
 */
export async function guardDraftOrderConversion(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "order", fields: ["id", "items.variant_id"], filters: { id: req.params.id } })
    const variantIds = ((data[0] as any)?.items ?? []).map((i: any) => i?.variant_id).filter(Boolean)
    await refuseUnsellableVariants(req.scope, variantIds)
    next()
  } catch (e) {
    next(e)
  }
}
