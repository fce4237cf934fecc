import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { RateLimiterAbstract } from "rate-limiter-flexible"
import { PRODUCER_PORTAL_MODULE } from "../../../../modules/producer-portal"
import { INVITE_TTL_DAYS, inviteLimitConfig, inviteRightsProblem, newInviteToken } from "../../../../modules/producer-portal/rules"
import type ProducerPortalModuleService from "../../../../modules/producer-portal/service"
import { inviteProducerMemberWorkflow } from "../../../../workflows/producer-portal"
import { tooManyRequests } from "../../../auth-rate-limit/middleware"
import { withConflicts } from "../../../utils/errors"
import { createLimiter, isRejection, retryAfterSeconds } from "../../../utils/rate-limiters"
import { producerContext, requireOwner } from "../../helpers"
import type { ProducerInviteMemberType } from "../../validators"

const inviteLimit = inviteLimitConfig()
let invites: RateLimiterAbstract | null = null
/** Invites per producer and window: each one sends an email on the marketplace's name. */
const inviteLimiter = () => (invites ??= createLimiter({ keyPrefix: "ocop-invite", points: inviteLimit.max, duration: inviteLimit.windowSeconds }))

const USER_FIELDS = ["id", "email", "first_name", "last_name", "phone", "role", "created_at"] as const

/** GET /producers/me/members — the team; the owner also sees open invitations. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { producer, user } = producerContext(req)
  const portal: ProducerPortalModuleService = req.scope.resolve(PRODUCER_PORTAL_MODULE)
  const members = await portal.listProducerUsers({ producer_id: producer.id }, { select: [...USER_FIELDS], order: { created_at: "ASC" } })
  const invites =
    user.role === "owner"
      ? await portal.listProducerInvites(
          { producer_id: producer.id, accepted_at: null, expires_at: { $gt: new Date() } } as any,
          { select: ["id", "email", "role", "expires_at", "created_at"], order: { created_at: "DESC" } }
        )
      : []
  res.json({ members, invites })
}

/**
 * POST /producers/me/members — the owner invites a member by email. The token
 * is returned once (and sent in the notification); only its hash is stored.
 */
export const POST = async (req: AuthenticatedMedusaRequest<ProducerInviteMemberType>, res: MedusaResponse) => {
  requireOwner(req)
  const { producer, actor } = producerContext(req)
  const problem = inviteRightsProblem(producer.status, producer.status_reason)
  if (problem) throw new MedusaError(MedusaError.Types.FORBIDDEN, problem)
  try {
    await inviteLimiter().consume(producer.id)
  } catch (e) {
    if (!isRejection(e)) throw e
    const retry = retryAfterSeconds(e.msBeforeNext)
    return tooManyRequests(
      res,
      retry,
      `Your producer has sent ${inviteLimit.max} invitations recently. Try again in ${Math.ceil(retry / 60)} minute(s).`
    )
  }
  const { token, hash } = newInviteToken()
  const storefront = (process.env.STOREFRONT_URL || "http://localhost:8000").replace(/\/$/, "")
  const acceptUrl = `${storefront}/vi/producer/join?token=${encodeURIComponent(token)}`
  // An invite that was refused (already in the team, bad input) gives its point back.
  const refund = (e: unknown) => inviteLimiter().reward(producer.id).then(() => Promise.reject(e as Error), () => Promise.reject(e as Error))
  const { result } = await withConflicts(() =>
    inviteProducerMemberWorkflow(req.scope).run({
      input: {
        invite: {
          producer_id: producer.id,
          email: req.validatedBody.email,
          role: "member",
          token_hash: hash,
          expires_at: new Date(Date.now() + INVITE_TTL_DAYS * 86_400_000),
          invited_by: actor.actor_id!,
        },
        change: {
          producer_id: producer.id,
          subject: "member",
          action: "invited",
          actor,
          fields: ["email"],
          after: { email: req.validatedBody.email, role: "member" },
        },
        notification: { accept_url: acceptUrl, producer_name: producer.legal_name },
      },
    }).catch(refund)
  )
  res.status(201).json({
    invite: { id: result.id, email: result.email, role: result.role, expires_at: result.expires_at },
    token,
    accept_url: acceptUrl,
  })
}
