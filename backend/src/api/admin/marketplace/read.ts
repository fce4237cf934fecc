/**
 * Read side of marketplace money, shared by the admin routes and the producer portal.
 * Amounts leave as integer minor units (whole đồng, cents) with their currency; the
 * pages format them (backend/src/contract/display.ts).
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { MARKETPLACE_FINANCE_MODULE } from "../../../modules/marketplace-finance"
import { bankByBin } from "../../../modules/marketplace-finance/banks"
import { DEFAULT_HOLDING_DAYS, isPayable } from "../../../modules/marketplace-finance/rules"
import type MarketplaceFinanceModuleService from "../../../modules/marketplace-finance/service"
import { int } from "../../../modules/marketplace-finance/service"
import type { Statement } from "../../../modules/marketplace-finance/statement"

const finance = (c: MedusaContainer): MarketplaceFinanceModuleService => c.resolve(MARKETPLACE_FINANCE_MODULE)

export function payoutJson(p: any) {
  return {
    id: p.id,
    run_id: p.run_id,
    producer_id: p.producer_id,
    currency_code: p.currency_code,
    amount: int(p.amount),
    gross: int(p.gross),
    commission: int(p.commission),
    entry_count: p.entry_count,
    period_end: p.period_end,
    status: p.status,
    reference: p.reference,
    bank_bin: p.bank_bin,
    bank_name: p.bank_bin ? bankByBin(p.bank_bin)?.short_name ?? null : null,
    account_number: p.account_number,
    account_name: p.account_name,
    vietqr_payload: p.vietqr_payload,
    paid_at: p.paid_at,
    bank_reference: p.bank_reference,
    failed_at: p.failed_at,
    failure_reason: p.failure_reason,
    created_at: p.created_at,
  }
}

export function entryJson(e: any) {
  return {
    id: e.id,
    order_id: e.order_id,
    order_display_id: e.order_display_id,
    line_item_id: e.line_item_id,
    producer_id: e.producer_id,
    currency_code: e.currency_code,
    kind: e.kind,
    source_type: e.source_type,
    source_id: e.source_id,
    payment_method: e.payment_method,
    gross: int(e.gross),
    shipping: int(e.shipping),
    commission: int(e.commission),
    net: int(e.net),
    rate_bp: e.rate_bp,
    commission_rule_id: e.commission_rule_id,
    occurred_at: e.occurred_at,
  }
}

export function bankAccountJson(a: any | null | undefined) {
  if (!a) return null
  return {
    id: a.id,
    producer_id: a.producer_id,
    bank_bin: a.bank_bin,
    bank_name: bankByBin(a.bank_bin)?.short_name ?? null,
    account_number: a.account_number,
    account_name: a.account_name,
    status: a.status,
    verified_at: a.verified_at,
    updated_at: a.updated_at,
  }
}

/** One payout; 404 when it does not exist or (for a producer) is another producer's. */
export async function loadPayout(container: MedusaContainer, id: string, producerId?: string) {
  const [payout] = await finance(container).listPayouts({ id, ...(producerId ? { producer_id: producerId } : {}) })
  if (!payout) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Payout ${id} was not found`)
  return payout
}

export async function loadStatement(container: MedusaContainer, id: string, producerId?: string): Promise<Statement> {
  const payout = await loadPayout(container, id, producerId)
  const svc = finance(container)
  const items = await svc.listPayoutItems({ payout_id: payout.id }, { select: ["ledger_entry_id"] })
  const entries = items.length ? await svc.listLedgerEntries({ id: items.map((i) => i.ledger_entry_id) }, { order: { occurred_at: "ASC" } }) : []
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const lineIds = [...new Set(entries.map((e) => e.line_item_id))]
  const titles = new Map<string, string>()
  if (lineIds.length) {
    const orderIds = [...new Set(entries.map((e) => e.order_id))]
    const { data } = await query.graph({ entity: "order", fields: ["id", "items.id", "items.product_title", "items.variant_title"], filters: { id: orderIds } })
    for (const o of data as any[]) for (const i of o.items ?? []) if (i?.id) titles.set(i.id, [i.product_title, i.variant_title].filter(Boolean).join(" — "))
  }
  const { data: producers } = await query.graph({ entity: "producer", fields: ["id", "legal_name"], filters: { id: payout.producer_id } })
  const p = payoutJson(payout)
  return {
    payout: { ...p, bank_name: p.bank_name },
    producer: { id: payout.producer_id, legal_name: (producers[0] as any)?.legal_name ?? payout.producer_id },
    lines: entries.map((e) => ({
      occurred_at: e.occurred_at,
      order_display_id: e.order_display_id ?? null,
      line_item_id: e.line_item_id,
      product_title: titles.get(e.line_item_id) ?? null,
      kind: e.kind,
      payment_method: e.payment_method ?? null,
      gross: int(e.gross),
      shipping: int(e.shipping),
      commission: int(e.commission),
      net: int(e.net),
      rate_bp: e.rate_bp,
    })),
  }
}

const monthOf = (d: string | Date) => new Date(d).toISOString().slice(0, 7)

type Bucket = { month: string; currency_code: string; gross: number; commission: number; net: number; pending: number; payable: number; in_payout: number; paid: number }

/**
 * A producer's (or, without producerId, every producer's) earnings per month and currency:
 * `pending` not payable yet (not shipped or still in the holding period), `payable` due in
 * the next run, `in_payout` in a payout not yet paid, `paid` transferred.
 */
export async function earningsByMonth(container: MedusaContainer, opts: { producerId?: string; holdingDays?: number; now?: Date } = {}) {
  const svc = finance(container)
  const entries = await svc.listLedgerEntries(opts.producerId ? { producer_id: opts.producerId } : {}, { order: { occurred_at: "ASC" } })
  const items = entries.length ? await svc.listPayoutItems({ ledger_entry_id: entries.map((e) => e.id) }) : []
  const payoutOf = new Map(items.map((i) => [i.ledger_entry_id, i.payout_id]))
  const payouts = items.length ? await svc.listPayouts({ id: [...new Set(items.map((i) => i.payout_id))] }, { select: ["id", "status"] }) : []
  const statusOf = new Map(payouts.map((p) => [p.id, p.status]))

  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const shippedAt = new Map<string, Date>()
  const orderIds = [...new Set(entries.filter((e) => !payoutOf.has(e.id)).map((e) => e.order_id))]
  if (orderIds.length) {
    const { data } = await query.graph({ entity: "order", fields: ["id", "fulfillments.shipped_at", "fulfillments.canceled_at", "fulfillments.items.line_item_id"], filters: { id: orderIds } })
    for (const o of data as any[]) for (const f of o.fulfillments ?? []) {
      if (!f?.shipped_at || f.canceled_at) continue
      for (const i of f.items ?? []) if (i?.line_item_id) shippedAt.set(i.line_item_id, new Date(f.shipped_at))
    }
  }
  const now = opts.now ?? new Date()
  const holding = opts.holdingDays ?? DEFAULT_HOLDING_DAYS
  const buckets = new Map<string, Bucket & { producer_id: string }>()
  for (const e of entries) {
    const key = `${opts.producerId ? "" : e.producer_id}|${monthOf(e.occurred_at)}|${e.currency_code}`
    const b = buckets.get(key) ?? { producer_id: e.producer_id, month: monthOf(e.occurred_at), currency_code: e.currency_code, gross: 0, commission: 0, net: 0, pending: 0, payable: 0, in_payout: 0, paid: 0 }
    const net = int(e.net)
    b.gross += int(e.gross)
    b.commission += int(e.commission)
    b.net += net
    const payoutId = payoutOf.get(e.id)
    const status = payoutId ? statusOf.get(payoutId) : undefined
    if (status === "paid") b.paid += net
    else if (payoutId) b.in_payout += net
    else if (isPayable({ kind: e.kind, occurred_at: e.occurred_at, shipped_at: shippedAt.get(e.line_item_id) ?? null }, now, holding)) b.payable += net
    else b.pending += net
    buckets.set(key, b)
  }
  return [...buckets.values()].sort((a, b) => (a.month === b.month ? a.currency_code.localeCompare(b.currency_code) : b.month.localeCompare(a.month)))
}
