/**
 * A password reset for actor X only for identities that are an X.
 *
 * Medusa's POST /auth/:actor_type/:auth_provider/reset-password runs
 * generateResetPasswordTokenWorkflow for any provider identity with that email,
 * whatever the actor type in the path: `/auth/producer/emailpass/reset-password`
 * with an admin's email issued a token (and our producer subscriber mailed it),
 * and the token changes the password the email shares across all its actors.
 * The token also invalidates the identity's earlier reset tokens.
 *
 * This middleware answers 201 itself — exactly what Medusa answers for an
 * unknown email — unless the identity's app_metadata names an actor of that
 * type (`${actor_type}_id`, which Medusa's setAuthAppMetadataStep writes:
 * `user_id`, `customer_id`, `producer_id`). Nothing is issued, sent or written.
 */
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"

/** Whether an auth identity's app_metadata ties it to an actor of `actorType`. */
export function identityHasActor(appMetadata: Record<string, unknown> | null | undefined, actorType: string): boolean {
  const value = appMetadata?.[`${actorType}_id`]
  return typeof value === "string" && value.length > 0
}

export async function resetOnlyForOwnActor(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const identifier = (req.body as { identifier?: unknown } | undefined)?.identifier
    // Malformed bodies are left to Medusa's validator (a 400).
    if (typeof identifier !== "string" || !identifier) return next()
    const actorType = String(req.params.actor_type ?? "")
    const provider = String(req.params.auth_provider ?? "")
    const auth = req.scope.resolve(Modules.AUTH)
    const [providerIdentity] = await auth.listProviderIdentities({ entity_id: identifier, provider }, { select: ["id", "auth_identity_id"] })
    if (providerIdentity?.auth_identity_id) {
      const identity = await auth.retrieveAuthIdentity(providerIdentity.auth_identity_id, { select: ["id", "app_metadata"] })
      if (identityHasActor(identity.app_metadata as Record<string, unknown> | null, actorType)) return next()
    }
    res.sendStatus(201)
  } catch (e) {
    next(e)
  }
}
