import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { changeCertificationWorkflow } from "../../../../../../workflows/certifications"
import { loadCertification } from "../route"

/** POST /admin/ocop/certifications/:id/revoke — revokes a certification (the product leaves the store at once). */
export const POST = async (req: AuthenticatedMedusaRequest<{ reason?: string }>, res: MedusaResponse) => {
  const reason = req.validatedBody.reason ?? null
  await changeCertificationWorkflow(req.scope).run({
    input: {
      id: req.params.id,
      type: "revoked",
      changes: { status: "revoked", status_reason: reason },
      reason,
      expect_status: ["active", "suspended", "expired"],
      actor: { actor_type: "user", actor_id: req.auth_context.actor_id },
    },
  })
  res.json({ certification: await loadCertification(req, req.params.id) })
}
