import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadStatement } from "../../../../../admin/marketplace/read"
import { localeOf, sendStatement } from "../../../../../admin/marketplace/respond"
import { producerContext } from "../../../../helpers"

/** GET /producers/me/payouts/:id/statement?format=json|csv|html — 404 unless it is this producer's payout. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const { producer } = producerContext(req)
  const { format } = req.validatedQuery as { format: "json" | "csv" | "html" }
  sendStatement(res, await loadStatement(req.scope, req.params.id, producer.id), format, localeOf(req.headers["accept-language"]))
}
