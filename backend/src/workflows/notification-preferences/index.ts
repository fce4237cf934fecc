import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { NOTIFICATION_PREFERENCE_MODULE, type PreferenceDTO, type RecipientType } from "../../modules/notification-preference"
import type NotificationPreferenceModuleService from "../../modules/notification-preference/service"
import { DEFAULT_PREFERENCE } from "../../notifications/recipients"

export type SetPreferenceInput = {
  recipient_type: RecipientType
  recipient_id: string
  non_essential?: boolean
  locale?: "vi" | "en" | null
}

type Previous = { id: string; created: boolean; before: PreferenceDTO }

/** Creates or updates the one row of a recipient; compensation restores it (or deletes a new one). */
const upsertPreferenceStep = createStep(
  "ocop-upsert-notification-preference",
  async (input: SetPreferenceInput, { container }) => {
    const service: NotificationPreferenceModuleService = container.resolve(NOTIFICATION_PREFERENCE_MODULE)
    const [row] = await service.listNotificationPreferences({ recipient_type: input.recipient_type, recipient_id: input.recipient_id }, { take: 1 })
    const changes = {
      ...(input.non_essential !== undefined ? { non_essential: input.non_essential } : {}),
      ...(input.locale !== undefined ? { locale: input.locale } : {}),
    }
    if (row) {
      const updated = await service.updateNotificationPreferences({ id: row.id, ...changes })
      const before = { non_essential: row.non_essential, locale: (row.locale as PreferenceDTO["locale"]) ?? null }
      return new StepResponse(updated, { id: row.id, created: false, before } as Previous)
    }
    const created = await service.createNotificationPreferences({
      recipient_type: input.recipient_type,
      recipient_id: input.recipient_id,
      ...DEFAULT_PREFERENCE,
      ...changes,
    })
    return new StepResponse(created, { id: created.id, created: true, before: DEFAULT_PREFERENCE } as Previous)
  },
  async (previous, { container }) => {
    if (!previous) return
    const service: NotificationPreferenceModuleService = container.resolve(NOTIFICATION_PREFERENCE_MODULE)
    if (previous.created) await service.deleteNotificationPreferences(previous.id)
    else await service.updateNotificationPreferences({ id: previous.id, ...previous.before })
  }
)

/** Sets a shopper's or producer's mail preference (account page, portal profile, unsubscribe link). */
export const setNotificationPreferenceWorkflow = createWorkflow("ocop-set-notification-preference", (input: SetPreferenceInput) => {
  return new WorkflowResponse(upsertPreferenceStep(input))
})
