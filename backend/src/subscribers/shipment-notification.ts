import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { notifyShipmentWorkflow } from "../workflows/notifications"

/** Tells the shopper a parcel left (Medusa's createOrderShipmentWorkflow emits it; `no_notification` is honoured). */
export default async function shipmentNotification({ event, container }: SubscriberArgs<{ id: string; no_notification?: boolean }>) {
  if (event.data.no_notification) return
  await notifyShipmentWorkflow(container).run({ input: { fulfillment_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "shipment.created",
  context: { subscriberId: "ocop-shipment-notification" },
}
