import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MARKETPLACE_FINANCE_MODULE } from "../../../../modules/marketplace-finance"
import { NAPAS_BANKS } from "../../../../modules/marketplace-finance/banks"
import type MarketplaceFinanceModuleService from "../../../../modules/marketplace-finance/service"
import { setProducerBankAccountWorkflow } from "../../../../workflows/marketplace-finance"
import { bankAccountJson } from "../../../admin/marketplace/read"
import type { ProducerSetBankAccountType } from "../../../admin/marketplace/validators"
import { producerContext, requireOwner } from "../../helpers"

/** GET /producers/me/bank-account — where the producer is paid, and the banks it can choose. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const { producer } = producerContext(req)
  const svc: MarketplaceFinanceModuleService = req.scope.resolve(MARKETPLACE_FINANCE_MODULE)
  const [account] = await svc.listProducerBankAccounts({ producer_id: producer.id })
  res.json({ bank_account: bankAccountJson(account), banks: NAPAS_BANKS })
}

/** POST /producers/me/bank-account — the owner sets the account; any change waits for the office to verify it. */
export const POST = async (req: MedusaRequest<ProducerSetBankAccountType>, res: MedusaResponse) => {
  requireOwner(req)
  const { producer, actor } = producerContext(req)
  const { result } = await setProducerBankAccountWorkflow(req.scope).run({
    input: { producer_id: producer.id, account: req.validatedBody, actor: { actor_type: actor.actor_type, actor_id: actor.actor_id ?? "" } },
  })
  res.json({ bank_account: bankAccountJson(result) })
}
