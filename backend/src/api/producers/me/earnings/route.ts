import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MARKETPLACE_FINANCE_MODULE } from "../../../../modules/marketplace-finance"
import type MarketplaceFinanceModuleService from "../../../../modules/marketplace-finance/service"
import { earningsByMonth, payoutJson } from "../../../admin/marketplace/read"
import { producerContext } from "../../helpers"

/** GET /producers/me/earnings — by month: pending vs payable vs in a payout vs paid; the next payout. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const { producer } = producerContext(req)
  const months = (await earningsByMonth(req.scope, { producerId: producer.id })).map(({ producer_id: _p, ...m }) => m)
  const svc: MarketplaceFinanceModuleService = req.scope.resolve(MARKETPLACE_FINANCE_MODULE)
  const [next] = await svc.listPayouts({ producer_id: producer.id, status: "pending" }, { order: { created_at: "ASC" }, take: 1 })
  res.json({ months, next_payout: next ? payoutJson(next) : null })
}
