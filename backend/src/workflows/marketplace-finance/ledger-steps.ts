import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MARKETPLACE_FINANCE_MODULE } from "../../modules/marketplace-finance"
import { allocateMovement, lineWeights, toMinor, type LedgerLine } from "../../modules/marketplace-finance/money"
import { FALLBACK_RATE_BP, resolveCommissionRule } from "../../modules/marketplace-finance/rules"
import type MarketplaceFinanceModuleService from "../../modules/marketplace-finance/service"
import type { NewLedgerEntry } from "../../modules/marketplace-finance/service"
import { currentCertification } from "../../modules/ocop/rules"
import { paymentMethodOf } from "../../modules/producer-portal/payment-status"

export const finance = (container: { resolve: (k: string) => any }): MarketplaceFinanceModuleService => container.resolve(MARKETPLACE_FINANCE_MODULE)

/** A line whose product has no producer any more is booked to the marketplace itself. */
export const UNASSIGNED_PRODUCER = "unassigned"

const ORDER_MONEY_FIELDS = [
  "id",
  "display_id",
  "created_at",
  "currency_code",
  "items.id",
  "items.product_id",
  "items.total",
  "shipping_methods.total",
  "payment_collections.payments.id",
  "payment_collections.payments.provider_id",
  "payment_collections.payments.captures.id",
  "payment_collections.payments.captures.amount",
  "payment_collections.payments.captures.created_at",
  "payment_collections.payments.refunds.id",
  "payment_collections.payments.refunds.amount",
  "payment_collections.payments.refunds.created_at",
]

async function loadOrder(container: MedusaContainer, orderId: string): Promise<any | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ORDER_MONEY_FIELDS, filters: { id: orderId } })
  return data[0] ?? null
}

/** The order a payment belongs to (Medusa's order ↔ payment collection link). */
export async function orderIdOfPayment(container: MedusaContainer, paymentId: string): Promise<string | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: payments } = await query.graph({ entity: "payment", fields: ["id", "payment_collection_id"], filters: { id: paymentId } })
  const collectionId = (payments[0] as any)?.payment_collection_id
  if (!collectionId) return null
  const { data: links } = await query.graph({
    entity: "order_payment_collection",
    fields: ["order_id"],
    filters: { payment_collection_id: collectionId },
  } as any)
  return ((links[0] as any)?.order_id as string | undefined) ?? null
}

/**
 * Freezes the commission rate of every line of an order at the moment it was placed:
 * the producer's override, else its product's OCOP group's, else the default.
 * Lines already frozen keep their rate, so running this again changes nothing.
 */
export const freezeOrderRatesStep = createStep(
  "marketplace-finance-freeze-order-rates",
  async (input: { order_id: string }, { container }) => {
    const order = await loadOrder(container, input.order_id)
    if (!order) return new StepResponse({ frozen: 0 }, [] as string[])
    const items = (order.items ?? []).filter((i: any) => i?.id)
    if (!items.length) return new StepResponse({ frozen: 0 }, [] as string[])
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const productIds = [...new Set(items.map((i: any) => i.product_id).filter(Boolean))] as string[]
    const { data: products } = productIds.length
      ? await query.graph({
          entity: "product",
          fields: [
            "id",
            "producer.id",
            "certifications.group_code",
            "certifications.status",
            "certifications.valid_from",
            "certifications.valid_until",
            "certifications.decision_date",
          ],
          filters: { id: productIds },
          withDeleted: true,
        } as any)
      : { data: [] as any[] }
    const placedAt = new Date(order.created_at)
    const byProduct = new Map(products.map((p: any) => [p.id, p]))
    const rules = await finance(container).listCommissionRules({})
    const rows = items.map((item: any) => {
      const product = byProduct.get(item.product_id) as any
      const producerId: string = product?.producer?.id ?? UNASSIGNED_PRODUCER
      const cert = currentCertification((product?.certifications ?? []).filter(Boolean), placedAt) as any
      const groupCode: string | null = cert?.group_code ?? null
      const rule = resolveCommissionRule(rules as any[], { producer_id: producerId, group_code: groupCode }, placedAt)
      return {
        line_item_id: item.id as string,
        producer_id: producerId,
        group_code: groupCode,
        rate_bp: rule?.rate_bp ?? FALLBACK_RATE_BP,
        commission_rule_id: rule?.id ?? null,
        placed_at: placedAt,
      }
    })
    const { created_ids } = await finance(container).freezeLineRates(order.id, rows)
    return new StepResponse({ frozen: created_ids.length }, created_ids)
  },
  async (createdIds, { container }) => {
    if (createdIds?.length) await finance(container).deleteOrderLineRates(createdIds)
  }
)

/**
 * Appends the ledger entries of every capture and refund of the order that the ledger
 * does not hold yet (money.ts splits each one over the lines). Replaying an event, or
 * two events racing, appends nothing twice: the service locks the order and skips
 * (movement, line) pairs already booked.
 */
export const appendOrderMovementsStep = createStep(
  "marketplace-finance-append-order-movements",
  async (input: { order_id: string }, { container }) => {
    const order = await loadOrder(container, input.order_id)
    if (!order) return new StepResponse({ appended: 0 }, [] as string[])
    const currency: string = order.currency_code
    const rates = await finance(container).listOrderLineRates({ order_id: order.id })
    const rateOf = new Map(rates.map((r) => [r.line_item_id, r]))
    const items = (order.items ?? []).filter((i: any) => i?.id && rateOf.has(i.id))
    const lines: LedgerLine[] = items.map((i: any) => ({
      line_item_id: i.id,
      producer_id: rateOf.get(i.id)!.producer_id,
      item_total: toMinor(i.total, currency),
      rate_bp: rateOf.get(i.id)!.rate_bp,
    }))
    const shipping = (order.shipping_methods ?? []).reduce((a: number, m: any) => a + toMinor(m?.total ?? 0, currency), 0)
    const weights = lineWeights(lines, shipping)
    const entries: NewLedgerEntry[] = []
    for (const collection of order.payment_collections ?? []) {
      for (const payment of collection?.payments ?? []) {
        if (!payment) continue
        const method = paymentMethodOf(payment.provider_id)
        const movements = [
          ...(payment.captures ?? []).map((c: any) => ({ source_type: "capture" as const, id: c.id, amount: toMinor(c.amount, currency), at: c.created_at })),
          ...(payment.refunds ?? []).map((r: any) => ({ source_type: "refund" as const, id: r.id, amount: -toMinor(r.amount, currency), at: r.created_at })),
        ]
        for (const m of movements) {
          if (!m?.id || m.amount === 0 || !weights.length) continue
          for (const slice of allocateMovement(m.amount, weights)) {
            entries.push({
              order_id: order.id,
              order_display_id: order.display_id ?? null,
              line_item_id: slice.line_item_id,
              producer_id: slice.producer_id,
              currency_code: currency,
              kind: m.source_type === "capture" ? "earning" : "reversal",
              source_type: m.source_type,
              source_id: m.id,
              payment_method: method,
              gross: slice.gross,
              shipping: slice.shipping,
              commission: slice.commission,
              net: slice.net,
              rate_bp: slice.rate_bp,
              commission_rule_id: rateOf.get(slice.line_item_id)!.commission_rule_id ?? null,
              occurred_at: new Date(m.at ?? Date.now()),
            })
          }
        }
      }
    }
    const appended = await finance(container).appendLedgerEntries(order.id, entries)
    return new StepResponse({ appended: appended.length }, appended.map((e) => e.id))
  },
  async (appendedIds, { container }) => {
    // Only this run's own entries, and only when the run itself failed: nothing else removes ledger rows.
    if (appendedIds?.length) await finance(container).deleteLedgerEntries(appendedIds)
  }
)
