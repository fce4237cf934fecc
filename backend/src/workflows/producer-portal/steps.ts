import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OCOP_MODULE } from "../../modules/ocop"
import { PRODUCER_PORTAL_MODULE } from "../../modules/producer-portal"
import type ProducerPortalModuleService from "../../modules/producer-portal/service"
import { ORDER_NOT_PAID, ORDER_PAYMENT_FIELDS, orderPayment, unpaidShippingProblem } from "../../modules/producer-portal/payment-status"

export type PortalActor = { actor_type: "producer" | "user" | "system"; actor_id?: string | null }

const portal = (container: { resolve: (k: string) => any }): ProducerPortalModuleService => container.resolve(PRODUCER_PORTAL_MODULE)

/**
 * Reads the email of an auth identity (its emailpass entity id) and makes sure
 * it is not yet tied to a producer user. Writes nothing.
 */
export const resolveProducerIdentityStep = createStep(
  "producer-portal-resolve-identity",
  async (input: { auth_identity_id: string }, { container }) => {
    const auth = container.resolve(Modules.AUTH)
    const identity = await auth.retrieveAuthIdentity(input.auth_identity_id, { relations: ["provider_identities"] }).catch(() => null)
    if (!identity) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Unknown sign-in; register again.")
    if ((identity.app_metadata as any)?.producer_id) {
      throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, "This login already belongs to a producer; sign in again to continue.")
    }
    const email = identity.provider_identities?.find((p: any) => p.provider === "emailpass")?.entity_id
    if (!email) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Producers sign in with email and password.")
    return new StepResponse({ email: email.toLowerCase() })
  }
)

export type ProducerUserInput = {
  producer_id: string
  email: string
  role: "owner" | "member"
  first_name?: string | null
  last_name?: string | null
  phone?: string | null
}

export const createProducerUserStep = createStep(
  "producer-portal-create-user",
  async (input: ProducerUserInput, { container }) => {
    const service = portal(container)
    const email = input.email.toLowerCase()
    const [existing] = await service.listProducerUsers({ email }, { select: ["id"] })
    if (existing) throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `${email} already works for a producer.`)
    const user = await service.createProducerUsers({ ...input, email })
    return new StepResponse(user, user.id)
  },
  async (id, { container }) => {
    if (!id) return
    await portal(container).deleteProducerUsers(id)
  }
)

export const removeProducerUserStep = createStep(
  "producer-portal-remove-user",
  async (input: { id: string }, { container }) => {
    await portal(container).softDeleteProducerUsers(input.id)
    return new StepResponse(input.id, input.id)
  },
  async (id, { container }) => {
    if (!id) return
    await portal(container).restoreProducerUsers(id)
  }
)

/** Finds the auth identity whose app_metadata points at a producer user (for unlinking). */
export const findIdentityOfUserStep = createStep(
  "producer-portal-find-identity",
  async (input: { email: string }, { container }) => {
    const auth = container.resolve(Modules.AUTH)
    const [provider] = await auth.listProviderIdentities({ entity_id: input.email, provider: "emailpass" }, { select: ["auth_identity_id"] })
    return new StepResponse({ auth_identity_id: (provider?.auth_identity_id as string | undefined) ?? null })
  }
)

export type InviteInput = {
  producer_id: string
  email: string
  role: "member"
  token_hash: string
  expires_at: Date
  invited_by: string
}

export const createInviteStep = createStep(
  "producer-portal-create-invite",
  async (input: InviteInput, { container }) => {
    const service = portal(container)
    const email = input.email.toLowerCase()
    const [member] = await service.listProducerUsers({ email }, { select: ["id", "producer_id"] })
    // The owner sees its own team, so saying so reveals nothing. Whether an address works for
    // *another* producer must not show: that invite is created and answered like any other (it
    // cannot be accepted while the person belongs to a producer), only no message is sent.
    if (member?.producer_id === input.producer_id) {
      throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `${email} is already a member of your team.`)
    }
    // A new invite replaces an open one for the same address.
    const open = await service.listProducerInvites({ producer_id: input.producer_id, email, accepted_at: null }, { select: ["id"] })
    if (open.length) await service.softDeleteProducerInvites(open.map((i) => i.id))
    const invite = await service.createProducerInvites({ ...input, email })
    return new StepResponse({ invite, notify: !member }, { id: invite.id, replaced: open.map((i) => i.id) })
  },
  async (undo, { container }) => {
    if (!undo) return
    const service = portal(container)
    await service.deleteProducerInvites(undo.id)
    if (undo.replaced.length) await service.restoreProducerInvites(undo.replaced)
  }
)

/** Checks an invite token against the signed-in email and marks it used. */
export const consumeInviteStep = createStep(
  "producer-portal-consume-invite",
  async (input: { token_hash: string; email: string }, { container }) => {
    const service = portal(container)
    const [invite] = await service.listProducerInvites({ token_hash: input.token_hash })
    if (!invite || invite.accepted_at) throw new MedusaError(MedusaError.Types.NOT_FOUND, "This invitation does not exist or was already used.")
    if (new Date(invite.expires_at).getTime() < Date.now()) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This invitation has expired; ask the owner for a new one.")
    }
    if (invite.email.toLowerCase() !== input.email.toLowerCase()) {
      throw new MedusaError(
        MedusaError.Types.FORBIDDEN,
        `This invitation is for ${invite.email}; sign up with that address to accept it.`
      )
    }
    await service.updateProducerInvites({ id: invite.id, accepted_at: new Date() })
    return new StepResponse(invite, invite.id)
  },
  async (id, { container }) => {
    if (!id) return
    await portal(container).updateProducerInvites({ id, accepted_at: null, accepted_by: null })
  }
)

export const markInviteAcceptedByStep = createStep(
  "producer-portal-invite-accepted-by",
  async (input: { id: string; user_id: string }, { container }) => {
    await portal(container).updateProducerInvites({ id: input.id, accepted_by: input.user_id })
    return new StepResponse(null)
  }
)

export type ChangeRecord = {
  producer_id: string
  product_id?: string | null
  subject: "producer" | "product" | "certification" | "member" | "order"
  action: string
  actor: PortalActor
  fields?: string[]
  before?: Record<string, unknown> | null
  after?: Record<string, unknown> | null
  requires_review?: boolean
}

/** Appends to the listing change log (who, when, what, before/after). */
export const recordListingChangeStep = createStep(
  "producer-portal-record-change",
  async (input: ChangeRecord | ChangeRecord[], { container }) => {
    const records = (Array.isArray(input) ? input : [input]).filter(Boolean)
    if (!records.length) return new StepResponse([] as string[], [] as string[])
    const now = new Date()
    const created = await portal(container).createListingChanges(
      records.map((r) => ({
        producer_id: r.producer_id,
        product_id: r.product_id ?? null,
        subject: r.subject,
        action: r.action,
        actor_type: r.actor.actor_type,
        actor_id: r.actor.actor_id ?? null,
        fields: r.fields ?? [],
        before: r.before ?? null,
        after: r.after ?? null,
        requires_review: !!r.requires_review,
        occurred_at: now,
      }))
    )
    const ids = created.map((c) => c.id)
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    await portal(container).deleteListingChanges(ids)
  }
)

type StockUndo = { created: string[]; updated: { id: string; stocked_quantity: number }[] }

/**
 * Sets the stocked quantity of inventory items at one location, creating the
 * level when the item is not stocked there yet. The compensation restores the
 * previous quantities and removes created levels.
 */
export const setStockStep = createStep(
  "producer-portal-set-stock",
  async (input: { location_id: string; items: { inventory_item_id: string; stocked_quantity: number }[] }, { container }) => {
    const undo: StockUndo = { created: [], updated: [] }
    if (!input.items.length) return new StepResponse(undo, undo)
    const inventory = container.resolve(Modules.INVENTORY)
    const levels = await inventory.listInventoryLevels({
      inventory_item_id: input.items.map((i) => i.inventory_item_id),
      location_id: input.location_id,
    })
    const byItem = new Map(levels.map((l: any) => [l.inventory_item_id, l]))
    const toCreate = input.items.filter((i) => !byItem.has(i.inventory_item_id))
    const toUpdate = input.items.filter((i) => byItem.has(i.inventory_item_id))
    if (toUpdate.length) {
      undo.updated = toUpdate.map((i) => {
        const level: any = byItem.get(i.inventory_item_id)
        return { id: level.id, stocked_quantity: Number(level.stocked_quantity) }
      })
      await inventory.updateInventoryLevels(
        toUpdate.map((i) => ({ inventory_item_id: i.inventory_item_id, location_id: input.location_id, stocked_quantity: i.stocked_quantity }))
      )
    }
    if (toCreate.length) {
      const created = await inventory.createInventoryLevels(
        toCreate.map((i) => ({ inventory_item_id: i.inventory_item_id, location_id: input.location_id, stocked_quantity: i.stocked_quantity }))
      )
      undo.created = created.map((l: any) => l.id)
    }
    return new StepResponse(undo, undo)
  },
  async (undo, { container }) => {
    if (!undo) return
    const inventory = container.resolve(Modules.INVENTORY)
    if (undo.created.length) await inventory.deleteInventoryLevels(undo.created)
    if (undo.updated.length) await inventory.updateInventoryLevels(undo.updated as any)
  }
)

/** The inventory items of a product's variants, by variant title (titles are unique within a product). */
export const variantInventoryStep = createStep(
  "producer-portal-variant-inventory",
  async (input: { product_id: string; stock: { title: string; quantity: number }[] }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "product_variant",
      fields: ["id", "title", "inventory_items.inventory_item_id"],
      filters: { product_id: input.product_id },
    })
    const items = input.stock.flatMap((s) => {
      const variant: any = data.find((v: any) => v.title === s.title)
      const itemId = variant?.inventory_items?.[0]?.inventory_item_id
      return itemId ? [{ inventory_item_id: itemId as string, stocked_quantity: s.quantity }] : []
    })
    return new StepResponse(items)
  }
)

/**
 * Links an order to the producers whose products it contains, with their line
 * item ids. Idempotent: pairs that exist are left alone.
 */
export const linkOrderToProducersStep = createStep(
  "producer-portal-link-order",
  async (input: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    const { data: orders } = await query.graph({
      entity: "order",
      fields: ["id", "items.id", "items.product_id"],
      filters: { id: input.order_id },
    })
    const items = ((orders[0] as any)?.items ?? []).filter((i: any) => i?.product_id)
    const none = { order_id: input.order_id, producer_ids: [] as string[] }
    if (!items.length) return new StepResponse([] as string[], none)
    const { data: products } = await query.graph({
      entity: "product",
      fields: ["id", "producer.id"],
      filters: { id: [...new Set(items.map((i: any) => i.product_id as string))] },
      withDeleted: true,
    } as any)
    const producerOf = new Map(products.map((p: any) => [p.id, p.producer?.id as string | undefined]))
    const byProducer = new Map<string, string[]>()
    for (const item of items) {
      const producerId = producerOf.get(item.product_id)
      if (!producerId) continue
      byProducer.set(producerId, [...(byProducer.get(producerId) ?? []), item.id])
    }
    const { data: existing } = await query.graph({
      entity: "order",
      fields: ["id", "producers.id"],
      filters: { id: input.order_id },
    })
    const already = new Set(((existing[0] as any)?.producers ?? []).map((p: any) => p?.id))
    const fresh = [...byProducer.entries()].filter(([producerId]) => !already.has(producerId))
    if (fresh.length) {
      await link.create(
        fresh.map(([producer_id, line_item_ids]) => ({
          [OCOP_MODULE]: { producer_id },
          [Modules.ORDER]: { order_id: input.order_id },
          data: { line_item_ids },
        }))
      )
    }
    const created = fresh.map(([producerId]) => producerId)
    return new StepResponse(created, { order_id: input.order_id, producer_ids: created })
  },
  async (undo, { container }) => {
    if (!undo?.producer_ids.length) return
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    await link.dismiss(
      undo.producer_ids.map((producer_id) => ({
        [OCOP_MODULE]: { producer_id },
        [Modules.ORDER]: { order_id: undo.order_id },
      }))
    )
  }
)

export type ListingReviewDecision = "approved" | "rejected"

/**
 * The OCOP office's decision on a product change that required review. Approving or rejecting
 * the newest change settles every earlier change of the same product still waiting (the office
 * reviews the listing as it stands, not each edit). A change already decided, one that needs no
 * review or one that is not about a product is a 409/400 naming why; nothing is written then.
 */
export const markListingReviewedStep = createStep(
  "producer-portal-mark-listing-reviewed",
  async (input: { change_id: string; decision: ListingReviewDecision; note: string | null; reviewed_by: string }, { container }) => {
    const service = portal(container)
    const [change] = await service.listListingChanges({ id: input.change_id }, { take: 1 })
    if (!change) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Listing change ${input.change_id} was not found`)
    if (change.subject !== "product" || !change.product_id) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Listing change ${change.id} is about a ${change.subject}: decide it where that ${change.subject} is approved`
      )
    }
    if (!change.requires_review) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Listing change ${change.id} did not require a review`)
    }
    if (change.reviewed_at) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `Listing change ${change.id} was already ${change.review_decision}`)
    }
    const waiting = await service.listListingChanges(
      { product_id: change.product_id, subject: "product", requires_review: true, reviewed_at: null, occurred_at: { $lte: change.occurred_at } },
      { select: ["id"] }
    )
    const ids = waiting.map((c) => c.id)
    const now = new Date()
    await service.updateListingChanges(
      ids.map((id) => ({ id, review_decision: input.decision, review_note: input.note, reviewed_by: input.reviewed_by, reviewed_at: now }))
    )
    return new StepResponse({ product_id: change.product_id, producer_id: change.producer_id, reviewed_ids: ids }, { ids })
  },
  async (undo, { container }) => {
    if (!undo?.ids.length) return
    await portal(container).updateListingChanges(
      undo.ids.map((id) => ({ id, review_decision: null, review_note: null, reviewed_by: null, reviewed_at: null }))
    )
  }
)

/**
 * Refuses to ship an order whose payment does not allow it yet (bank transfer not
 * received, card not captured, refunded…; cash on delivery ships). The route checks
 * first to answer with the reason; this keeps the rule inside the workflow for any
 * other caller. Reads only, so nothing to compensate.
 */
export const assertOrderShippableStep = createStep(
  "producer-portal-assert-order-shippable",
  async (input: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "order", fields: ["id", ...ORDER_PAYMENT_FIELDS], filters: { id: input.order_id } })
    const payment = orderPayment((data[0] as any)?.payment_collections)
    const problem = unpaidShippingProblem(payment)
    if (problem) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, problem, ORDER_NOT_PAID)
    return new StepResponse(payment)
  }
)
