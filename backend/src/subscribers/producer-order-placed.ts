import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { linkOrderToProducersWorkflow } from "../workflows/producer-portal"

/** When an order is placed, remember which producers sold what in it (their portal shows only that). */
export default async function producerOrderPlaced({ event, container }: SubscriberArgs<{ id: string }>) {
  await linkOrderToProducersWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "ocop-producer-order-placed" },
}
