import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { producerContext } from "../../../helpers"
import { loadProducerOrder } from "../../../orders"

/**
 * GET /producers/me/orders/:id — the producer's items of an order, where to send
 * them and whether it is paid (404 if it sold nothing in it). `:id` is the
 * portal's reference (the display number; see orders.ts).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ order: (await loadProducerOrder(req.scope, producerContext(req).producer.id, req.params.id)).order })
}
