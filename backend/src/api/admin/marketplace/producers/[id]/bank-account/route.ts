import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MARKETPLACE_FINANCE_MODULE } from "../../../../../../modules/marketplace-finance"
import type MarketplaceFinanceModuleService from "../../../../../../modules/marketplace-finance/service"
import { bankAccountJson } from "../../../read"

/** GET /admin/marketplace/producers/:id/bank-account — the account and its change log. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const svc: MarketplaceFinanceModuleService = req.scope.resolve(MARKETPLACE_FINANCE_MODULE)
  const [account] = await svc.listProducerBankAccounts({ producer_id: req.params.id })
  const history = await svc.listFinanceEvents({ subject_type: "bank_account", producer_id: req.params.id }, { order: { created_at: "DESC" } })
  res.json({ bank_account: bankAccountJson(account), history })
}
