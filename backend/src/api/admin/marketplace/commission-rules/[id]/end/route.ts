import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { endCommissionRuleWorkflow } from "../../../../../../workflows/marketplace-finance"

/** POST /admin/marketplace/commission-rules/:id/end — the rule stops applying at `valid_until`. */
export const POST = async (req: AuthenticatedMedusaRequest<{ valid_until: string }>, res: MedusaResponse) => {
  const { result } = await endCommissionRuleWorkflow(req.scope).run({
    input: { id: req.params.id, valid_until: new Date(req.validatedBody.valid_until), actor: { actor_type: "user", actor_id: req.auth_context.actor_id } },
  })
  res.json({ commission_rule: result })
}
