import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import ProducerOrderLink from "../../links/producer-order"
import { currentCertification } from "../../modules/ocop/rules"
import { PRODUCER_PORTAL_MODULE } from "../../modules/producer-portal"
import type ProducerPortalModuleService from "../../modules/producer-portal/service"
import { toMessageLocale, type MessageLocale } from "../../notifications/format"
import { notificationSecret, seal, tokenDigest } from "../../notifications/secrets"
import type { RecipientType } from "../../modules/notification-preference"
import { optOutLinks, preferenceOf, producerLocale, shopperLocale, storefrontUrl } from "../../notifications/recipients"
import { isEssential, type TemplateData, type TemplateName } from "../../notifications/render"
import type { MessageAddress, MessageLine, OrderPlacedData } from "../../notifications/types"

/** One email to send: the template's data is rendered by the provider of the `email` channel. */
export type OutgoingMessage<N extends TemplateName = TemplateName> = {
  to: string
  template: N
  data: TemplateData<N>
  /** One message per event and recipient: a redelivered event finds it sent and sends nothing. */
  idempotency_key: string
  trigger_type: string
  resource_type: string
  resource_id: string
  receiver_id?: string | null
  /**
   * The shopper or producer it is for: their preference decides whether a non-essential message
   * goes, and a non-essential message carries their signed unsubscribe link.
   */
  recipient?: { type: RecipientType; id: string } | null
}

/** Idempotency keys by outcome: `already_sent` is a redelivery, `skipped` an opted-out recipient. */
export type SendReport = { sent: string[]; already_sent: string[]; skipped: string[]; failed: string[] }

/**
 * Sends each message through Medusa's Notification Module (channel `email`), one at a time so
 * one bad address or a dead SMTP server cannot stop the others. Never throws: a message is a
 * consequence of what happened (an order placed), never a condition of it. The provider retries
 * transport errors with back-off; a message that still failed is stored with status `failure`,
 * and the module sends it again when the same event (same idempotency key) is delivered again.
 * Nothing to compensate: a sent email cannot be unsent.
 */
export const sendMessagesStep = createStep("ocop-send-messages", async (messages: OutgoingMessage[], { container }) => {
  return new StepResponse(await deliverMessages(container, messages))
})

/** sendMessagesStep's work, for steps that send as part of a larger step (the renewal reminders). */
export async function deliverMessages(container: MedusaContainer, messages: OutgoingMessage[]): Promise<SendReport> {
  const notifications = container.resolve(Modules.NOTIFICATION)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const report: SendReport = { sent: [], already_sent: [], skipped: [], failed: [] }
  for (const m of messages) {
    try {
      let data = m.data as unknown as Record<string, unknown>
      if (m.recipient && !isEssential(m.template, m.data)) {
        const preference = await preferenceOf(container, m.recipient.type, m.recipient.id)
        if (!preference.non_essential) {
          report.skipped.push(m.idempotency_key)
          continue
        }
        data = { ...data, ...optOutLinks(m.recipient.type, m.recipient.id, m.data.locale, notificationSecret(container)) }
      }
      const [previous] = await notifications.listNotifications({ idempotency_key: m.idempotency_key } as any, { select: ["id", "status"], take: 1 })
      if (previous?.status === "success") {
        report.already_sent.push(m.idempotency_key)
        continue
      }
      await notifications.createNotifications({
        // Medusa 2.21 re-sends a `failure` notification with the same idempotency key, but under a
        // fresh id that it never inserts, so marking it sent afterwards fails ("not found") and the
        // row stays `failure` — the next delivery would send it yet again. Passing the failed row's
        // id makes the module update that row (tests/integration/notifications.spec.ts notices a change).
        ...(previous?.status === "failure" ? { id: previous.id } : {}),
        to: m.to,
        channel: "email",
        template: m.template,
        data,
        idempotency_key: m.idempotency_key,
        trigger_type: m.trigger_type,
        resource_type: m.resource_type,
        resource_id: m.resource_id,
        receiver_id: m.receiver_id ?? null,
      })
      report.sent.push(m.idempotency_key)
    } catch (e) {
      // Two deliveries racing for one key: the unique index lets one through, the other lands here.
      logger.warn(`notification ${m.template} (${m.idempotency_key}) not sent: ${(e as Error).message.split("\n").pop()}`)
      report.failed.push(m.idempotency_key)
    }
  }
  return report
}

const ORDER_FIELDS = [
  "id",
  "display_id",
  "email",
  "customer_id",
  "currency_code",
  "metadata",
  "status",
  "customer.metadata",
  "item_subtotal",
  "subtotal",
  "shipping_total",
  "discount_total",
  "tax_total",
  "total",
  "items.id",
  "items.title",
  "items.product_title",
  "items.variant_title",
  "items.quantity",
  "items.unit_price",
  "items.total",
  "items.product_id",
  "shipping_address.*",
  "payment_collections.payments.provider_id",
  "payment_collections.payments.amount",
  "payment_collections.payments.data",
  "payment_collections.payments.captured_at",
]

type OrderRow = Record<string, any>

/** Query returns computed totals as numbers or as Medusa's BigNumber ({ numeric }). */
function num(v: unknown): number {
  if (v && typeof v === "object" && "numeric" in (v as any)) return Number((v as any).numeric)
  return Number(v ?? 0)
}

async function loadOrder(container: MedusaContainer, orderId: string): Promise<OrderRow | undefined> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: orderId } })
  return data[0] as OrderRow | undefined
}

/** Title (English when the product has one and the message is English), producer and current stars per product. */
async function productFacts(container: MedusaContainer, productIds: string[]) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  if (!productIds.length) return new Map<string, { title_en?: string; producer_name?: string; stars?: number }>()
  const { data } = await query.graph({
    entity: "product",
    fields: ["id", "metadata", "producer.legal_name", "certifications.*"],
    filters: { id: [...new Set(productIds)] },
    withDeleted: true,
  } as any)
  return new Map(
    (data as any[]).map((p) => [
      p.id as string,
      {
        title_en: (p.metadata?.title_en as string | undefined) || undefined,
        producer_name: p.producer?.legal_name as string | undefined,
        stars: currentCertification((p.certifications ?? []).filter(Boolean))?.stars,
      },
    ])
  )
}

function lines(order: OrderRow, facts: Awaited<ReturnType<typeof productFacts>>, locale: MessageLocale, only?: Set<string>): MessageLine[] {
  return (order.items ?? [])
    .filter((i: any) => i && (!only || only.has(i.id)))
    .map((i: any) => {
      const f = facts.get(i.product_id) ?? {}
      return {
        title: (locale === "en" && f.title_en) || i.product_title || i.title,
        variant_title: i.variant_title ?? null,
        quantity: num(i.quantity),
        unit_price: num(i.unit_price),
        total: num(i.total),
        producer_name: f.producer_name ?? null,
        stars: f.stars ?? null,
      }
    })
}

function address(a: any): MessageAddress | null {
  if (!a) return null
  const { first_name, last_name, company, address_1, address_2, city, province, postal_code, country_code, phone } = a
  return { first_name, last_name, company, address_1, address_2, city, province, postal_code, country_code, phone }
}

function paymentInstructions(order: OrderRow): OrderPlacedData["payment"] {
  const payments = (order.payment_collections ?? []).flatMap((c: any) => c?.payments ?? []).filter(Boolean)
  const payment = payments[0]
  const amount = num(payment?.amount ?? order.total)
  const provider = String(payment?.provider_id ?? "")
  const data = (payment?.data ?? {}) as Record<string, any>
  if (provider.includes("bank-transfer") && data.vietqr_payload && data.reference) {
    return {
      method: "bank_transfer",
      amount: num(data.amount ?? amount),
      reference: String(data.reference),
      bank_name: String(data.bank_name ?? ""),
      account_number: String(data.account_number ?? ""),
      account_name: String(data.account_name ?? ""),
      vietqr_payload: String(data.vietqr_payload),
    }
  }
  if (provider.includes("cod")) return { method: "cod", amount }
  if (provider.includes("stripe")) return { method: "card", amount }
  return { method: "other", amount }
}

/**
 * Where a producer's mail goes: the producer's own contact address, else its portal owner's
 * login email (producers who applied through the portal often leave the contact address empty).
 */
async function producerEmail(container: MedusaContainer, producer: { id: string; email?: string | null } | undefined): Promise<string | null> {
  if (!producer) return null
  if (producer.email) return producer.email
  const portal: ProducerPortalModuleService = container.resolve(PRODUCER_PORTAL_MODULE)
  const [owner] = await portal.listProducerUsers({ producer_id: producer.id, role: "owner" } as any, { select: ["email"], take: 1, order: { created_at: "ASC" } })
  return owner?.email ?? null
}

/** A product's title in the message's language: the English title (metadata.title_en) when there is one. */
function localTitle(product: any, locale: MessageLocale): string | undefined {
  if (!product) return undefined
  return (locale === "en" && (product.metadata?.title_en as string | undefined)) || (product.title as string | undefined)
}

/** The language a producer chose in the portal (Vietnamese by default). */
async function producerLocaleOf(container: MedusaContainer, producerId: string): Promise<MessageLocale> {
  return producerLocale(await preferenceOf(container, "producer", producerId))
}

/** The shopper's order confirmation. */
export const orderPlacedMessagesStep = createStep("ocop-order-placed-messages", async (input: { order_id: string }, { container }) => {
  const order = await loadOrder(container, input.order_id)
  if (!order?.email) return new StepResponse([] as OutgoingMessage[])
  const locale = shopperLocale({
    order_metadata: order.metadata,
    customer_metadata: order.customer?.metadata,
    country_code: order.shipping_address?.country_code,
  })
  const facts = await productFacts(container, (order.items ?? []).map((i: any) => i?.product_id).filter(Boolean))
  const message: OutgoingMessage<"ocop-order-placed"> = {
    to: order.email,
    template: "ocop-order-placed",
    data: {
      locale,
      storefront_url: storefrontUrl(),
      order: {
        id: order.id,
        display_id: order.display_id,
        currency_code: order.currency_code,
        email: order.email,
        items: lines(order, facts, locale),
        subtotal: num(order.item_subtotal ?? order.subtotal),
        shipping_total: num(order.shipping_total ?? 0),
        discount_total: num(order.discount_total ?? 0),
        tax_total: num(order.tax_total ?? 0),
        total: num(order.total),
        shipping_address: address(order.shipping_address),
      },
      payment: paymentInstructions(order),
    },
    idempotency_key: `order.placed:${order.id}:shopper`,
    trigger_type: "order.placed",
    resource_type: "order",
    resource_id: order.id,
    receiver_id: order.customer_id ?? null,
    recipient: order.customer_id ? { type: "customer", id: order.customer_id } : null,
  }
  return new StepResponse([message] as OutgoingMessage[])
})

/**
 * Each producer's alert: only the lines the order↔producer link assigns to it (written by
 * linkOrderToProducersWorkflow, the same rows the producer portal reads), and the address.
 */
export const producerOrderMessagesStep = createStep("ocop-producer-order-messages", async (input: { order_id: string }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const order = await loadOrder(container, input.order_id)
  if (!order) return new StepResponse([] as OutgoingMessage[])
  const { data: rows } = await query.graph({
    entity: ProducerOrderLink.entryPoint,
    fields: ["producer_id", "line_item_ids"],
    filters: { order_id: input.order_id },
  } as any)
  const { data: producers } = rows.length
    ? await query.graph({ entity: "producer", fields: ["id", "legal_name", "email"], filters: { id: (rows as any[]).map((r) => r.producer_id) } } as any)
    : { data: [] as any[] }
  const byId = new Map((producers as any[]).map((p) => [p.id, p]))
  const links = (rows as any[]).map((r) => ({ line_item_ids: r.line_item_ids as string[] | null, producer: byId.get(r.producer_id) }))
  const facts = await productFacts(container, (order.items ?? []).map((i: any) => i?.product_id).filter(Boolean))
  const messages: OutgoingMessage[] = []
  for (const link of links as any[]) {
    const producer = link.producer
    const to = await producerEmail(container, producer)
    if (!to) continue
    const locale = await producerLocaleOf(container, producer.id)
    const own = new Set<string>(link.line_item_ids ?? [])
    const items = lines(order, facts, locale, own)
    if (!items.length) continue
    const message: OutgoingMessage<"ocop-producer-new-order"> = {
      to,
      template: "ocop-producer-new-order",
      data: {
        locale,
        storefront_url: storefrontUrl(),
        producer: { id: producer.id, name: producer.legal_name },
        order: {
          id: order.id,
          display_id: order.display_id,
          currency_code: order.currency_code,
          items,
          shipping_address: address(order.shipping_address),
        },
      },
      recipient: { type: "producer", id: producer.id },
      idempotency_key: `order.placed:${order.id}:producer:${producer.id}`,
      trigger_type: "order.placed",
      resource_type: "order",
      resource_id: order.id,
      receiver_id: producer.id,
    }
    messages.push(message)
  }
  return new StepResponse(messages)
})

/** The shopper hears about each producer's parcel: carrier, tracking number and link. */
export const shipmentMessagesStep = createStep("ocop-shipment-messages", async (input: { fulfillment_id: string }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "fulfillment",
    fields: ["id", "metadata", "labels.tracking_number", "labels.tracking_url", "items.title", "items.quantity", "items.line_item_id", "order.id"],
    filters: { id: input.fulfillment_id },
  } as any)
  const fulfillment = data[0] as any
  const orderId = fulfillment?.order?.id
  if (!orderId) return new StepResponse([] as OutgoingMessage[])
  const order = await loadOrder(container, orderId)
  if (!order?.email) return new StepResponse([] as OutgoingMessage[])
  const locale = shopperLocale({
    order_metadata: order.metadata,
    customer_metadata: order.customer?.metadata,
    country_code: order.shipping_address?.country_code,
  })
  const producerId = fulfillment.metadata?.producer_id as string | undefined
  let producerName: string | null = null
  if (producerId) {
    const { data: producers } = await query.graph({ entity: "producer", fields: ["legal_name"], filters: { id: producerId } } as any)
    producerName = (producers[0] as any)?.legal_name ?? null
  }
  const titles = new Map((order.items ?? []).filter(Boolean).map((i: any) => [i.id, i.product_title || i.title]))
  const message: OutgoingMessage<"ocop-order-shipped"> = {
    to: order.email,
    template: "ocop-order-shipped",
    data: {
      locale,
      storefront_url: storefrontUrl(),
      order: { id: order.id, display_id: order.display_id },
      producer_name: producerName,
      carrier: (fulfillment.metadata?.carrier as string | null) ?? null,
      items: (fulfillment.items ?? []).filter(Boolean).map((i: any) => ({ title: titles.get(i.line_item_id) ?? i.title, quantity: num(i.quantity) })),
      tracking: (fulfillment.labels ?? [])
        .filter((l: any) => l?.tracking_number)
        .map((l: any) => ({ number: l.tracking_number, url: /^https?:\/\//.test(l.tracking_url ?? "") ? l.tracking_url : null })),
    },
    idempotency_key: `shipment.created:${fulfillment.id}`,
    trigger_type: "shipment.created",
    resource_type: "order",
    resource_id: order.id,
    receiver_id: order.customer_id ?? null,
  }
  return new StepResponse([message] as OutgoingMessage[])
})

/** A producer application approved or rejected, with the office's reason. */
export const producerDecisionMessagesStep = createStep(
  "ocop-producer-decision-messages",
  async (input: { producer_id: string; status: string }, { container }) => {
    if (input.status !== "approved" && input.status !== "rejected") return new StepResponse([] as OutgoingMessage[])
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "producer",
      fields: ["id", "legal_name", "email", "status", "status_reason", "status_changed_at"],
      filters: { id: input.producer_id },
    } as any)
    const producer = data[0] as any
    const to = await producerEmail(container, producer)
    if (!to || producer.status !== input.status) return new StepResponse([] as OutgoingMessage[])
    const message: OutgoingMessage<"ocop-producer-decision"> = {
      to,
      template: "ocop-producer-decision",
      recipient: { type: "producer", id: producer.id },
      data: {
        locale: await producerLocaleOf(container, producer.id),
        storefront_url: storefrontUrl(),
        producer_name: producer.legal_name,
        decision: input.status,
        reason: producer.status_reason ?? null,
      },
      // A producer can be approved again after a suspension: the decision's time tells them apart.
      idempotency_key: `ocop.producer.status_changed:${producer.id}:${input.status}:${new Date(producer.status_changed_at ?? 0).getTime()}`,
      trigger_type: "ocop.producer.status_changed",
      resource_type: "producer",
      resource_id: producer.id,
      receiver_id: producer.id,
    }
    return new StepResponse([message] as OutgoingMessage[])
  }
)

/** A listing change approved or rejected, with the office's note (listing_change.review_note). */
export const listingReviewedMessagesStep = createStep(
  "ocop-listing-reviewed-messages",
  async (input: { product_id: string; producer_id: string; decision: string }, { container }) => {
    if (input.decision !== "approved" && input.decision !== "rejected") return new StepResponse([] as OutgoingMessage[])
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const portal: ProducerPortalModuleService = container.resolve(PRODUCER_PORTAL_MODULE)
    const [{ data: producers }, { data: products }, changes] = await Promise.all([
      query.graph({ entity: "producer", fields: ["id", "legal_name", "email"], filters: { id: input.producer_id } } as any),
      query.graph({ entity: "product", fields: ["id", "title", "metadata"], filters: { id: input.product_id }, withDeleted: true } as any),
      // The reviewed change(s) carry the decision and the office's note; the newest review is this event's.
      portal.listListingChanges(
        { product_id: input.product_id, producer_id: input.producer_id, review_decision: input.decision } as any,
        { order: { reviewed_at: "DESC" }, take: 1 }
      ),
    ])
    const producer = producers[0] as any
    const review = changes[0] as any
    const to = await producerEmail(container, producer)
    if (!to || !review) return new StepResponse([] as OutgoingMessage[])
    const locale = await producerLocaleOf(container, producer.id)
    const message: OutgoingMessage<"ocop-listing-reviewed"> = {
      to,
      template: "ocop-listing-reviewed",
      recipient: { type: "producer", id: producer.id },
      data: {
        locale,
        storefront_url: storefrontUrl(),
        producer_name: producer.legal_name,
        product_id: input.product_id,
        product_title: localTitle(products[0], locale) ?? input.product_id,
        decision: input.decision,
        note: review.review_note ?? null,
      },
      idempotency_key: `ocop.listing.reviewed:${review.id}`,
      trigger_type: "ocop.listing.reviewed",
      resource_type: "product",
      resource_id: input.product_id,
      receiver_id: producer.id,
    }
    return new StepResponse([message] as OutgoingMessage[])
  }
)

/**
 * The certificate-expiry message for one certification: 90 or 30 days ahead (stage), or
 * expired (stage 0). Used by the hourly expiry job's reminder step and the expired event.
 */
export async function certificateExpiryMessage(
  container: MedusaContainer,
  certificationId: string,
  stage: 90 | 30 | 0,
  now: Date
): Promise<OutgoingMessage | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "certification",
    fields: ["id", "certificate_number", "valid_until", "product_id", "producer.id", "producer.legal_name", "producer.email"],
    filters: { id: certificationId },
  } as any)
  const cert = data[0] as any
  const producer = cert?.producer
  const to = await producerEmail(container, producer)
  if (!to) return null
  const { data: products } = await query.graph({ entity: "product", fields: ["title", "metadata"], filters: { id: cert.product_id }, withDeleted: true } as any)
  const locale = await producerLocaleOf(container, producer.id)
  const message: OutgoingMessage<"ocop-certificate-expiry"> = {
    to,
    template: "ocop-certificate-expiry",
    recipient: { type: "producer", id: producer.id },
    data: {
      locale,
      storefront_url: storefrontUrl(),
      producer_name: producer.legal_name,
      product_title: localTitle(products[0], locale) ?? cert.product_id,
      certificate_number: cert.certificate_number,
      valid_until: new Date(cert.valid_until).toISOString(),
      stage,
      days_left: Math.max(0, Math.ceil((new Date(cert.valid_until).getTime() - now.getTime()) / 86_400_000)),
    },
    idempotency_key: stage ? `ocop-renewal-${cert.id}-${stage}` : `ocop.certification.expired:${cert.id}`,
    trigger_type: stage ? "ocop.certification.renewal_reminder" : "ocop.certification.expired",
    resource_type: "certification",
    resource_id: cert.id,
    receiver_id: producer.id,
  }
  return message
}

export const certificateExpiredMessagesStep = createStep(
  "ocop-certificate-expired-messages",
  async (input: { certification_id: string }, { container }) => {
    const message = await certificateExpiryMessage(container, input.certification_id, 0, new Date())
    return new StepResponse(message ? [message] : [])
  }
)


/** Order of a payment (Medusa links orders to payment collections, not to payments). */
async function orderOfPaymentCollection(container: MedusaContainer, paymentCollectionId: string): Promise<string | undefined> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order_payment_collection",
    fields: ["order_id"],
    filters: { payment_collection_id: paymentCollectionId },
  } as any)
  return (data[0] as any)?.order_id
}

function shopperLocaleOf(order: OrderRow) {
  return shopperLocale({
    order_metadata: order.metadata,
    customer_metadata: order.customer?.metadata,
    country_code: order.shipping_address?.country_code,
  })
}

/** The shopper hears that a payment was captured (e.g. the office saw the bank transfer arrive). */
export const paymentReceivedMessagesStep = createStep("ocop-payment-received-messages", async (input: { payment_id: string }, { container }) => {
  const payments = container.resolve(Modules.PAYMENT)
  const [payment] = await payments.listPayments({ id: input.payment_id }, { select: ["id", "amount", "currency_code", "payment_collection_id", "captured_at"] })
  if (!payment?.payment_collection_id) return new StepResponse([] as OutgoingMessage[])
  const orderId = await orderOfPaymentCollection(container, payment.payment_collection_id)
  const order = orderId ? await loadOrder(container, orderId) : undefined
  if (!order?.email) return new StepResponse([] as OutgoingMessage[])
  const message: OutgoingMessage<"ocop-payment-received"> = {
    to: order.email,
    template: "ocop-payment-received",
    data: {
      locale: shopperLocaleOf(order),
      storefront_url: storefrontUrl(),
      order: { id: order.id, display_id: order.display_id, currency_code: order.currency_code },
      amount: num(payment.amount),
    },
    idempotency_key: `payment.captured:${payment.id}`,
    trigger_type: "payment.captured",
    resource_type: "order",
    resource_id: order.id,
    receiver_id: order.customer_id ?? null,
  }
  return new StepResponse([message] as OutgoingMessage[])
})

/** The shopper hears that the order was cancelled, and whether money comes back. */
export const orderCanceledMessagesStep = createStep("ocop-order-canceled-messages", async (input: { order_id: string }, { container }) => {
  const order = await loadOrder(container, input.order_id)
  if (!order?.email) return new StepResponse([] as OutgoingMessage[])
  const captured = (order.payment_collections ?? [])
    .flatMap((c: any) => c?.payments ?? [])
    .filter((p: any) => p?.captured_at)
    .reduce((sum: number, p: any) => sum + num(p.amount), 0)
  const message: OutgoingMessage<"ocop-order-canceled"> = {
    to: order.email,
    template: "ocop-order-canceled",
    data: {
      locale: shopperLocaleOf(order),
      storefront_url: storefrontUrl(),
      order: { id: order.id, display_id: order.display_id, currency_code: order.currency_code },
      refunded: captured,
    },
    idempotency_key: `order.canceled:${order.id}`,
    trigger_type: "order.canceled",
    resource_type: "order",
    resource_id: order.id,
    receiver_id: order.customer_id ?? null,
  }
  return new StepResponse([message] as OutgoingMessage[])
})

export type PasswordResetInput = { entity_id: string; actor_type: string; token: string; metadata?: Record<string, unknown> | null }

const RESET_TEMPLATES = {
  customer: "ocop-customer-password-reset",
  producer: "ocop-producer-password-reset",
  user: "ocop-user-password-reset",
} as const

function backendPublicUrl(): string {
  return (process.env.MEDUSA_BACKEND_URL || `http://localhost:${process.env.PORT || 9000}`).replace(/\/$/, "")
}

/**
 * The reset link for `auth.password_reset` (Medusa emits it only for an identity of that actor,
 * see api/auth-rate-limit/reset-password-actor.ts): the storefront's account or portal reset page,
 * or the admin dashboard's own /app/reset-password. The link is sealed before it leaves this step.
 */
export const passwordResetMessagesStep = createStep("ocop-password-reset-messages", async (input: PasswordResetInput, { container }) => {
  const actor = input.actor_type as keyof typeof RESET_TEMPLATES
  if (!Object.prototype.hasOwnProperty.call(RESET_TEMPLATES, actor)) return new StepResponse([] as OutgoingMessage[])
  const locale = toMessageLocale(input.metadata?.locale) ?? "vi"
  const q = `token=${encodeURIComponent(input.token)}&email=${encodeURIComponent(input.entity_id)}`
  const url =
    actor === "user"
      ? `${backendPublicUrl()}/app/reset-password?token=${encodeURIComponent(input.token)}`
      : `${storefrontUrl()}/${locale}/${actor === "customer" ? "account" : "producer"}/reset-password?${q}`
  const message = {
    to: input.entity_id,
    template: RESET_TEMPLATES[actor],
    data: { locale, storefront_url: storefrontUrl(), actor, sealed_url: seal(url, notificationSecret(container)) } as any,
    // A digest of the token: each request is its own message, and the key never carries the token.
    idempotency_key: `auth.password_reset:${actor}:${tokenDigest(input.token)}`,
    trigger_type: "auth.password_reset",
    resource_type: "auth_identity",
    resource_id: input.entity_id,
  } satisfies OutgoingMessage
  return new StepResponse([message] as OutgoingMessage[])
})

export type InviteMessageInput = {
  invite: { id: string; email: string; producer_id: string; expires_at: Date | string }
  accept_url: string
  producer_name: string
}

/** The team invite, in the inviting producer's language, with its sealed accept link. */
export const producerInviteMessagesStep = createStep("ocop-producer-invite-messages", async (input: InviteMessageInput, { container }) => {
  const locale = await producerLocaleOf(container, input.invite.producer_id)
  const url = input.accept_url.replace(/\/(vi|en)\/producer\/join/, `/${locale}/producer/join`)
  const message = {
    to: input.invite.email,
    template: "ocop-producer-invite",
    data: {
      locale,
      storefront_url: storefrontUrl(),
      producer_name: input.producer_name,
      expires_at: new Date(input.invite.expires_at).toISOString(),
      sealed_url: seal(url, notificationSecret(container)),
    } as any,
    idempotency_key: `ocop.producer.member_invited:${input.invite.id}`,
    trigger_type: "ocop.producer.member_invited",
    resource_type: "producer_invite",
    resource_id: input.invite.id,
    receiver_id: null,
  } satisfies OutgoingMessage
  return new StepResponse([message] as OutgoingMessage[])
})

/**
 * A refund the office made outside a cancellation (a damaged item, a partial refund): the shopper
 * hears the amount. A cancelled order's refund is told by the cancellation message instead.
 */
export const paymentRefundedMessagesStep = createStep("ocop-payment-refunded-messages", async (input: { payment_id: string }, { container }) => {
  const payments = container.resolve(Modules.PAYMENT)
  const [payment] = await payments.listPayments({ id: input.payment_id }, { relations: ["refunds"], select: ["id", "payment_collection_id"] } as any)
  const refunds = ((payment as any)?.refunds ?? []).filter(Boolean) as any[]
  if (!payment?.payment_collection_id || !refunds.length) return new StepResponse([] as OutgoingMessage[])
  const orderId = await orderOfPaymentCollection(container, payment.payment_collection_id)
  const order = orderId ? await loadOrder(container, orderId) : undefined
  if (!order?.email || order.status === "canceled") return new StepResponse([] as OutgoingMessage[])
  // One message per refund, keyed by the refund: the event names only the payment, so two refunds in quick
  // succession each find both, and the idempotency keys make each go exactly once.
  const messages = refunds.map(
    (refund): OutgoingMessage<"ocop-payment-refunded"> => ({
      to: order.email,
      template: "ocop-payment-refunded",
      data: {
        locale: shopperLocaleOf(order),
        storefront_url: storefrontUrl(),
        order: { id: order.id, display_id: order.display_id, currency_code: order.currency_code },
        amount: num(refund.amount),
        note: refund.note ?? null,
      },
      idempotency_key: `payment.refunded:${refund.id}`,
      trigger_type: "payment.refunded",
      resource_type: "order",
      resource_id: order.id,
      receiver_id: order.customer_id ?? null,
    })
  )
  return new StepResponse(messages as OutgoingMessage[])
})

/** Vietnam's calendar day and month (UTC+7, no daylight saving) for the digest's "today" and "this month". */
function vietnamDay(now: Date) {
  const local = new Date(now.getTime() + 7 * 3_600_000)
  const y = local.getUTCFullYear()
  const m = local.getUTCMonth()
  // The first instant of next month in Vietnam, as UTC.
  const monthEnd = new Date(Date.UTC(y, m + 1, 1) - 7 * 3_600_000)
  return { day: local.toISOString().slice(0, 10), monthEnd }
}

/**
 * The office's daily digest to every admin user: producers and certifications waiting for review,
 * and certificates in force that lapse before the month ends (Vietnam time). One per admin and
 * day (the idempotency key), none on a day with nothing to report.
 */
export const adminDigestMessagesStep = createStep("ocop-admin-digest-messages", async (input: { now?: string }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const now = input.now ? new Date(input.now) : new Date()
  const { day, monthEnd } = vietnamDay(now)
  const [{ data: producers }, { data: pending }, { data: expiring }] = await Promise.all([
    query.graph({ entity: "producer", fields: ["id", "legal_name", "created_at"], filters: { status: "pending" } } as any),
    query.graph({ entity: "certification", fields: ["id", "certificate_number", "product_id", "producer.legal_name"], filters: { status: "pending_review" } } as any),
    query.graph({
      entity: "certification",
      fields: ["id", "certificate_number", "product_id", "valid_until", "producer.legal_name"],
      filters: { status: "active", valid_until: { $gte: now, $lt: monthEnd } },
    } as any),
  ])
  if (!producers.length && !pending.length && !expiring.length) return new StepResponse([] as OutgoingMessage[])
  const productIds = [...new Set([...(pending as any[]), ...(expiring as any[])].map((c) => c.product_id).filter(Boolean))]
  const { data: products } = productIds.length
    ? await query.graph({ entity: "product", fields: ["id", "title"], filters: { id: productIds }, withDeleted: true } as any)
    : { data: [] as any[] }
  const titles = new Map((products as any[]).map((p) => [p.id, p.title as string]))
  const cert = (c: any) => ({
    id: c.id,
    certificate_number: c.certificate_number,
    product_title: titles.get(c.product_id) ?? c.product_id ?? "—",
    producer_name: c.producer?.legal_name ?? "—",
  })
  const users = await container.resolve(Modules.USER).listUsers({}, { select: ["id", "email", "metadata"] })
  const byDate = (a: { at: string }, b: { at: string }) => a.at.localeCompare(b.at)
  const body = {
    storefront_url: storefrontUrl(),
    date: now.toISOString(),
    admin_url: `${(process.env.MEDUSA_BACKEND_URL || `http://localhost:${process.env.PORT || 9000}`).replace(/\/$/, "")}/app`,
    pending_producers: (producers as any[])
      .map((p) => ({ id: p.id, name: p.legal_name, applied_at: new Date(p.created_at).toISOString(), at: new Date(p.created_at).toISOString() }))
      .sort(byDate)
      .map(({ at: _at, ...p }) => p),
    pending_certifications: (pending as any[]).map(cert),
    expiring: (expiring as any[])
      .map((c) => ({ ...cert(c), valid_until: new Date(c.valid_until).toISOString(), at: new Date(c.valid_until).toISOString() }))
      .sort(byDate)
      .map(({ at: _at, ...c }) => c),
  }
  const messages = users
    .filter((u) => u.email)
    .map(
      (u): OutgoingMessage<"ocop-admin-digest"> => ({
        to: u.email,
        template: "ocop-admin-digest",
        data: { ...body, locale: toMessageLocale((u.metadata as any)?.locale) ?? "vi" },
        idempotency_key: `ocop.admin_digest:${day}:${u.id}`,
        trigger_type: "ocop.admin_digest",
        resource_type: "user",
        resource_id: u.id,
        receiver_id: u.id,
      })
    )
  return new StepResponse(messages as OutgoingMessage[])
})
