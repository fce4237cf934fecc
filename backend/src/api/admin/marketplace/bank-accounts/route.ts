import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { MARKETPLACE_FINANCE_MODULE } from "../../../../modules/marketplace-finance"
import type MarketplaceFinanceModuleService from "../../../../modules/marketplace-finance/service"
import { bankAccountJson } from "../read"

/** GET /admin/marketplace/bank-accounts?status=unverified — the accounts waiting for the office's check. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const q = req.validatedQuery as { status?: "unverified" | "verified"; limit: number; offset: number }
  const svc: MarketplaceFinanceModuleService = req.scope.resolve(MARKETPLACE_FINANCE_MODULE)
  const [accounts, count] = await svc.listAndCountProducerBankAccounts(q.status ? { status: q.status } : {}, {
    take: q.limit,
    skip: q.offset,
    order: { updated_at: "DESC" },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const ids = accounts.map((a) => a.producer_id)
  const { data } = ids.length ? await query.graph({ entity: "producer", fields: ["id", "legal_name"], filters: { id: ids } }) : { data: [] }
  const names = new Map((data as any[]).map((p) => [p.id, p.legal_name]))
  res.json({
    bank_accounts: accounts.map((a) => ({ ...bankAccountJson(a), producer_name: names.get(a.producer_id) ?? a.producer_id })),
    count,
    limit: q.limit,
    offset: q.offset,
  })
}
