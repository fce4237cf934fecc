/**
 * Authentication and scoping for the producer portal (`/producers/*`).
 *
 * A producer token is a Medusa auth token with `actor_type: "producer"`; its
 * `actor_id` is a producer_user id. `authenticate("producer", …)` refuses every
 * other actor (shoppers, admins) with 401, and `loadProducerContext` then loads
 * the user and its producer so every route works inside that one producer: any
 * id that is not the producer's own is a 404, exactly like an id that does not exist.
 */
import { authenticate, type MedusaNextFunction, type MedusaRequest, type MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { OCOP_MODULE } from "../../modules/ocop"
import type OcopModuleService from "../../modules/ocop/service"
import { PRODUCER_PORTAL_MODULE } from "../../modules/producer-portal"
import { listingRightsProblem, shippingRightsProblem } from "../../modules/producer-portal/rules"
import type ProducerPortalModuleService from "../../modules/producer-portal/service"
import { marketplaceSalesChannelId } from "../../workflows/sellability"
import { conflictIfDuplicate } from "../utils/errors"
import type { PortalActor } from "../../workflows/producer-portal"

export const PRODUCER_ACTOR = "producer"

/** A signed-in producer user (token with an actor). */
export const producerAuth = () => authenticate(PRODUCER_ACTOR, ["bearer", "session"])
/** A registered `producer` identity that may not be tied to a producer yet (onboarding, invites). */
export const producerRegistrationAuth = () => authenticate(PRODUCER_ACTOR, ["bearer", "session"], { allowUnregistered: true })

export type ProducerContext = {
  user: { id: string; email: string; role: "owner" | "member"; first_name: string | null; last_name: string | null; phone: string | null; producer_id: string }
  producer: { id: string; handle: string; legal_name: string; status: string; status_reason: string | null }
  actor: PortalActor
}

type Req = MedusaRequest & { auth_context?: { actor_id?: string; actor_type?: string; auth_identity_id?: string }; producer_context?: ProducerContext }

/** Loads the producer user and its producer into `req.producer_context`; 401 when the user no longer exists. */
export async function loadProducerContext(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const r = req as Req
  const userId = r.auth_context?.actor_id
  if (!userId || r.auth_context?.actor_type !== PRODUCER_ACTOR) {
    return next(new MedusaError(MedusaError.Types.UNAUTHORIZED, "Sign in as a producer."))
  }
  try {
    const portal: ProducerPortalModuleService = req.scope.resolve(PRODUCER_PORTAL_MODULE)
    const ocop: OcopModuleService = req.scope.resolve(OCOP_MODULE)
    const [user] = await portal.listProducerUsers({ id: userId })
    if (!user) return next(new MedusaError(MedusaError.Types.UNAUTHORIZED, "This producer login has been removed; ask your producer's owner."))
    const [producer] = await ocop.listProducers({ id: user.producer_id }, { select: ["id", "handle", "legal_name", "status", "status_reason"] })
    if (!producer) return next(new MedusaError(MedusaError.Types.UNAUTHORIZED, "Your producer no longer exists."))
    r.producer_context = {
      user: user as any,
      producer: producer as any,
      actor: { actor_type: "producer", actor_id: user.id },
    }
    next()
  } catch (e) {
    next(e)
  }
}

export function producerContext(req: MedusaRequest): ProducerContext {
  const ctx = (req as Req).producer_context
  if (!ctx) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Sign in as a producer.")
  return ctx
}

/** 403 unless the producer is approved (pending, suspended and rejected producers cannot manage listings). */
export function requireListingRights(req: MedusaRequest) {
  const { producer } = producerContext(req)
  const problem = listingRightsProblem(producer.status, producer.status_reason)
  if (problem) throw new MedusaError(MedusaError.Types.FORBIDDEN, problem)
}

export function requireShippingRights(req: MedusaRequest) {
  const problem = shippingRightsProblem(producerContext(req).producer.status)
  if (problem) throw new MedusaError(MedusaError.Types.FORBIDDEN, problem)
}

export function requireOwner(req: MedusaRequest) {
  if (producerContext(req).user.role !== "owner") {
    throw new MedusaError(MedusaError.Types.FORBIDDEN, "Only the producer's owner can manage team members.")
  }
}

/** Ids of the products linked to a producer (the product ↔ producer link). */
export async function ownProductIds(container: MedusaContainer, producerId: string): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "producer", fields: ["id", "products.id"], filters: { id: producerId } })
  return (((data[0] as any)?.products ?? []) as any[]).map((p) => p?.id).filter(Boolean)
}

/** 404 unless the product belongs to the signed-in producer. */
export async function assertOwnProduct(req: MedusaRequest, productId: string): Promise<void> {
  const { producer } = producerContext(req)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product", fields: ["id", "producer.id"], filters: { id: productId } })
  if ((data[0] as any)?.producer?.id !== producer.id) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product ${productId} was not found`)
  }
}

/** The Huế warehouse: the stock location serving the marketplace sales channel. */
export async function hueStockLocationId(container: MedusaContainer): Promise<string> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const channel = await marketplaceSalesChannelId(container)
  const { data } = await query.graph({ entity: "sales_channel", fields: ["id", "stock_locations.id"], filters: { id: channel } })
  const fromChannel = ((data[0] as any)?.stock_locations ?? []).find((l: any) => l?.id)?.id
  if (fromChannel) return fromChannel
  const locations = await container.resolve(Modules.STOCK_LOCATION).listStockLocations({}, { select: ["id"], take: 1 })
  if (!locations[0]) throw new MedusaError(MedusaError.Types.NOT_FOUND, "No stock location is set up for the marketplace.")
  return locations[0].id
}

export async function defaultShippingProfileId(container: MedusaContainer): Promise<string> {
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const [profile] = await fulfillment.listShippingProfiles({ type: "default" }, { select: ["id"] })
  if (!profile) throw new MedusaError(MedusaError.Types.NOT_FOUND, "No default shipping profile is set up.")
  return profile.id
}

/** A 409 that keeps its message (Medusa's CONFLICT type replaces it with a generic one). */
export function conflict(message: string): unknown {
  return conflictIfDuplicate(new MedusaError(MedusaError.Types.DUPLICATE_ERROR, message))
}
