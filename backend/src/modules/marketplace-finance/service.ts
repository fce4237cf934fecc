import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import CommissionRule, { type CommissionScope } from "./models/commission-rule"
import FinanceEvent from "./models/finance-event"
import LedgerEntry from "./models/ledger-entry"
import OrderLineRate from "./models/order-line-rate"
import Payout from "./models/payout"
import PayoutItem from "./models/payout-item"
import ProducerBankAccount from "./models/producer-bank-account"
import { buildVietQrPayload } from "../payment-bank-transfer/vietqr"
import { scopeKey, windowsOverlap } from "./rules"

/** The VietQR a VND payout is sent with: amount, the producer's verified account, the payout's reference. */
export function payoutVietQr(p: { currency_code: string; amount: number; bank_bin: string | null; account_number: string | null; reference: string }) {
  if (p.currency_code.toLowerCase() !== "vnd" || !p.bank_bin || !p.account_number) return null
  return buildVietQrPayload({ bankBin: p.bank_bin, accountNumber: p.account_number, amount: p.amount, currency: "VND", reference: p.reference })
}

export const FINANCE_ERRORS = {
  ruleOverlap: "commission_rule_overlap",
  bankAccountNotVerified: "bank_account_not_verified",
  unknownBank: "unknown_bank_bin",
  invalidAccountNumber: "invalid_account_number",
  payoutNotPending: "payout_not_pending",
  payoutNotFailed: "payout_not_failed",
  payoutNotOpen: "payout_not_open",
} as const

export type Actor = { actor_type: string; actor_id: string }

export type NewCommissionRule = {
  scope: CommissionScope
  group_code?: string | null
  producer_id?: string | null
  rate_bp: number
  valid_from: Date | string
  valid_until?: Date | string | null
  note?: string | null
}

export type NewLedgerEntry = {
  order_id: string
  order_display_id: number | null
  line_item_id: string
  producer_id: string
  currency_code: string
  kind: "earning" | "reversal"
  source_type: "capture" | "refund"
  source_id: string
  payment_method: string | null
  gross: number
  shipping: number
  commission: number
  net: number
  rate_bp: number
  commission_rule_id: string | null
  occurred_at: Date
}

export type NewPayout = {
  id: string
  run_id: string
  producer_id: string
  currency_code: string
  period_end: Date | string
  reference: string
  bank_bin: string | null
  account_number: string | null
  account_name: string | null
  ledger_entry_ids: string[]
}

type Manager = { execute: (sql: string, params?: unknown[]) => Promise<any[]> }
const managerOf = (ctx: Context): Manager => ctx.transactionManager as unknown as Manager

/** A value of a bigNumber column as a plain integer (they are integer minor units here). */
export function int(v: unknown): number {
  if (v && typeof v === "object" && "numeric" in (v as Record<string, unknown>)) return Number((v as { numeric: unknown }).numeric)
  return Number(v ?? 0)
}

/**
 * CRUD comes from MedusaService. The methods below are the writes whose invariant
 * needs a transaction and a lock (no overlapping rules, one payout per entry, one
 * ledger entry per movement and line); workflow steps call them.
 */
class MarketplaceFinanceModuleService extends MedusaService({
  CommissionRule,
  OrderLineRate,
  LedgerEntry,
  Payout,
  PayoutItem,
  ProducerBankAccount,
  FinanceEvent,
}) {
  /** Serializes writers on `key` until the transaction ends (PostgreSQL advisory lock). */
  private async lock(ctx: Context, key: string) {
    await managerOf(ctx).execute("SELECT pg_advisory_xact_lock(hashtext(?))", [`marketplace-finance:${key}`])
  }

  /** Adds a rule; 400 `commission_rule_overlap` when its window overlaps a live rule of the same scope. */
  @InjectTransactionManager()
  async addCommissionRule(input: NewCommissionRule, actor: Actor, @MedusaContext() ctx: Context = {}) {
    const key = scopeKey(input.scope, input)
    await this.lock(ctx, `rule:${key}`)
    const window = { valid_from: input.valid_from, valid_until: input.valid_until ?? null }
    const existing = await this.listCommissionRules({ scope_key: key }, {}, ctx)
    const clash = existing.find((r) => windowsOverlap(r as any, window))
    if (clash) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `This rule's validity overlaps rule ${clash.id} (${new Date(clash.valid_from).toISOString().slice(0, 10)} – ${
          clash.valid_until ? new Date(clash.valid_until).toISOString().slice(0, 10) : "open-ended"
        }) for the same scope. End that rule first.`,
        FINANCE_ERRORS.ruleOverlap
      )
    }
    const rule = await this.createCommissionRules(
      {
        scope: input.scope,
        scope_key: key,
        group_code: input.scope === "group" ? input.group_code ?? null : null,
        producer_id: input.scope === "producer" ? input.producer_id ?? null : null,
        rate_bp: input.rate_bp,
        valid_from: new Date(input.valid_from),
        valid_until: input.valid_until ? new Date(input.valid_until) : null,
        note: input.note ?? null,
      },
      ctx
    )
    await this.createFinanceEvents(
      { subject_type: "commission_rule", subject_id: rule.id, producer_id: rule.producer_id, action: "created", ...actor, data: rule as any },
      ctx
    )
    return rule
  }

  /** Ends a rule at `valid_until` (never earlier than it started); the history keeps the old window. */
  @InjectTransactionManager()
  async endCommissionRule(id: string, validUntil: Date, actor: Actor, @MedusaContext() ctx: Context = {}) {
    const [rule] = await this.listCommissionRules({ id }, {}, ctx)
    if (!rule) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Commission rule ${id} was not found`)
    await this.lock(ctx, `rule:${rule.scope_key}`)
    if (validUntil.getTime() <= new Date(rule.valid_from).getTime()) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "valid_until must be after the rule's valid_from", "invalid_validity")
    }
    const before = { valid_until: rule.valid_until }
    const updated = await this.updateCommissionRules({ id, valid_until: validUntil }, ctx)
    await this.createFinanceEvents(
      { subject_type: "commission_rule", subject_id: id, producer_id: rule.producer_id, action: "ended", ...actor, data: { before, after: updated } as any },
      ctx
    )
    return { rule: updated, before }
  }

  /** Rates frozen for these lines, written once: lines already frozen keep theirs. */
  @InjectTransactionManager()
  async freezeLineRates(
    orderId: string,
    rows: { line_item_id: string; producer_id: string; group_code: string | null; rate_bp: number; commission_rule_id: string | null; placed_at: Date }[],
    @MedusaContext() ctx: Context = {}
  ) {
    await this.lock(ctx, `order:${orderId}`)
    const existing = await this.listOrderLineRates({ order_id: orderId }, {}, ctx)
    const have = new Set(existing.map((r) => r.line_item_id))
    const fresh = rows.filter((r) => !have.has(r.line_item_id))
    const created = fresh.length ? await this.createOrderLineRates(fresh.map((r) => ({ ...r, order_id: orderId })), ctx) : []
    return { rates: [...existing, ...created], created_ids: created.map((r) => r.id) }
  }

  /** Appends entries not yet recorded for their (movement, line): replays append nothing. */
  @InjectTransactionManager()
  async appendLedgerEntries(orderId: string, entries: NewLedgerEntry[], @MedusaContext() ctx: Context = {}) {
    await this.lock(ctx, `order:${orderId}`)
    const existing = entries.length ? await this.listLedgerEntries({ order_id: orderId }, { select: ["source_id", "line_item_id"] }, ctx) : []
    const have = new Set(existing.map((e) => `${e.source_id}|${e.line_item_id}`))
    const fresh = entries.filter((e) => !have.has(`${e.source_id}|${e.line_item_id}`))
    return fresh.length ? await this.createLedgerEntries(fresh, ctx) : []
  }

  /** Ids of ledger entries no payout holds yet. */
  @InjectManager()
  async unsettledEntryIds(@MedusaContext() ctx: Context = {}): Promise<string[]> {
    const rows = await (ctx.manager as unknown as Manager).execute(
      `SELECT le.id FROM ledger_entry le
        WHERE le.deleted_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM payout_item pi WHERE pi.ledger_entry_id = le.id AND pi.deleted_at IS NULL)`
    )
    return rows.map((r: { id: string }) => r.id)
  }

  /**
   * Creates the payouts of a run. One run at a time (advisory lock); inside it, entries
   * another run settled meanwhile are dropped, so two concurrent runs create one payout
   * per producer and currency, and payout_item's unique ledger_entry_id backs that up.
   */
  @InjectTransactionManager()
  async createPayoutsForRun(payouts: NewPayout[], @MedusaContext() ctx: Context = {}) {
    await this.lock(ctx, "payout-run")
    const open = new Set(await this.unsettledEntryIdsIn(ctx))
    const created: { id: string }[] = []
    for (const p of payouts) {
      const ids = p.ledger_entry_ids.filter((id) => open.has(id))
      if (!ids.length) continue
      const entries = await this.listLedgerEntries({ id: ids }, {}, ctx)
      const amount = entries.reduce((a, e) => a + int(e.net), 0)
      if (amount <= 0) continue
      const { ledger_entry_ids: _ids, ...row } = p
      const payout = await this.createPayouts(
        {
          ...row,
          period_end: new Date(row.period_end),
          amount,
          gross: entries.reduce((a, e) => a + int(e.gross), 0),
          commission: entries.reduce((a, e) => a + int(e.commission), 0),
          entry_count: entries.length,
          status: "pending",
          vietqr_payload: payoutVietQr({ ...row, amount }),
        },
        ctx
      )
      await this.createPayoutItems(ids.map((ledger_entry_id) => ({ payout_id: payout.id, ledger_entry_id })), ctx)
      created.push(payout)
    }
    return created.map((c) => c.id)
  }

  private async unsettledEntryIdsIn(ctx: Context): Promise<string[]> {
    const rows = await managerOf(ctx).execute(
      `SELECT le.id FROM ledger_entry le
        WHERE le.deleted_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM payout_item pi WHERE pi.ledger_entry_id = le.id AND pi.deleted_at IS NULL)`
    )
    return rows.map((r: { id: string }) => r.id)
  }

  /** Undo of a run (workflow compensation): its payouts and their items go. */
  @InjectTransactionManager()
  async removePayouts(ids: string[], @MedusaContext() ctx: Context = {}) {
    if (!ids.length) return
    const items = await this.listPayoutItems({ payout_id: ids }, { select: ["id"] }, ctx)
    if (items.length) await this.deletePayoutItems(items.map((i) => i.id), ctx)
    await this.deletePayouts(ids, ctx)
  }
}

export default MarketplaceFinanceModuleService
