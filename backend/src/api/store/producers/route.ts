import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PUBLIC_PRODUCER_FIELDS } from "../../utils/public-fields"
import { filterStoreVisible, PRODUCT_SUMMARY_FIELDS } from "../../utils/sellable-products"
import type { StoreListProducersType } from "./validators"

/** GET /store/producers — approved producers, each with its products on sale. */
export const GET = async (req: MedusaRequest<unknown, StoreListProducersType>, res: MedusaResponse) => {
  const { limit, offset, district, type } = req.validatedQuery as StoreListProducersType
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const filters: Record<string, unknown> = { status: "approved" }
  if (district) filters.district = district
  if (type) filters.type = type
  const { data, metadata } = await query.graph({
    entity: "producer",
    fields: [...PUBLIC_PRODUCER_FIELDS, ...PRODUCT_SUMMARY_FIELDS.map((f) => `products.${f}`)],
    filters,
    pagination: { take: limit, skip: offset, order: { legal_name: "ASC" } },
  })
  const all = data.flatMap((p: any) => (p.products ?? []).filter(Boolean))
  const visible = new Set((await filterStoreVisible(req.scope, all)).map((p) => p.id))
  res.json({
    producers: data.map((p: any) => ({ ...p, products: (p.products ?? []).filter((x: any) => x && visible.has(x.id)) })),
    count: metadata?.count ?? data.length,
    limit,
    offset,
  })
}
