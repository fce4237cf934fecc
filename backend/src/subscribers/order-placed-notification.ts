import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { notifyOrderPlacedWorkflow } from "../workflows/notifications"

/** The shopper's order confirmation (the producers' alerts follow the order↔producer link: producer-order-placed.ts). */
export default async function orderPlacedNotification({ event, container }: SubscriberArgs<{ id: string }>) {
  await notifyOrderPlacedWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "ocop-order-placed-notification" },
}
