/**
 * Traceability rules as pure functions (unit-tested in rules.unit.spec.ts).
 */

/** Error codes of the traceability routes (clients switch on these, not on messages). */
export const TRACE_ERRORS = {
  lotLocked: "lot_locked",
  gtinTaken: "gtin_taken",
  gtinHasLots: "gtin_has_lots",
  variantWithoutGtin: "variant_without_gtin",
  invalidGtin: "invalid_gtin",
} as const

/**
 * Whether a lot may still be edited in place. Medusa does not allocate stock by lot, so the
 * marketplace cannot know which lot a sold unit came from: once any unit of the variant has been
 * ordered since the lot was recorded, that unit may be from this lot, and the lot is frozen —
 * what a consumer scanned must not change under them. A correction is then a new entry.
 */
export function lotEditProblem(unitsOrderedSinceRecorded: number): string | null {
  if (unitsOrderedSinceRecorded <= 0) return null
  return (
    `Units of this product have been ordered since the lot was recorded, so they may come from it: ` +
    `the lot can no longer be edited. Record a correction instead (POST /producers/me/lots/:id/corrections).`
  )
}

/** Fields of a lot a producer records; the rest is derived (GTIN, product, producer). */
export const LOT_INPUT_FIELDS = ["lot_number", "production_date", "expiry_date", "quantity", "notes"] as const

/** A date-only field checked as a calendar day: production cannot be in the future, expiry must follow it. */
export function lotDatesProblem(production: Date, expiry: Date | null | undefined, now: Date = new Date()): string | null {
  // A day of slack: a lot produced "today" in Vietnam may still be tomorrow in UTC.
  if (production.getTime() > now.getTime() + 86_400_000) return "production_date: a lot cannot be produced in the future"
  if (expiry && expiry.getTime() <= production.getTime()) return "expiry_date: must be after the production date"
  return null
}

export type LotStatus = "live" | "superseded"

export function lotStatus(lot: { superseded_at?: Date | string | null }): LotStatus {
  return lot.superseded_at ? "superseded" : "live"
}

type CertOnDate = {
  status: string
  stars: number
  valid_from: Date | string
  valid_until: Date | string
  decision_date: Date | string
  events?: { type: string; to_status?: string | null; occurred_at: Date | string }[]
}

/**
 * The certificate that was in force on a day (a lot's production date): within its validity, 3★
 * or more, and not yet revoked or suspended that day — a certificate revoked later was still in
 * force then, one reinstated later was not. The latest decision wins, as for today.
 */
export function certificationInForceOn<T extends CertOnDate>(certs: T[], day: Date | string): T | null {
  const t = new Date(day).getTime()
  const inForce = certs.filter((c) => {
    if (c.stars < 3 || c.status === "pending_review" || c.status === "rejected") return false
    if (new Date(c.valid_from).getTime() > t || new Date(c.valid_until).getTime() < t) return false
    // The status that day: the last status change on or before it, else "active" (as issued).
    const changes = (c.events ?? [])
      .filter((e) => e.to_status && new Date(e.occurred_at).getTime() <= t)
      .sort((a, b) => new Date(a.occurred_at).getTime() - new Date(b.occurred_at).getTime())
    const statusThen = changes.length ? changes[changes.length - 1].to_status : "active"
    return statusThen === "active" || statusThen === "expired"
  })
  return [...inForce].sort((a, b) => new Date(b.decision_date).getTime() - new Date(a.decision_date).getTime())[0] ?? null
}
