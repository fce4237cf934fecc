import { defineLink } from "@medusajs/framework/utils"
import OcopModule from "../modules/ocop"
import ProducerPortalModule from "../modules/producer-portal"

/** producer_user.producer — read-only, resolved from producer_user.producer_id (no link table). */
export default defineLink(
  { linkable: ProducerPortalModule.linkable.producerUser, field: "producer_id" },
  OcopModule.linkable.producer,
  { readOnly: true }
)
