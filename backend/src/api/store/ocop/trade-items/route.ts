import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { TRACEABILITY_MODULE } from "../../../../modules/traceability"
import type TraceabilityModuleService from "../../../../modules/traceability/service"
import { filterStoreVisible } from "../../../utils/sellable-products"
import { describeIssues } from "../../../utils/validate"

export const StoreTradeItemsQuery = z.object({ product_id: z.string().trim().min(1).max(100) }).strict()

/** GET /store/ocop/trade-items?product_id= — the GTINs of a product on sale (JSON-LD `gtin`). */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const parsed = StoreTradeItemsQuery.safeParse(req.query)
  if (!parsed.success) throw new MedusaError(MedusaError.Types.INVALID_DATA, describeIssues(parsed.error))
  const visible = await filterStoreVisible(req.scope, [{ id: parsed.data.product_id }])
  if (!visible.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product ${parsed.data.product_id} was not found`)
  const service: TraceabilityModuleService = req.scope.resolve(TRACEABILITY_MODULE)
  const items = await service.listTradeItems({ product_id: parsed.data.product_id }, { select: ["gtin", "variant_id", "is_demo"] })
  res.json({ trade_items: items })
}
