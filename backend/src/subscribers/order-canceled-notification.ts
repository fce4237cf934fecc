import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { notifyOrderCanceledWorkflow } from "../workflows/notifications"

export default async function orderCanceledNotification({ event, container }: SubscriberArgs<{ id: string }>) {
  await notifyOrderCanceledWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "order.canceled",
  context: { subscriberId: "ocop-order-canceled-notification" },
}
