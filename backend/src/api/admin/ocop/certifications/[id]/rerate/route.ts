import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { changeCertificationWorkflow } from "../../../../../../workflows/certifications"
import type { AdminRerateCertificationType } from "../../../validators"
import { loadCertification } from "../route"

/**
 * POST /admin/ocop/certifications/:id/rerate — a re-evaluation moved the score
 * (up or down). The old stars and score stay in the history.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminRerateCertificationType>, res: MedusaResponse) => {
  const { reason, decision_date, ...rating } = req.validatedBody
  await changeCertificationWorkflow(req.scope).run({
    input: {
      id: req.params.id,
      type: "rerated",
      changes: { ...rating, ...(decision_date ? { decision_date: new Date(decision_date) } : {}) },
      reason,
      expect_status: ["active", "suspended"],
      actor: { actor_type: "user", actor_id: req.auth_context.actor_id },
    },
  })
  res.json({ certification: await loadCertification(req, req.params.id) })
}
