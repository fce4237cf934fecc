import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { toGtin14 } from "../../../../modules/traceability/gs1"
import { assignGtinWorkflow } from "../../../../workflows/traceability"
import { assertOwnProduct, ownProductIds, producerContext, requireListingRights } from "../../helpers"
import type { ProducerAssignGtinType } from "../../lots-validators"
import { traceService } from "../../lots"

/** GET /producers/me/trade-items[?product_id=] — the GTINs of the producer's own variants. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { producer } = producerContext(req)
  const productId = (req.validatedQuery as { product_id?: string }).product_id
  const filters: Record<string, unknown> = { producer_id: producer.id }
  if (productId) filters.product_id = productId
  const items = await traceService(req).listTradeItems(filters, { select: ["id", "gtin", "product_id", "variant_id", "is_demo"] })
  res.json({ trade_items: items })
}

/**
 * POST /producers/me/trade-items — give one of the producer's own variants its GTIN
 * (check digit validated, stored as GTIN-14). 404 for another producer's variant.
 */
export const POST = async (req: AuthenticatedMedusaRequest<ProducerAssignGtinType>, res: MedusaResponse) => {
  requireListingRights(req)
  const { producer } = producerContext(req)
  const { variant_id, gtin } = req.validatedBody
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product_variant", fields: ["id", "product_id"], filters: { id: variant_id } })
  const productId = (data[0] as any)?.product_id as string | undefined
  if (!productId || !(await ownProductIds(req.scope, producer.id)).includes(productId)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Variant ${variant_id} was not found`)
  }
  await assertOwnProduct(req, productId)
  const { result } = await assignGtinWorkflow(req.scope).run({
    input: { gtin: toGtin14(gtin)!, product_id: productId, variant_id, producer_id: producer.id },
  })
  res.status(201).json({ trade_item: result })
}
