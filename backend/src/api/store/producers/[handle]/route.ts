import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { PUBLIC_PRODUCER_FIELDS } from "../../../utils/public-fields"
import { filterStoreVisible, PRODUCT_SUMMARY_FIELDS } from "../../../utils/sellable-products"
import { ProducerHandleParam } from "../validators"

/** GET /store/producers/:handle — an approved producer with its story and products on sale. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const parsed = ProducerHandleParam.safeParse(req.params)
  if (!parsed.success) throw new MedusaError(MedusaError.Types.INVALID_DATA, parsed.error.issues[0].message)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "producer",
    fields: [...PUBLIC_PRODUCER_FIELDS, ...PRODUCT_SUMMARY_FIELDS.map((f) => `products.${f}`)],
    filters: { handle: parsed.data.handle, status: "approved" },
  })
  const producer = data[0] as any
  if (!producer) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Producer ${parsed.data.handle} was not found`)
  const products = await filterStoreVisible(req.scope, (producer.products ?? []).filter(Boolean))
  res.json({ producer: { ...producer, products } })
}
