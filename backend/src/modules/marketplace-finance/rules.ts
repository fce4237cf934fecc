/**
 * Commission rules and payout eligibility, pure (unit-tested in rules.unit.spec.ts).
 */
import type { CommissionScope } from "./models/commission-rule"

export type RuleWindow = { valid_from: Date | string; valid_until: Date | string | null }
export type CommissionRuleLike = RuleWindow & {
  id: string
  scope: CommissionScope
  scope_key: string
  group_code: string | null
  producer_id: string | null
  rate_bp: number
}

/** The rate charged when no rule is in force (the seed records it as the first default rule). */
export const FALLBACK_RATE_BP = 1_000

export function scopeKey(scope: CommissionScope, ref: { group_code?: string | null; producer_id?: string | null }): string {
  if (scope === "group") return `group:${ref.group_code}`
  if (scope === "producer") return `producer:${ref.producer_id}`
  return "default"
}

const time = (d: Date | string | null): number => (d === null ? Number.POSITIVE_INFINITY : new Date(d).getTime())

export function isInForce(rule: RuleWindow, at: Date): boolean {
  return time(rule.valid_from) <= at.getTime() && at.getTime() < time(rule.valid_until)
}

/** Half-open windows [from, until) overlap when each starts before the other ends. */
export function windowsOverlap(a: RuleWindow, b: RuleWindow): boolean {
  return time(a.valid_from) < time(b.valid_until) && time(b.valid_from) < time(a.valid_until)
}

/**
 * The rule that prices a line: the producer's own override, else its product's OCOP
 * group's, else the marketplace default — each only within its validity window.
 */
export function resolveCommissionRule<R extends CommissionRuleLike>(
  rules: readonly R[],
  line: { producer_id: string; group_code: string | null },
  at: Date
): R | null {
  const live = rules.filter((r) => isInForce(r, at))
  return (
    live.find((r) => r.scope === "producer" && r.producer_id === line.producer_id) ??
    (line.group_code ? live.find((r) => r.scope === "group" && r.group_code === line.group_code) : undefined) ??
    live.find((r) => r.scope === "default") ??
    null
  )
}

/** Days after delivery/shipment before earnings are payable (the window for a return). */
export const DEFAULT_HOLDING_DAYS = 7

export type EntryEligibility = {
  occurred_at: Date | string
  /** When the producer's parcel for this order was shipped (null: not yet). */
  shipped_at: Date | string | null
}

/**
 * An entry is payable when its money is in (it exists only then), the producer's
 * parcel has shipped, and the holding period since both has passed by the cut-off.
 * Reversals are always payable: they reduce what is owed as soon as they happen.
 */
export function isPayable(entry: EntryEligibility & { kind: "earning" | "reversal" }, cutoff: Date, holdingDays: number): boolean {
  if (entry.kind === "reversal") return new Date(entry.occurred_at).getTime() <= cutoff.getTime()
  if (!entry.shipped_at) return false
  const since = Math.max(new Date(entry.occurred_at).getTime(), new Date(entry.shipped_at).getTime())
  return since + holdingDays * 86_400_000 <= cutoff.getTime()
}
