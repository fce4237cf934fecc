import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MARKETPLACE_FINANCE_MODULE } from "../../../../../modules/marketplace-finance"
import type MarketplaceFinanceModuleService from "../../../../../modules/marketplace-finance/service"
import { loadPayout, payoutJson } from "../../read"

/** GET /admin/marketplace/payouts/:id — the payout and its history. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const payout = await loadPayout(req.scope, req.params.id)
  const svc: MarketplaceFinanceModuleService = req.scope.resolve(MARKETPLACE_FINANCE_MODULE)
  const history = await svc.listFinanceEvents({ subject_type: "payout", subject_id: payout.id }, { order: { created_at: "DESC" } })
  res.json({ payout: payoutJson(payout), history })
}
