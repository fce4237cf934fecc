import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { verifyProducerBankAccountWorkflow } from "../../../../../../../workflows/marketplace-finance"
import { bankAccountJson } from "../../../../read"

/** POST /admin/marketplace/producers/:id/bank-account/verify — the office checked the account (names the number it checked). */
export const POST = async (req: AuthenticatedMedusaRequest<{ account_number: string }>, res: MedusaResponse) => {
  const { result } = await verifyProducerBankAccountWorkflow(req.scope).run({
    input: { producer_id: req.params.id, account_number: req.validatedBody.account_number, actor: { actor_type: "user", actor_id: req.auth_context.actor_id } },
  })
  res.json({ bank_account: bankAccountJson(result) })
}
