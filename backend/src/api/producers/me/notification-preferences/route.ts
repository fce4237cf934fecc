import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { preferenceOf, producerLocale } from "../../../../notifications/recipients"
import { setNotificationPreferenceWorkflow } from "../../../../workflows/notification-preferences"
import type { ProducerSetNotificationPreferencesType } from "../../../notifications/validators"
import { producerContext, requireOwner } from "../../helpers"

async function current(req: AuthenticatedMedusaRequest, producerId: string) {
  const preference = await preferenceOf(req.scope, "producer", producerId)
  return { notification_preferences: { non_essential: preference.non_essential, locale: producerLocale(preference) } }
}

/** GET /producers/me/notification-preferences — the signed-in user's own producer only. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json(await current(req, producerContext(req).producer.id))
}

/**
 * POST { non_essential?, locale? } — the owner's choice for the whole producer (its mail goes to
 * the producer's address, which the whole team reads); members get a 403 like for team changes.
 */
export const POST = async (req: AuthenticatedMedusaRequest<ProducerSetNotificationPreferencesType>, res: MedusaResponse) => {
  requireOwner(req)
  const { producer } = producerContext(req)
  await setNotificationPreferenceWorkflow(req.scope).run({
    input: { recipient_type: "producer", recipient_id: producer.id, ...req.validatedBody },
  })
  res.json(await current(req, producer.id))
}
