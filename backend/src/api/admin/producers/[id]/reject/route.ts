import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { rejectProducerWorkflow } from "../../../../../workflows/producers"
import { loadProducer } from "../route"

/** POST /admin/producers/:id/reject — changes the producer's status and re-evaluates all its products. */
export const POST = async (req: AuthenticatedMedusaRequest<{ reason?: string }>, res: MedusaResponse) => {
  await loadProducer(req, req.params.id)
  await rejectProducerWorkflow(req.scope).run({
    input: { id: req.params.id, reason: req.validatedBody.reason ?? null, actor: { actor_type: "user", actor_id: req.auth_context.actor_id } },
  })
  res.json({ producer: await loadProducer(req, req.params.id) })
}
