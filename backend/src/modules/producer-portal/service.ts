import { MedusaService } from "@medusajs/framework/utils"
import ListingChange from "./models/listing-change"
import ProducerInvite from "./models/producer-invite"
import ProducerUser from "./models/producer-user"

/**
 * CRUD for producer users, invites and the listing change log comes from
 * MedusaService; writes happen in workflows (src/workflows/producer-portal).
 */
class ProducerPortalModuleService extends MedusaService({ ProducerUser, ProducerInvite, ListingChange }) {}

export default ProducerPortalModuleService
