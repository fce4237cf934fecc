import { Module } from "@medusajs/framework/utils"
import ProducerPortalModuleService from "./service"

/** The producer portal: the `producer` actor's users, team invites and the listing change log. */
export const PRODUCER_PORTAL_MODULE = "producer_portal"

export default Module(PRODUCER_PORTAL_MODULE, {
  service: ProducerPortalModuleService,
})
