import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import ProducerOrderLink from "../../../../../links/producer-order"
import type { StoreOrderParcel } from "../../../../../modules/ocop/contract"
import { type LinkRow, PARCEL_ORDER_FIELDS, type ProducerRow, toParcels } from "../../parcels"
import { StoreOrderIdParam } from "../../validators"

/**
 * GET /store/orders/:id/parcels — the order as one parcel per producer, with status and tracking.
 * Readable exactly when `GET /store/orders/:id` is (middlewares.ts: order-access.ts).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const parsed = StoreOrderIdParam.safeParse(req.params)
  if (!parsed.success) throw new MedusaError(MedusaError.Types.INVALID_DATA, parsed.error.issues[0].message)
  const parcels = await orderParcels(req.scope, parsed.data.id)
  if (!parcels) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order id not found: ${parsed.data.id}`)
  res.json({ parcels })
}

/** The parcels of an order, or null when there is no such order. */
async function orderParcels(container: MedusaContainer, orderId: string): Promise<StoreOrderParcel[] | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: PARCEL_ORDER_FIELDS, filters: { id: orderId } })
  const order = data[0]
  if (!order) return null
  const { data: links } = await query.graph({
    entity: ProducerOrderLink.entryPoint,
    fields: ["producer_id", "line_item_ids"],
    filters: { order_id: orderId },
  } as any)
  const producerIds = [...new Set((links as unknown as LinkRow[]).map((l) => l.producer_id))]
  const { data: producers } = producerIds.length
    ? await query.graph({ entity: "producer", fields: ["id", "handle", "legal_name"], filters: { id: producerIds } })
    : { data: [] }
  return toParcels(order, links as unknown as LinkRow[], producers as unknown as ProducerRow[])
}
