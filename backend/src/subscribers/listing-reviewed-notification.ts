import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { notifyListingReviewedWorkflow } from "../workflows/notifications"
import { PRODUCER_PORTAL_EVENTS } from "../workflows/producer-portal"

export default async function listingReviewedNotification({
  event,
  container,
}: SubscriberArgs<{ id: string; producer_id: string; decision: string }>) {
  await notifyListingReviewedWorkflow(container).run({
    input: { product_id: event.data.id, producer_id: event.data.producer_id, decision: event.data.decision },
  })
}

export const config: SubscriberConfig = {
  event: PRODUCER_PORTAL_EVENTS.listingReviewed,
  context: { subscriberId: "ocop-listing-reviewed-notification" },
}
