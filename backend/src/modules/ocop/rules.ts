/**
 * The OCOP rules as pure functions, so they are unit-tested without a database
 * and shared by the service, the workflows and the validators.
 *
 * Star bands (148/QĐ-TTg): 1★ < 30, 2★ 30–49, 3★ 50–69, 4★ 70–89, 5★ 90–100.
 * Only 3★–5★ are certified OCOP products (1162/QĐ-VPĐP-OCOP, 2020).
 */
import type { CertificationStatus, ProducerStatus } from "./taxonomy"

export const CERTIFICATE_VALIDITY_MONTHS = 36
export const MIN_SELLABLE_STARS = 3

export function starsForScore(score: number): number {
  if (!Number.isFinite(score) || score < 0 || score > 100) {
    throw new RangeError(`score must be between 0 and 100, got ${score}`)
  }
  if (score >= 90) return 5
  if (score >= 70) return 4
  if (score >= 50) return 3
  if (score >= 30) return 2
  return 1
}

/** Returns null when stars and score agree, else a message saying what is wrong. */
export function checkStarsAgainstScore(stars: number, score: number): string | null {
  if (!Number.isInteger(stars) || stars < 1 || stars > 5) return `stars must be an integer from 1 to 5, got ${stars}`
  if (!Number.isFinite(score) || score < 0 || score > 100) return `score must be between 0 and 100, got ${score}`
  const expected = starsForScore(score)
  if (expected !== stars) {
    return `a score of ${score} is rated ${expected}★ under 148/QĐ-TTg, not ${stars}★`
  }
  return null
}

/**
 * "Potential 5★" (tiềm năng 5 sao): a province-certified product scoring ≥ 90
 * proposed to the ministry. It is recorded as 4★ with the flag.
 */
export function checkPotentialFiveStar(flag: boolean, stars: number, score: number): string | null {
  if (!flag) return null
  if (score < 90) return `potential 5★ needs a score of at least 90, got ${score}`
  if (stars === 5) return "a product already rated 5★ cannot also be a potential 5★"
  return null
}

/** Potential-5★ products carry 4 stars although their score is in the 5★ band. */
export function effectiveStarsCheck(stars: number, score: number, potentialFiveStar: boolean): string | null {
  if (potentialFiveStar && stars === 4 && score >= 90 && score <= 100) return null
  return checkStarsAgainstScore(stars, score)
}

export function addMonths(date: Date, months: number): Date {
  const d = new Date(date.getTime())
  const day = d.getUTCDate()
  d.setUTCDate(1)
  d.setUTCMonth(d.getUTCMonth() + months)
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate()
  d.setUTCDate(Math.min(day, lastDay))
  return d
}

export function defaultValidUntil(decisionDate: Date): Date {
  return addMonths(decisionDate, CERTIFICATE_VALIDITY_MONTHS)
}

/**
 * A decision is valid for 36 months from the start of its validity (valid_from, which defaults to
 * the decision date): a later valid_until would keep a product on sale past its re-evaluation.
 * Returns null when `validUntil` is after `validFrom` and within that window, else what is wrong
 * (the message names `valid_until`, the field to correct).
 */
export function checkValidityWindow(validFrom: Date, validUntil: Date): string | null {
  if (Number.isNaN(validFrom.getTime()) || Number.isNaN(validUntil.getTime())) return "valid_until and valid_from must be dates"
  if (validUntil.getTime() <= validFrom.getTime()) return "valid_until must be after valid_from"
  const latest = addMonths(validFrom, CERTIFICATE_VALIDITY_MONTHS)
  if (validUntil.getTime() > latest.getTime()) {
    return `valid_until must be at most ${CERTIFICATE_VALIDITY_MONTHS} months after valid_from (the decision date unless given): ${latest.toISOString().slice(0, 10)} at the latest, got ${validUntil.toISOString().slice(0, 10)}`
  }
  return null
}

/**
 * Statuses of a decision on record: it holds its certificate number, which no other recorded
 * decision may reuse. A submission waiting for review, or a rejected one, holds nothing — else a
 * producer could reserve the real certificate's number (the partial unique index on
 * certification.certificate_number says the same in SQL).
 */
export const NUMBER_FREE_STATUSES = ["pending_review", "rejected"] as const

export function holdsCertificateNumber(status: string): boolean {
  return !(NUMBER_FREE_STATUSES as readonly string[]).includes(status)
}

export type CertificationFacts = {
  status: CertificationStatus | string
  stars: number
  valid_from: Date | string
  valid_until: Date | string
}

export function isCertificationInForce(c: CertificationFacts, now: Date = new Date()): boolean {
  const from = new Date(c.valid_from).getTime()
  const until = new Date(c.valid_until).getTime()
  return c.status === "active" && c.stars >= MIN_SELLABLE_STARS && from <= now.getTime() && now.getTime() <= until
}

/**
 * A product is sellable only when its current certification is active, 3★ or
 * more, within its validity dates, and its producer is approved.
 */
export function isSellable(
  certifications: CertificationFacts[],
  producerStatus: ProducerStatus | string | null | undefined,
  now: Date = new Date()
): boolean {
  if (producerStatus !== "approved") return false
  return certifications.some((c) => isCertificationInForce(c, now))
}

/** The certification a shopper should see: the one in force, else the most recent decision. */
export function currentCertification<T extends CertificationFacts & { decision_date: Date | string }>(
  certifications: T[],
  now: Date = new Date()
): T | null {
  if (!certifications.length) return null
  const inForce = certifications.filter((c) => isCertificationInForce(c, now))
  const pool = inForce.length ? inForce : certifications
  return [...pool].sort((a, b) => new Date(b.decision_date).getTime() - new Date(a.decision_date).getTime())[0]
}
