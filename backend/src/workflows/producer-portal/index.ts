/**
 * Every write of the producer portal is one of these workflows. Each step has a
 * compensation (Medusa's own workflows, run as steps, bring theirs), so a
 * failure half-way leaves nothing half-written: no producer without its owner,
 * no product without its stock or change record, no fulfillment without its shipment.
 */
import { ProductStatus } from "@medusajs/framework/utils"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  createOrderFulfillmentWorkflow,
  createOrderShipmentWorkflow,
  createProductsWorkflow,
  deleteProductsWorkflow,
  emitEventStep,
  setAuthAppMetadataStep,
  updateProductsWorkflow,
  updateProductVariantsWorkflow,
} from "@medusajs/medusa/core-flows"
import { createCertificationWorkflow } from "../certifications"
import { createProducerStep, ProducerInput, updateProducerStep } from "../producers/steps"
import type { CertificationInput } from "../certifications/steps"
import { syncProductSellabilityWorkflow } from "../sellability"
import { producerInviteMessagesStep, sendMessagesStep } from "../notifications/steps"
import {
  assertOrderShippableStep,
  ChangeRecord,
  consumeInviteStep,
  createInviteStep,
  createProducerUserStep,
  findIdentityOfUserStep,
  InviteInput,
  linkOrderToProducersStep,
  ListingReviewDecision,
  markInviteAcceptedByStep,
  markListingReviewedStep,
  PortalActor,
  recordListingChangeStep,
  removeProducerUserStep,
  resolveProducerIdentityStep,
  setStockStep,
  variantInventoryStep,
} from "./steps"

export type { PortalActor } from "./steps"

export const PRODUCER_PORTAL_EVENTS = {
  applied: "ocop.producer.applied",
  listingChanged: "ocop.listing.changed",
  listingReviewed: "ocop.listing.reviewed",
  memberInvited: "ocop.producer.member_invited",
} as const

type Person = { first_name?: string | null; last_name?: string | null; phone?: string | null }

/**
 * Onboarding: a freshly registered `producer` identity applies. Creates the
 * producer (pending), its owner user, and ties the login to that user
 * (app_metadata.producer_id). The client then refreshes its token.
 */
export const applyAsProducerWorkflow = createWorkflow(
  "producer-portal-apply",
  (input: { auth_identity_id: string; producer: ProducerInput; owner: Person }) => {
    const identity = resolveProducerIdentityStep({ auth_identity_id: input.auth_identity_id })
    const producerInput = transform({ input }, ({ input }) => ({ ...input.producer, status: "pending" as const }))
    const producer = createProducerStep(producerInput)
    const userInput = transform({ input, identity, producer }, ({ input, identity, producer }) => ({
      ...input.owner,
      producer_id: producer.id,
      email: identity.email,
      role: "owner" as const,
    }))
    const user = createProducerUserStep(userInput)
    const metadata = transform({ input, user }, ({ input, user }) => ({
      authIdentityId: input.auth_identity_id,
      actorType: "producer",
      value: user.id,
    }))
    setAuthAppMetadataStep(metadata)
    const change = transform({ producer, user }, ({ producer, user }) => ({
      producer_id: producer.id,
      subject: "producer" as const,
      action: "applied",
      actor: { actor_type: "producer" as const, actor_id: user.id },
      after: { ...producer } as Record<string, unknown>,
      requires_review: true,
    }))
    recordListingChangeStep(change)
    const eventData = transform({ producer }, ({ producer }) => ({ id: producer.id }))
    emitEventStep({ eventName: PRODUCER_PORTAL_EVENTS.applied, data: eventData })
    return new WorkflowResponse({ producer, user })
  }
)

/** The producer edits its own profile (the route has already applied the legal-field rule). */
export const updateOwnProducerProfileWorkflow = createWorkflow(
  "producer-portal-update-profile",
  (input: { producer_id: string; changes: Partial<ProducerInput>; change: ChangeRecord }) => {
    const update = transform({ input }, ({ input }) => ({ ...input.changes, id: input.producer_id }))
    const producer = updateProducerStep(update)
    recordListingChangeStep(input.change)
    return new WorkflowResponse(producer)
  }
)

export const inviteProducerMemberWorkflow = createWorkflow(
  "producer-portal-invite-member",
  (input: { invite: InviteInput; change: ChangeRecord; notification: { accept_url: string; producer_name: string } }) => {
    const created = createInviteStep(input.invite)
    const invite = transform({ created }, ({ created }) => created.invite)
    recordListingChangeStep(input.change)
    const eventData = transform({ invite }, ({ invite }) => ({ id: invite.id, producer_id: invite.producer_id }))
    emitEventStep({ eventName: PRODUCER_PORTAL_EVENTS.memberInvited, data: eventData })
    // Last: an email cannot be unsent. The accept link is sealed before it is stored (notifications/secrets.ts).
    // None for an address that already works for a producer: it could not accept the invite.
    when({ created }, ({ created }) => created.notify).then(() => {
      const messageInput = transform({ input, invite }, ({ input, invite }) => ({
        invite: { id: invite.id, email: invite.email, producer_id: invite.producer_id, expires_at: invite.expires_at },
        accept_url: input.notification.accept_url,
        producer_name: input.notification.producer_name,
      }))
      sendMessagesStep(producerInviteMessagesStep(messageInput))
    })
    return new WorkflowResponse(invite)
  }
)

/** A registered `producer` identity accepts an invite: it becomes a member of that producer. */
export const acceptProducerInviteWorkflow = createWorkflow(
  "producer-portal-accept-invite",
  (input: { auth_identity_id: string; token_hash: string; person: Person }) => {
    const identity = resolveProducerIdentityStep({ auth_identity_id: input.auth_identity_id })
    const consume = transform({ input, identity }, ({ input, identity }) => ({ token_hash: input.token_hash, email: identity.email }))
    const invite = consumeInviteStep(consume)
    const userInput = transform({ input, identity, invite }, ({ input, identity, invite }) => ({
      ...input.person,
      producer_id: invite.producer_id,
      email: identity.email,
      role: invite.role as "member",
    }))
    const user = createProducerUserStep(userInput)
    const metadata = transform({ input, user }, ({ input, user }) => ({
      authIdentityId: input.auth_identity_id,
      actorType: "producer",
      value: user.id,
    }))
    setAuthAppMetadataStep(metadata)
    const accepted = transform({ invite, user }, ({ invite, user }) => ({ id: invite.id, user_id: user.id }))
    markInviteAcceptedByStep(accepted)
    const change = transform({ invite, user }, ({ invite, user }) => ({
      producer_id: invite.producer_id,
      subject: "member" as const,
      action: "joined",
      actor: { actor_type: "producer" as const, actor_id: user.id },
      after: { user_id: user.id, email: user.email, role: user.role },
    }))
    recordListingChangeStep(change)
    return new WorkflowResponse(user)
  }
)

/** The owner removes a member: the user is deleted and its login no longer opens the portal. */
export const removeProducerMemberWorkflow = createWorkflow(
  "producer-portal-remove-member",
  (input: { user_id: string; email: string; change: ChangeRecord }) => {
    const identity = findIdentityOfUserStep({ email: input.email })
    removeProducerUserStep({ id: input.user_id })
    when({ identity }, ({ identity }) => !!identity.auth_identity_id).then(() => {
      const unset = transform({ identity }, ({ identity }) => ({
        authIdentityId: identity.auth_identity_id as string,
        actorType: "producer",
        value: null as unknown as string,
      }))
      setAuthAppMetadataStep(unset)
    })
    recordListingChangeStep(input.change)
    return new WorkflowResponse({ id: input.user_id })
  }
)

/**
 * A producer creates a listing: always a draft, linked to the producer
 * (additional_data → the OCOP product hook), stocked at the Huế warehouse,
 * parked in the not-on-sale channel until certified and published by an admin.
 */
export const createListingWorkflow = createWorkflow(
  "producer-portal-create-listing",
  (input: {
    producer_id: string
    actor: PortalActor
    product: Record<string, any>
    stock: { title: string; quantity: number }[]
    location_id: string
  }) => {
    const productsInput = transform({ input }, ({ input }) => ({
      products: [{ ...input.product, status: ProductStatus.DRAFT }] as any[],
      additional_data: { producer_id: input.producer_id },
    }))
    const created = createProductsWorkflow.runAsStep({ input: productsInput })
    const product = transform({ created }, ({ created }) => created[0])
    const stockQuery = transform({ product, input }, ({ product, input }) => ({ product_id: product.id, stock: input.stock }))
    const items = variantInventoryStep(stockQuery)
    const stock = transform({ items, input }, ({ items, input }) => ({ location_id: input.location_id, items }))
    setStockStep(stock)
    const sync = transform({ product }, ({ product }) => ({ product_ids: [product.id] }))
    syncProductSellabilityWorkflow.runAsStep({ input: sync })
    const change = transform({ product, input }, ({ product, input }) => ({
      producer_id: input.producer_id,
      product_id: product.id,
      subject: "product" as const,
      action: "created",
      actor: input.actor,
      fields: Object.keys(input.product).filter((k) => k !== "shipping_profile_id").sort(),
      after: { ...input.product, stock: input.stock } as Record<string, unknown>,
      requires_review: true,
    }))
    recordListingChangeStep(change)
    const eventData = transform({ product }, ({ product }) => ({ id: product.id, action: "created" }))
    emitEventStep({ eventName: PRODUCER_PORTAL_EVENTS.listingChanged, data: eventData }).config({ name: "emit-listing-created" })
    return new WorkflowResponse(product)
  }
)

/**
 * A producer edits a listing. The route decides (rules.ts) what needs review:
 * `product_update` then carries `status: "draft"` for a published listing.
 * Prices and stock apply at once.
 */
export const updateListingWorkflow = createWorkflow(
  "producer-portal-update-listing",
  (input: {
    product_id: string
    product_update: Record<string, any> | null
    variant_prices: { id: string; prices: { amount: number; currency_code: string }[] }[]
    stock: { location_id: string; items: { inventory_item_id: string; stocked_quantity: number }[] }
    change: ChangeRecord
  }) => {
    when({ input }, ({ input }) => !!input.product_update).then(() => {
      const update = transform({ input }, ({ input }) => ({ selector: { id: input.product_id }, update: input.product_update as any }))
      updateProductsWorkflow.runAsStep({ input: update })
    })
    when({ input }, ({ input }) => input.variant_prices.length > 0).then(() => {
      const prices = transform({ input }, ({ input }) => ({ product_variants: input.variant_prices as any[] }))
      updateProductVariantsWorkflow.runAsStep({ input: prices })
    })
    setStockStep(input.stock)
    recordListingChangeStep(input.change)
    const eventData = transform({ input }, ({ input }) => ({ id: input.product_id, action: "updated" }))
    emitEventStep({ eventName: PRODUCER_PORTAL_EVENTS.listingChanged, data: eventData }).config({ name: "emit-listing-updated" })
    return new WorkflowResponse({ id: input.product_id })
  }
)

export const deleteListingWorkflow = createWorkflow(
  "producer-portal-delete-listing",
  (input: { product_id: string; change: ChangeRecord }) => {
    recordListingChangeStep(input.change)
    const ids = transform({ input }, ({ input }) => ({ ids: [input.product_id] }))
    deleteProductsWorkflow.runAsStep({ input: ids })
    return new WorkflowResponse({ id: input.product_id, deleted: true })
  }
)

/**
 * The OCOP office reviews a producer's content change. Approving publishes the listing as it
 * stands (Medusa's update-products flow, so the OCOP guard still refuses a product without a
 * certification in force, and the whole review is undone then); rejecting keeps it a draft with
 * the office's note, which the producer reads in its change log. The decision is appended to that
 * log as a change of its own (actor: the admin user).
 */
export const reviewListingChangeWorkflow = createWorkflow(
  "producer-portal-review-listing-change",
  (input: { change_id: string; decision: ListingReviewDecision; note: string | null; admin_user_id: string }) => {
    const reviewed = markListingReviewedStep({
      change_id: input.change_id,
      decision: input.decision,
      note: input.note,
      reviewed_by: input.admin_user_id,
    })
    when({ input }, ({ input }) => input.decision === "approved").then(() => {
      const publish = transform({ reviewed }, ({ reviewed }) => ({
        selector: { id: reviewed.product_id },
        update: { status: ProductStatus.PUBLISHED },
      }))
      updateProductsWorkflow.runAsStep({ input: publish })
    })
    const change = transform({ input, reviewed }, ({ input, reviewed }) => ({
      producer_id: reviewed.producer_id,
      product_id: reviewed.product_id,
      subject: "product" as const,
      action: input.decision === "approved" ? "review_approved" : "review_rejected",
      actor: { actor_type: "user" as const, actor_id: input.admin_user_id },
      fields: ["status"],
      after: {
        decision: input.decision,
        note: input.note,
        reviewed_changes: reviewed.reviewed_ids,
        ...(input.decision === "approved" ? { status: ProductStatus.PUBLISHED } : {}),
      },
    }))
    recordListingChangeStep(change).config({ name: "record-listing-review" })
    const eventData = transform({ input, reviewed }, ({ input, reviewed }) => ({
      id: reviewed.product_id,
      producer_id: reviewed.producer_id,
      decision: input.decision,
    }))
    emitEventStep({ eventName: PRODUCER_PORTAL_EVENTS.listingReviewed, data: eventData }).config({ name: "emit-listing-reviewed" })
    return new WorkflowResponse(reviewed)
  }
)

/**
 * A producer submits a certification decision with its evidence: recorded as
 * `pending_review` through the same workflow admins use. A new certificate is a
 * certified fact, so a published listing goes back to draft until re-published.
 */
export const submitListingCertificationWorkflow = createWorkflow(
  "producer-portal-submit-certification",
  (input: { certification: CertificationInput; actor: PortalActor; unpublish: boolean; change: Omit<ChangeRecord, "after"> }) => {
    const certInput = transform({ input }, ({ input }) => ({
      ...input.certification,
      status: "pending_review" as const,
      actor: { actor_type: "producer" as const, actor_id: input.actor.actor_id ?? null },
    }))
    const certification = createCertificationWorkflow.runAsStep({ input: certInput })
    when({ input }, ({ input }) => input.unpublish).then(() => {
      const draft = transform({ input }, ({ input }) => ({
        selector: { id: input.certification.product_id },
        update: { status: ProductStatus.DRAFT },
      }))
      updateProductsWorkflow.runAsStep({ input: draft })
    })
    const change = transform({ input, certification }, ({ input, certification }) => ({
      ...input.change,
      after: {
        certification_id: certification.id,
        certificate_number: certification.certificate_number,
        decision_number: certification.decision_number,
        stars: certification.stars,
        score: certification.score,
        evidence_url: certification.evidence_url,
        status: certification.status,
      },
    }))
    recordListingChangeStep(change)
    return new WorkflowResponse(certification)
  }
)

/**
 * A producer ships its own items of an order: one Medusa fulfillment for those
 * items (from the Huế warehouse), immediately marked as shipped with the
 * tracking label. Other producers' items in the same order are untouched.
 * Only once the order may ship (paid, or cash on delivery).
 */
export const shipProducerItemsWorkflow = createWorkflow(
  "producer-portal-ship-items",
  (input: {
    order_id: string
    /** The portal's reference (display number): what the producer's change log records, never the order id. */
    order_reference: string
    producer_id: string
    actor: PortalActor
    items: { id: string; quantity: number }[]
    carrier: string | null
    labels: { tracking_number: string; tracking_url: string; label_url: string }[]
  }) => {
    assertOrderShippableStep({ order_id: input.order_id })
    const fulfillmentInput = transform({ input }, ({ input }) => ({
      order_id: input.order_id,
      items: input.items,
      labels: input.labels,
      created_by: input.actor.actor_id ?? undefined,
      metadata: { producer_id: input.producer_id, producer_user_id: input.actor.actor_id ?? null, carrier: input.carrier },
    }))
    const fulfillment = createOrderFulfillmentWorkflow.runAsStep({ input: fulfillmentInput })
    const shipmentInput = transform({ input, fulfillment }, ({ input, fulfillment }) => ({
      order_id: input.order_id,
      fulfillment_id: fulfillment.id,
      items: input.items,
      labels: input.labels,
      created_by: input.actor.actor_id ?? undefined,
    }))
    createOrderShipmentWorkflow.runAsStep({ input: shipmentInput })
    const change = transform({ input, fulfillment }, ({ input }) => ({
      producer_id: input.producer_id,
      subject: "order" as const,
      action: "shipped",
      actor: input.actor,
      fields: ["items"],
      after: { order: input.order_reference, items: input.items, carrier: input.carrier, labels: input.labels },
    }))
    recordListingChangeStep(change)
    return new WorkflowResponse(fulfillment)
  }
)

/** Run when an order is placed: remembers which producers sold what in it. */
export const linkOrderToProducersWorkflow = createWorkflow("producer-portal-link-order", (input: { order_id: string }) => {
  const linked = linkOrderToProducersStep(input)
  return new WorkflowResponse(linked)
})
