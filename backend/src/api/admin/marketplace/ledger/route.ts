import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MARKETPLACE_FINANCE_MODULE } from "../../../../modules/marketplace-finance"
import type MarketplaceFinanceModuleService from "../../../../modules/marketplace-finance/service"
import { entryJson } from "../read"

/** GET /admin/marketplace/ledger — ledger entries, newest first, by producer or order. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const q = req.validatedQuery as { producer_id?: string; order_id?: string; limit: number; offset: number }
  const svc: MarketplaceFinanceModuleService = req.scope.resolve(MARKETPLACE_FINANCE_MODULE)
  const filters: Record<string, unknown> = {}
  if (q.producer_id) filters.producer_id = q.producer_id
  if (q.order_id) filters.order_id = q.order_id
  const [entries, count] = await svc.listAndCountLedgerEntries(filters, { take: q.limit, skip: q.offset, order: { occurred_at: "DESC", id: "ASC" } })
  res.json({ entries: entries.map(entryJson), count, limit: q.limit, offset: q.offset })
}
