import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadPayout, payoutJson } from "../../../../admin/marketplace/read"
import { producerContext } from "../../../helpers"

/** GET /producers/me/payouts/:id — 404 unless it is this producer's payout. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const { producer } = producerContext(req)
  res.json({ payout: payoutJson(await loadPayout(req.scope, req.params.id, producer.id)) })
}
