/**
 * The OCOP rule on the admin's order paths: a draft order, an order edit, an exchange's or a
 * claim's outbound items can only add a product that may be sold right now (the same verdict as
 * the cart guards in ocop-guards.ts, from OcopModuleService.evaluateSellability).
 *
 * Why `setPricingContext`: Medusa 2.21's draft-order "add items", order-edit "add item", exchange
 * and claim "add outbound item" flows expose no validate hook of their own, but every one of them
 * adds its lines through `addOrderLineItemsWorkflow`, and the draft-order create route through
 * `createOrderWorkflow`. Both run their `setPricingContext` hook with the requested variant ids
 * *before* pricing and before any line item is written, so one guard there covers every admin
 * path, including ones added later on top of those flows. The guard returns no pricing context
 * (prices stay Medusa's default); throwing here rolls the calling workflow back, so the draft order
 * or order change is left as it was. tests/integration/security-rules.spec.ts notices if Medusa
 * stops running these hooks on those routes.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { addOrderLineItemsWorkflow, createOrderWorkflow } from "@medusajs/medusa/core-flows"
import { OCOP_MODULE } from "../../modules/ocop"
import type OcopModuleService from "../../modules/ocop/service"
import { productsOfVariants } from "./ocop-guards"

/** Stable code in the 400 body, so the dashboard and the tests can tell this refusal from others. */
export const PRODUCT_NOT_SELLABLE_CODE = "ocop_product_not_sellable"


export async function refuseUnsellableVariants(container: MedusaContainer, variantIds: string[]) {
  const ids = [...new Set((variantIds ?? []).filter(Boolean))] as string[]
  if (!ids.length) return
  const products = await productsOfVariants(container, ids)
  if (!products.length) return // unknown variants: Medusa's own step answers them with a 404
  const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
  const verdicts = await ocop.evaluateSellability([...new Set<string>(products.map((p) => p.product_id as string))])
  const blocked = products.filter((p) => !verdicts.get(p.product_id)?.sellable)
  if (!blocked.length) return
  const names = [...new Set(blocked.map((b) => `"${b.title}" (${b.product_id})`))].join(", ")
  throw new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    `${names} is not a certified OCOP product on sale right now and cannot be added to an order.`,
    PRODUCT_NOT_SELLABLE_CODE
  )
}

addOrderLineItemsWorkflow.hooks.setPricingContext(async ({ variantIds }, { container }) => {
  await refuseUnsellableVariants(container, variantIds as string[])
})

createOrderWorkflow.hooks.setPricingContext(async ({ variantIds }, { container }) => {
  await refuseUnsellableVariants(container, variantIds as string[])
})
