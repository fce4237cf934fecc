import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OCOP_EVENTS } from "../workflows/certifications"
import { notifyCertificateExpiredWorkflow } from "../workflows/notifications"

export default async function certificateExpiredNotification({ event, container }: SubscriberArgs<{ id: string }>) {
  await notifyCertificateExpiredWorkflow(container).run({ input: { certification_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: OCOP_EVENTS.certificationExpired,
  context: { subscriberId: "ocop-certificate-expired-notification" },
}
