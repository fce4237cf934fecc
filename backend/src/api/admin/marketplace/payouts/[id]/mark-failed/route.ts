import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { transitionPayoutWorkflow } from "../../../../../../workflows/marketplace-finance"
import { payoutJson } from "../../../read"

/** POST /admin/marketplace/payouts/:id/mark-failed */
export const POST = async (req: AuthenticatedMedusaRequest<{ bank_reference?: string; reason?: string }>, res: MedusaResponse) => {
  const { result } = await transitionPayoutWorkflow(req.scope).run({
    input: {
      id: req.params.id,
      action: "mark_failed",
      bank_reference: req.validatedBody.bank_reference,
      reason: req.validatedBody.reason,
      actor: { actor_type: "user", actor_id: req.auth_context.actor_id },
    },
  })
  res.json({ payout: payoutJson(result) })
}
