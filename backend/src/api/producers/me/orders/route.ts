import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { producerContext } from "../../helpers"
import { listProducerOrders } from "../../orders"
import type { ProducerListQueryType } from "../../validators"

/** GET /producers/me/orders — orders in which the producer sold something, newest first, with only its own items. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, ProducerListQueryType>, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as ProducerListQueryType
  const { orders, count } = await listProducerOrders(req.scope, producerContext(req).producer.id, limit, offset)
  res.json({ orders, count, limit, offset })
}
