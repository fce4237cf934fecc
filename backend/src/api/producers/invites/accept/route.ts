import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { hashInviteToken } from "../../../../modules/producer-portal/rules"
import { acceptProducerInviteWorkflow } from "../../../../workflows/producer-portal"
import { withConflicts } from "../../../utils/errors"
import type { ProducerAcceptInviteType } from "../../validators"

/**
 * POST /producers/invites/accept — a registered producer identity whose email
 * matches the invite joins the producer as a member. Refresh the token afterwards.
 */
export const POST = async (req: AuthenticatedMedusaRequest<ProducerAcceptInviteType>, res: MedusaResponse) => {
  if (req.auth_context.actor_id) {
    throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, "You already belong to a producer.")
  }
  const { token, ...person } = req.validatedBody
  const { result } = await withConflicts(() =>
    acceptProducerInviteWorkflow(req.scope).run({
      input: { auth_identity_id: req.auth_context.auth_identity_id, token_hash: hashInviteToken(token), person },
    })
  )
  res.status(201).json({ user: result })
}
