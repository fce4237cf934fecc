import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reviewListingChangeWorkflow } from "../../../../../../workflows/producer-portal"
import type { AdminReviewListingChangeType } from "../../../../../producers/validators"

/**
 * POST /admin/ocop/listing-changes/:id/review — approve (publish the listing) or reject (it stays a
 * draft; the note tells the producer why) a producer's content change waiting for review.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminReviewListingChangeType>, res: MedusaResponse) => {
  const body = req.validatedBody
  const { result } = await reviewListingChangeWorkflow(req.scope).run({
    input: {
      change_id: req.params.id,
      decision: body.decision,
      note: body.note ?? null,
      admin_user_id: req.auth_context.actor_id,
    },
  })
  res.json({ review: { decision: body.decision, note: body.note ?? null, ...result } })
}
