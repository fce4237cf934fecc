import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { producerContext } from "../../../helpers"
import { loadProducerOrder } from "../../../orders"

/** GET /producers/me/orders/:id — the producer's items of an order and where to send them (404 if it sold nothing in it). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ order: await loadProducerOrder(req.scope, producerContext(req).producer.id, req.params.id) })
}
