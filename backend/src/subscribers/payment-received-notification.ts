import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { notifyPaymentReceivedWorkflow } from "../workflows/notifications"

export default async function paymentReceivedNotification({ event, container }: SubscriberArgs<{ id: string }>) {
  await notifyPaymentReceivedWorkflow(container).run({ input: { payment_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "payment.captured",
  context: { subscriberId: "ocop-payment-received-notification" },
}
