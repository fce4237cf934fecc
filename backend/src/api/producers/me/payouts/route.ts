import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MARKETPLACE_FINANCE_MODULE } from "../../../../modules/marketplace-finance"
import type MarketplaceFinanceModuleService from "../../../../modules/marketplace-finance/service"
import { payoutJson } from "../../../admin/marketplace/read"
import { producerContext } from "../../helpers"

/** GET /producers/me/payouts — the producer's own payouts only. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const { producer } = producerContext(req)
  const q = req.validatedQuery as { limit: number; offset: number }
  const svc: MarketplaceFinanceModuleService = req.scope.resolve(MARKETPLACE_FINANCE_MODULE)
  const [payouts, count] = await svc.listAndCountPayouts({ producer_id: producer.id }, { take: q.limit, skip: q.offset, order: { created_at: "DESC" } })
  res.json({ payouts: payouts.map(payoutJson), count, limit: q.limit, offset: q.offset })
}
