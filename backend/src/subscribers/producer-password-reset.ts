import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"

type PasswordReset = { entity_id: string; actor_type: string; token: string; metadata?: Record<string, unknown> }

/**
 * POST /auth/producer/emailpass/reset-password emits `auth.password_reset`;
 * for producers this sends the link to the portal's reset page through the
 * notification module (the local provider records it; configure an email
 * provider in production). Other actor types are left to their own subscribers.
 */
export default async function producerPasswordReset({ event, container }: SubscriberArgs<PasswordReset>) {
  if (event.data.actor_type !== "producer") return
  const storefront = (process.env.STOREFRONT_URL || "http://localhost:8000").replace(/\/$/, "")
  const locale = event.data.metadata?.locale === "en" ? "en" : "vi"
  const url = `${storefront}/${locale}/producer/reset-password?token=${encodeURIComponent(event.data.token)}&email=${encodeURIComponent(event.data.entity_id)}`
  await container.resolve(Modules.NOTIFICATION).createNotifications({
    to: event.data.entity_id,
    channel: "feed",
    template: "ocop-producer-password-reset",
    data: { email: event.data.entity_id, url, token: event.data.token },
  })
}

export const config: SubscriberConfig = {
  event: "auth.password_reset",
  context: { subscriberId: "ocop-producer-password-reset" },
}
