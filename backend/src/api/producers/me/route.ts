import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { OCOP_MODULE } from "../../../modules/ocop"
import type OcopModuleService from "../../../modules/ocop/service"
import { changedKeys, checkProfileEdit, LEGAL_PRODUCER_FIELDS, listingRightsProblem } from "../../../modules/producer-portal/rules"
import { updateOwnProducerProfileWorkflow } from "../../../workflows/producer-portal"
import { loadProducerContext, producerContext } from "../helpers"
import { PUBLIC_PRODUCER_FIELDS } from "../../utils/public-fields"
import type { ProducerUpdateProfileType } from "../validators"

// The store's public producer fields, plus what only the producer itself sees.
const PROFILE_FIELDS = [...PUBLIC_PRODUCER_FIELDS, "status", "status_reason", "status_changed_at", "created_at"]

async function profile(req: AuthenticatedMedusaRequest) {
  const { user, producer } = producerContext(req)
  const ocop: OcopModuleService = req.scope.resolve(OCOP_MODULE)
  const full = await ocop.retrieveProducer(producer.id, { select: PROFILE_FIELDS })
  const problem = listingRightsProblem(full.status, full.status_reason)
  return {
    user: { id: user.id, email: user.email, role: user.role, first_name: user.first_name, last_name: user.last_name, phone: user.phone },
    producer: full,
    permissions: {
      manage_listings: !problem,
      reason: problem,
      edit_legal_fields: !checkProfileEdit(full.status, [...LEGAL_PRODUCER_FIELDS]),
      manage_members: user.role === "owner",
    },
  }
}

/**
 * GET /producers/me — who am I, my producer and its status. A registered login
 * that has not applied yet gets `{ producer: null }` (and its email) instead of a 401.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  if (!req.auth_context.actor_id) {
    const auth = req.scope.resolve(Modules.AUTH)
    const identity = await auth.retrieveAuthIdentity(req.auth_context.auth_identity_id, { relations: ["provider_identities"] })
    const email = identity.provider_identities?.find((p: any) => p.provider === "emailpass")?.entity_id ?? null
    return res.json({ user: null, producer: null, email, permissions: null })
  }
  await new Promise<void>((resolve, reject) => {
    void loadProducerContext(req, res, (e?: unknown) => (e ? reject(e instanceof Error ? e : new Error(JSON.stringify(e))) : resolve()))
  })
  res.json(await profile(req))
}

/**
 * POST /producers/me — edit the profile. Legal fields only while the
 * application is pending or rejected; contact details and story at any time.
 */
export const POST = async (req: AuthenticatedMedusaRequest<ProducerUpdateProfileType>, res: MedusaResponse) => {
  const { producer, actor } = producerContext(req)
  const ocop: OcopModuleService = req.scope.resolve(OCOP_MODULE)
  const before = await ocop.retrieveProducer(producer.id, { select: PROFILE_FIELDS })
  const changes = req.validatedBody as Record<string, unknown>
  const fields = changedKeys(
    Object.fromEntries(Object.keys(changes).map((k) => [k, (before as any)[k]])),
    changes
  )
  const problem = checkProfileEdit(before.status, fields)
  if (problem) throw new MedusaError(MedusaError.Types.FORBIDDEN, problem)
  if (fields.length) {
    await updateOwnProducerProfileWorkflow(req.scope).run({
      input: {
        producer_id: producer.id,
        changes: Object.fromEntries(fields.map((k) => [k, changes[k]])) as any,
        change: {
          producer_id: producer.id,
          subject: "producer",
          action: "profile_updated",
          actor,
          fields,
          before: Object.fromEntries(fields.map((k) => [k, (before as any)[k] ?? null])),
          after: Object.fromEntries(fields.map((k) => [k, changes[k] ?? null])),
        },
      },
    })
  }
  res.json(await profile(req))
}
