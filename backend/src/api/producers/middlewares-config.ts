/**
 * Middleware routes of the producer portal, spread into src/api/middlewares.ts.
 *
 * Every route names its own auth first, so a request without a producer token
 * is a 401 before its body is even validated:
 *  - `producerRegistrationAuth` accepts a registered `producer` identity that is
 *    not yet tied to a producer (onboarding, accepting an invite, GET /producers/me);
 *  - `producerAuth` + `loadProducerContext` require a producer user.
 * Shopper (`customer`) and admin (`user`) tokens are a different actor type: 401.
 */
import { validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { listQuery, routeQuery } from "../utils/list-query"
import { ProducerSetNotificationPreferences } from "../notifications/validators"
import { normalizeProducerAddress } from "../utils/producer-address"
import { loadProducerContext, producerAuth, producerRegistrationAuth } from "./helpers"
import { listingRightsFirst, parseUploads, ProducerUploadQuery } from "./uploads"
import { ProducerAssignGtin, ProducerCorrectLot, ProducerEditLot, ProducerListLots, ProducerListTradeItems, ProducerRecordLot } from "./lots-validators"
import {
  AdminListListingChanges,
  AdminReviewListingChange,
  ProducerAcceptInvite,
  ProducerApply,
  ProducerCreateListing,
  ProducerInviteMember,
  ProducerListQuery,
  ProducerShipItems,
  ProducerSubmitCertification,
  ProducerUpdateListing,
  ProducerUpdateProfile,
} from "./validators"

const signedIn = () => [producerAuth(), loadProducerContext]

export const producerPortalMiddlewareRoutes: MiddlewareRoute[] = [
  // Onboarding with the registration token.
  { matcher: "/producers", method: "POST", middlewares: [producerRegistrationAuth(), validateAndTransformBody(ProducerApply), normalizeProducerAddress] },
  {
    matcher: "/producers/invites/accept",
    method: "POST",
    middlewares: [producerRegistrationAuth(), validateAndTransformBody(ProducerAcceptInvite)],
  },
  { matcher: "/producers/me", method: "GET", middlewares: [producerRegistrationAuth()] },
  { matcher: "/producers/me", method: "POST", middlewares: [...signedIn(), validateAndTransformBody(ProducerUpdateProfile), normalizeProducerAddress] },

  { matcher: "/producers/me/members", method: "GET", middlewares: signedIn() },
  { matcher: "/producers/me/members", method: "POST", middlewares: [...signedIn(), validateAndTransformBody(ProducerInviteMember)] },
  { matcher: "/producers/me/members/:id", method: "DELETE", middlewares: signedIn() },

  // Mail preferences of the producer (src/notifications).
  { matcher: "/producers/me/notification-preferences", method: "GET", middlewares: signedIn() },
  {
    matcher: "/producers/me/notification-preferences",
    method: "POST",
    middlewares: [...signedIn(), validateAndTransformBody(ProducerSetNotificationPreferences)],
  },

  // Auth, listing rights and the query are checked before the multipart body is read.
  {
    matcher: "/producers/me/uploads",
    method: "POST",
    middlewares: [...signedIn(), listingRightsFirst, routeQuery(ProducerUploadQuery), parseUploads],
  },

  { matcher: "/producers/me/products", method: "GET", middlewares: [...signedIn(), listQuery(ProducerListQuery)] },
  { matcher: "/producers/me/products", method: "POST", middlewares: [...signedIn(), validateAndTransformBody(ProducerCreateListing)] },
  { matcher: "/producers/me/products/:id", method: "GET", middlewares: signedIn() },
  { matcher: "/producers/me/products/:id", method: "POST", middlewares: [...signedIn(), validateAndTransformBody(ProducerUpdateListing)] },
  { matcher: "/producers/me/products/:id", method: "DELETE", middlewares: signedIn() },
  {
    matcher: "/producers/me/products/:id/certification",
    method: "POST",
    middlewares: [...signedIn(), validateAndTransformBody(ProducerSubmitCertification)],
  },

  { matcher: "/producers/me/orders", method: "GET", middlewares: [...signedIn(), listQuery(ProducerListQuery)] },
  { matcher: "/producers/me/orders/:id", method: "GET", middlewares: signedIn() },
  { matcher: "/producers/me/orders/:id/ship", method: "POST", middlewares: [...signedIn(), validateAndTransformBody(ProducerShipItems)] },

  { matcher: "/producers/me/changes", method: "GET", middlewares: [...signedIn(), listQuery(ProducerListQuery)] },

  // Traceability: GTINs of the producer's variants and the lots it records (api/producers/lots.ts).
  { matcher: "/producers/me/trade-items", method: "GET", middlewares: [...signedIn(), listQuery(ProducerListTradeItems)] },
  { matcher: "/producers/me/trade-items", method: "POST", middlewares: [...signedIn(), validateAndTransformBody(ProducerAssignGtin)] },
  { matcher: "/producers/me/lots", method: "GET", middlewares: [...signedIn(), listQuery(ProducerListLots)] },
  { matcher: "/producers/me/lots", method: "POST", middlewares: [...signedIn(), validateAndTransformBody(ProducerRecordLot)] },
  { matcher: "/producers/me/lots/:id", method: "GET", middlewares: signedIn() },
  { matcher: "/producers/me/lots/:id", method: "POST", middlewares: [...signedIn(), validateAndTransformBody(ProducerEditLot)] },
  { matcher: "/producers/me/lots/:id/corrections", method: "POST", middlewares: [...signedIn(), validateAndTransformBody(ProducerCorrectLot)] },
  { matcher: "/producers/me/lots/:id/label", method: "GET", middlewares: signedIn() },

  // Admin: the portal's change log (admin auth is Medusa's, on /admin).
  { matcher: "/admin/ocop/listing-changes", method: "GET", middlewares: [listQuery(AdminListListingChanges)] },
  {
    matcher: "/admin/ocop/listing-changes/:id/review",
    method: "POST",
    middlewares: [validateAndTransformBody(AdminReviewListingChange)],
  },
]
