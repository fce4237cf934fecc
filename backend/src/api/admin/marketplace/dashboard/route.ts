import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { earningsByMonth } from "../read"

/**
 * GET /admin/marketplace/dashboard — per producer, month and currency: GMV (gross captured
 * less refunded), commission earned, producer net, and what is due (payable + in an unpaid payout).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { months } = req.validatedQuery as { months: number }
  const since = new Date()
  since.setUTCMonth(since.getUTCMonth() - months + 1)
  const first = `${since.toISOString().slice(0, 7)}`
  const rows = (await earningsByMonth(req.scope)).filter((r) => r.month >= first)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const producerIds = [...new Set(rows.map((r) => r.producer_id))]
  const { data } = producerIds.length ? await query.graph({ entity: "producer", fields: ["id", "legal_name"], filters: { id: producerIds } }) : { data: [] }
  const names = new Map((data as any[]).map((p) => [p.id, p.legal_name]))
  res.json({
    rows: rows.map((r) => ({ ...r, producer_name: names.get(r.producer_id) ?? r.producer_id, due: r.payable + r.in_payout })),
  })
}
