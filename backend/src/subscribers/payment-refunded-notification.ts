import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { notifyPaymentRefundedWorkflow } from "../workflows/notifications"

export default async function paymentRefundedNotification({ event, container }: SubscriberArgs<{ id: string }>) {
  await notifyPaymentRefundedWorkflow(container).run({ input: { payment_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "payment.refunded",
  context: { subscriberId: "ocop-payment-refunded-notification" },
}
