import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { notifyProducerDecisionWorkflow } from "../workflows/notifications"
import { OCOP_PRODUCER_STATUS_CHANGED } from "../workflows/producers"

/** A producer hears that its application was approved or rejected (suspensions have their own path). */
export default async function producerDecisionNotification({ event, container }: SubscriberArgs<{ id: string; status: string }>) {
  await notifyProducerDecisionWorkflow(container).run({ input: { producer_id: event.data.id, status: event.data.status } })
}

export const config: SubscriberConfig = {
  event: OCOP_PRODUCER_STATUS_CHANGED,
  context: { subscriberId: "ocop-producer-decision-notification" },
}
