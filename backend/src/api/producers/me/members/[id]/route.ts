import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { PRODUCER_PORTAL_MODULE } from "../../../../../modules/producer-portal"
import type ProducerPortalModuleService from "../../../../../modules/producer-portal/service"
import { removeProducerMemberWorkflow } from "../../../../../workflows/producer-portal"
import { producerContext, requireOwner } from "../../../helpers"

/** DELETE /producers/me/members/:id — the owner removes a member (or revokes an open invite by its id). */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  requireOwner(req)
  const { producer, actor, user: me } = producerContext(req)
  const portal: ProducerPortalModuleService = req.scope.resolve(PRODUCER_PORTAL_MODULE)
  const id = req.params.id
  if (id.startsWith("prinv_")) {
    const [invite] = await portal.listProducerInvites({ id, producer_id: producer.id, accepted_at: null })
    if (!invite) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Member ${id} was not found`)
    await portal.softDeleteProducerInvites(invite.id)
    return res.json({ id, object: "producer_invite", deleted: true })
  }
  const [member] = await portal.listProducerUsers({ id, producer_id: producer.id })
  if (!member) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Member ${id} was not found`)
  if (member.id === me.id || member.role === "owner") {
    throw new MedusaError(MedusaError.Types.FORBIDDEN, "The owner cannot be removed.")
  }
  await removeProducerMemberWorkflow(req.scope).run({
    input: {
      user_id: member.id,
      email: member.email,
      change: {
        producer_id: producer.id,
        subject: "member",
        action: "removed",
        actor,
        fields: ["member"],
        before: { user_id: member.id, email: member.email, role: member.role },
      },
    },
  })
  res.json({ id, object: "producer_user", deleted: true })
}
