import { defineMiddlewares, validateAndTransformBody } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import {
  AdminCreateCertification,
  AdminCreateProducer,
  AdminListCertifications,
  AdminListProducers,
  AdminOptionalReason,
  AdminRecoverCheckouts,
  AdminRerateCertification,
  AdminRunExpiry,
  AdminStatusReason,
  AdminUpdateCertification,
  AdminUpdateProducer,
} from "./admin/ocop/validators"
import { storeProductOcop } from "./store/ocop/product-filters"
import { searchMiddlewareRoutes } from "./store/ocop/search/middlewares-config"
import { producerPortalMiddlewareRoutes } from "./producers/middlewares-config"
import { marketplaceMoneyMiddlewareRoutes } from "./marketplace-money/middlewares-config"
import { StoreListProducers } from "./store/producers/validators"
import { verifyStripeSignature } from "../medusa-workarounds/stripe-webhook-signature"
import { StoreSitemapQuery } from "./store/ocop/validators"
import { recoverBeforeComplete } from "./store/carts/recover-before-complete"
import { storePublicPayload } from "./store/public-payload"
import { storeOrderAccess } from "./store/orders/order-access"
import { guardMarketplaceListing } from "./admin/sales-channels/marketplace-listing-guard"
import { guardDraftOrderConversion } from "../medusa-workarounds/draft-order-guard"
import { listQuery, routeQuery } from "./utils/list-query"
import { shopperErrorHandler } from "../medusa-workarounds/shopper-errors"
import { StoreSetNotificationPreferences } from "./notifications/validators"
import { normalizeProducerAddress } from "./utils/producer-address"
import { authRateLimit } from "./auth-rate-limit/middleware"
import { resetOnlyForOwnActor } from "./auth-rate-limit/reset-password-actor"
import { serveStaticFile } from "./static-files"
import {
  cartCreateQuantities,
  lineItemAddQuantity,
  lineItemOfCart,
  lineItemUpdateQuantity,
  nonNegativePrices,
  producerOfAdditionalData,
  projectErrorHandler,
  rejectUnstorableInput,
} from "../medusa-workarounds/input-guards"

export default defineMiddlewares({
  // Medusa's, except: a sold-out product is a 409 naming the product (medusa-workarounds/shopper-errors.ts),
  // a malformed path parameter is a 400 (medusa-workarounds/input-guards.ts).
  errorHandler: shopperErrorHandler(projectErrorHandler()),
  routes: [
    // Every API route: text PostgreSQL cannot store (NUL, unpaired surrogates) is a 400, not a 500.
    { matcher: /^\/(store|admin|producers|auth)(\/|$)/, method: ["GET", "POST", "PUT", "PATCH", "DELETE"], middlewares: [rejectUnstorableInput] },
    // Auth: failed logins, registrations and reset requests are rate-limited per client IP + email
    // and per IP (429 + Retry-After; see auth-rate-limit/). The matchers are Medusa's own auth
    // routes', so whatever spelling Express resolves to a handler (case, %-encoding, trailing
    // slash) passes through the limiter too. GET runs the same login handler as POST.
    { matcher: "/auth/:actor_type/:auth_provider", method: ["GET", "POST"], middlewares: [authRateLimit("login")] },
    { matcher: "/auth/:actor_type/:auth_provider/register", method: "POST", middlewares: [authRateLimit("register")] },
    // A reset for actor X is only issued to identities that are an X (reset-password-actor.ts).
    { matcher: "/auth/:actor_type/:auth_provider/reset-password", method: "POST", middlewares: [authRateLimit("reset-password"), resetOnlyForOwnActor] },
    // Artwork and uploaded files, served inertly (nosniff, type from the stored extension,
    // PDFs as attachments, sandbox CSP): see static-files.ts for why not Medusa's static/.
    { matcher: "/static*", method: ["GET", "HEAD"], middlewares: [serveStaticFile] },

    // Store -----------------------------------------------------------------
    // Every store answer: OCOP certifications and producers carry only their public fields, and a
    // certification pending review or rejected is never in it (utils/public-fields.ts). Case-insensitive
    // like Express's own routing, so `/Store/…` is shaped too.
    { matcher: /^\/store(\/|$)/i, method: ["GET", "POST", "PUT", "PATCH", "DELETE"], middlewares: [storePublicPayload] },
    // An order by id: its registered customer only; a guest order only shortly after checkout (see the file).
    { matcher: "/store/orders/:id", method: "GET", middlewares: storeOrderAccess },
    { matcher: "/store/orders/:id/parcels", method: "GET", middlewares: storeOrderAccess },
    // Carts: whole, positive quantities, and a line item is only reachable through its own cart.
    { matcher: "/store/carts", method: "POST", middlewares: [cartCreateQuantities] },
    { matcher: "/store/carts/:id/line-items", method: "POST", middlewares: [lineItemAddQuantity] },
    { matcher: "/store/carts/:id/line-items/:line_id", method: "POST", middlewares: [lineItemOfCart, lineItemUpdateQuantity] },
    { matcher: "/store/carts/:id/line-items/:line_id", method: "DELETE", middlewares: [lineItemOfCart] },
    // Place order: a checkout an earlier crash cut off is repaired first (no second order beside it).
    { matcher: "/store/carts/:id/complete", method: "POST", middlewares: [recoverBeforeComplete] },
    // A RegExp matcher is registered before Medusa's own /store/products
    // middlewares, so the OCOP filters and fields are in place before its validator runs.
    { matcher: /^\/store\/products(?:\/[^/]+)?\/?$/i, method: "GET", middlewares: [storeProductOcop] },
    { matcher: "/store/producers", method: "GET", middlewares: [listQuery(StoreListProducers)] },
    // Mail preferences (src/notifications): Medusa authenticates /store/customers/me*.
    {
      matcher: "/store/customers/me/notification-preferences",
      method: "POST",
      middlewares: [validateAndTransformBody(StoreSetNotificationPreferences)],
    },
    { matcher: "/store/ocop/sitemap", method: "GET", middlewares: [routeQuery(StoreSitemapQuery)] },
    // Search: GET /store/ocop/search and Medusa's POST /store/search (see the file for details).
    ...searchMiddlewareRoutes,

    // Payment webhooks: a forged Stripe event is a 400, not a silent 200.
    {
      matcher: "/hooks/payment/stripe_stripe",
      method: "POST",
      bodyParser: { preserveRawBody: true },
      middlewares: [verifyStripeSignature],
    },

    // Admin: certifications ---------------------------------------------------
    { matcher: "/admin/ocop/certifications", method: "GET", middlewares: [listQuery(AdminListCertifications)] },
    { matcher: "/admin/ocop/certifications", method: "POST", middlewares: [validateAndTransformBody(AdminCreateCertification)] },
    { matcher: "/admin/ocop/certifications/:id", method: "POST", middlewares: [validateAndTransformBody(AdminUpdateCertification)] },
    { matcher: "/admin/ocop/certifications/:id/rerate", method: "POST", middlewares: [validateAndTransformBody(AdminRerateCertification)] },
    { matcher: "/admin/ocop/certifications/:id/revoke", method: "POST", middlewares: [validateAndTransformBody(AdminStatusReason)] },
    { matcher: "/admin/ocop/certifications/:id/suspend", method: "POST", middlewares: [validateAndTransformBody(AdminStatusReason)] },
    { matcher: "/admin/ocop/certifications/:id/reinstate", method: "POST", middlewares: [validateAndTransformBody(AdminOptionalReason)] },
    { matcher: "/admin/ocop/certifications/:id/approve", method: "POST", middlewares: [validateAndTransformBody(AdminOptionalReason)] },

    { matcher: "/admin/ocop/jobs/expire-certifications", method: "POST", middlewares: [validateAndTransformBody(AdminRunExpiry)] },
    { matcher: "/admin/ocop/jobs/admin-digest", method: "POST", middlewares: [validateAndTransformBody(AdminRunExpiry)] },
    { matcher: "/admin/ocop/jobs/recover-checkouts", method: "POST", middlewares: [validateAndTransformBody(AdminRecoverCheckouts)] },
    { matcher: "/admin/products", method: "POST", middlewares: [nonNegativePrices, producerOfAdditionalData] },
    { matcher: "/admin/products/:id", method: "POST", middlewares: [producerOfAdditionalData] },
    { matcher: "/admin/products/:id/variants", method: "POST", middlewares: [nonNegativePrices] },
    { matcher: "/admin/products/:id/variants/:variant_id", method: "POST", middlewares: [nonNegativePrices] },
    // `additional_data.producer_id` links a product to its OCOP producer (see workflows/hooks).
    { matcher: "/admin/products", method: "POST", additionalDataValidator: { producer_id: z.string().min(1).max(100).optional() } },
    { matcher: "/admin/products/:id", method: "POST", additionalDataValidator: { producer_id: z.string().min(1).max(100).optional() } },
    // The storefront's channel only ever holds sellable products (create/update: the product hooks park them).
    { matcher: "/admin/sales-channels/:id/products", method: "POST", middlewares: [guardMarketplaceListing] },
    // Converting a draft order re-checks the OCOP rule: its convert workflow has no hook (see the file).
    { matcher: "/admin/draft-orders/:id/convert-to-order", method: "POST", middlewares: [guardDraftOrderConversion] },

    // Admin: producers ----------------------------------------------------------
    { matcher: "/admin/producers", method: "GET", middlewares: [listQuery(AdminListProducers)] },
    { matcher: "/admin/producers", method: "POST", middlewares: [validateAndTransformBody(AdminCreateProducer), normalizeProducerAddress] },
    { matcher: "/admin/producers/:id", method: "POST", middlewares: [validateAndTransformBody(AdminUpdateProducer), normalizeProducerAddress] },
    { matcher: "/admin/producers/:id/approve", method: "POST", middlewares: [validateAndTransformBody(AdminOptionalReason)] },
    { matcher: "/admin/producers/:id/suspend", method: "POST", middlewares: [validateAndTransformBody(AdminStatusReason)] },
    { matcher: "/admin/producers/:id/reject", method: "POST", middlewares: [validateAndTransformBody(AdminStatusReason)] },

    // Producer portal: /producers/* (the `producer` actor) and /admin/ocop/listing-changes (see the file).
    ...producerPortalMiddlewareRoutes,

    // Marketplace money: commission, ledger, bank accounts, payouts (see the file).
    ...marketplaceMoneyMiddlewareRoutes,
  ],
})
