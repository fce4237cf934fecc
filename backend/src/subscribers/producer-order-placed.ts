import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { notifyProducersOfOrderWorkflow } from "../workflows/notifications"
import { linkOrderToProducersWorkflow } from "../workflows/producer-portal"

/**
 * When an order is placed, remember which producers sold what in it (their portal shows only
 * that), then tell each producer about its own lines — read from that same link, so the alert
 * and the portal can never disagree about whose lines are whose.
 */
export default async function producerOrderPlaced({ event, container }: SubscriberArgs<{ id: string }>) {
  await linkOrderToProducersWorkflow(container).run({ input: { order_id: event.data.id } })
  await notifyProducersOfOrderWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "ocop-producer-order-placed" },
}
