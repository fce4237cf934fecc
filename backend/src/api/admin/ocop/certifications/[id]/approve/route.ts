import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { changeCertificationWorkflow } from "../../../../../../workflows/certifications"
import { withConflicts } from "../../../../../utils/errors"
import { loadCertification } from "../route"

/** POST /admin/ocop/certifications/:id/approve — approves a certification that a producer submitted for review. */
export const POST = async (req: AuthenticatedMedusaRequest<{ reason?: string }>, res: MedusaResponse) => {
  const reason = req.validatedBody.reason ?? null
  // A number another decision already holds is a 409 (see changeCertificationStep).
  await withConflicts(() => changeCertificationWorkflow(req.scope).run({
    input: {
      id: req.params.id,
      type: "issued",
      changes: { status: "active", status_reason: reason },
      reason,
      expect_status: ["pending_review"],
      actor: { actor_type: "user", actor_id: req.auth_context.actor_id },
    },
  }))
  res.json({ certification: await loadCertification(req, req.params.id) })
}
