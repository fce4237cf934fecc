import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadStatement } from "../../../read"
import { localeOf, sendStatement } from "../../../respond"

/** GET /admin/marketplace/payouts/:id/statement?format=json|csv|html */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { format } = req.validatedQuery as { format: "json" | "csv" | "html" }
  sendStatement(res, await loadStatement(req.scope, req.params.id), format, localeOf(req.headers["accept-language"]))
}
