import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MARKETPLACE_FINANCE_MODULE } from "../../../../modules/marketplace-finance"
import type MarketplaceFinanceModuleService from "../../../../modules/marketplace-finance/service"
import { payoutJson } from "../read"

/** GET /admin/marketplace/payouts — newest first, by status, producer or run. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const q = req.validatedQuery as { status?: string; producer_id?: string; run_id?: string; limit: number; offset: number }
  const svc: MarketplaceFinanceModuleService = req.scope.resolve(MARKETPLACE_FINANCE_MODULE)
  const filters: Record<string, unknown> = {}
  if (q.status) filters.status = q.status
  if (q.producer_id) filters.producer_id = q.producer_id
  if (q.run_id) filters.run_id = q.run_id
  const [payouts, count] = await svc.listAndCountPayouts(filters, { take: q.limit, skip: q.offset, order: { created_at: "DESC" } })
  res.json({ payouts: payouts.map(payoutJson), count, limit: q.limit, offset: q.offset })
}
