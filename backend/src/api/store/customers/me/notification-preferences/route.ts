import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { preferenceOf } from "../../../../../notifications/recipients"
import { setNotificationPreferenceWorkflow } from "../../../../../workflows/notification-preferences"
import type { StoreSetNotificationPreferencesType } from "../../../../notifications/validators"

/** GET /store/customers/me/notification-preferences — Medusa's own auth guards /store/customers/me*. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { non_essential } = await preferenceOf(req.scope, "customer", req.auth_context.actor_id)
  res.json({ notification_preferences: { non_essential } })
}

/** POST { non_essential } — order, payment and security mail always goes. */
export const POST = async (req: AuthenticatedMedusaRequest<StoreSetNotificationPreferencesType>, res: MedusaResponse) => {
  await setNotificationPreferenceWorkflow(req.scope).run({
    input: { recipient_type: "customer", recipient_id: req.auth_context.actor_id, non_essential: req.validatedBody.non_essential },
  })
  const { non_essential } = await preferenceOf(req.scope, "customer", req.auth_context.actor_id)
  res.json({ notification_preferences: { non_essential } })
}
