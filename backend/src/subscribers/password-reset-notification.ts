import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { notifyPasswordResetWorkflow, type PasswordResetInput } from "../workflows/notifications"

/**
 * POST /auth/{customer|producer|user}/emailpass/reset-password emits `auth.password_reset` (only
 * for an identity of that actor: api/auth-rate-limit/reset-password-actor.ts). The link goes by
 * email: the storefront's account or portal reset page, or the admin dashboard's.
 */
export default async function passwordResetNotification({ event, container }: SubscriberArgs<PasswordResetInput>) {
  const { entity_id, actor_type, token, metadata } = event.data
  await notifyPasswordResetWorkflow(container).run({ input: { entity_id, actor_type, token, metadata } })
}

export const config: SubscriberConfig = {
  event: "auth.password_reset",
  context: { subscriberId: "ocop-password-reset-notification" },
}
