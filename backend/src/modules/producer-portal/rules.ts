/**
 * The producer portal's rules as pure functions (unit-tested in rules.unit.spec.ts):
 * what a producer may do in each status, which profile fields are legal facts,
 * which listing changes apply at once and which send the listing back to review.
 */
import { createHash, randomBytes } from "node:crypto"

export type ProducerStatus = "pending" | "approved" | "rejected" | "suspended"

/**
 * The producer's legal identity: what the OCOP office checked when it approved
 * the application. Editable by the producer only while the application is
 * pending (or rejected, to fix it); afterwards only the office changes them.
 */
export const LEGAL_PRODUCER_FIELDS = [
  "legal_name",
  "type",
  "registration_number",
  "street",
  "commune",
  "former_commune",
  "district",
  "province",
] as const

/** Contact and presentation: the producer keeps these up to date itself. */
export const PUBLIC_PROFILE_FIELDS = ["phone", "email", "website", "story_vi", "story_en", "logo_url", "latitude", "longitude"] as const

/** Returns null when the producer may change these profile fields, else why not. */
export function checkProfileEdit(status: ProducerStatus | string, fields: string[]): string | null {
  const legal = fields.filter((f) => (LEGAL_PRODUCER_FIELDS as readonly string[]).includes(f))
  if (!legal.length) return null
  if (status === "pending" || status === "rejected") return null
  return (
    `${legal.join(", ")} ${legal.length > 1 ? "are" : "is"} part of your approved legal record and can only be changed ` +
    `by the OCOP office; contact it to amend ${legal.length > 1 ? "them" : "it"}.`
  )
}

/** Returns null when the producer may create, edit, delete or certify listings; else the reason (403). */
export function listingRightsProblem(status: ProducerStatus | string, reason?: string | null): string | null {
  const why = reason ? ` (${reason})` : ""
  switch (status) {
    case "approved":
      return null
    case "pending":
      return "Your producer application is still being reviewed by the OCOP office. You can create and manage listings once it is approved."
    case "suspended":
      return `Your producer account is suspended${why}. You can sign in and see your listings and orders, but you cannot create, change, certify or publish listings until the OCOP office reinstates it.`
    case "rejected":
      return `Your producer application was rejected${why}. Correct your profile and contact the OCOP office before creating listings.`
    default:
      return `Your producer account is ${status}; listings cannot be managed.`
  }
}

/** Shipping what was already sold stays possible while suspended: the shopper has paid. */
export function shippingRightsProblem(status: ProducerStatus | string): string | null {
  if (status === "approved" || status === "suspended") return null
  return "Only an approved producer can ship orders."
}

/**
 * Listing fields a producer may change, and what each change does.
 *  - `immediate`: commercial facts the producer owns (price, stock) apply at once, even on a live listing;
 *  - everything else a shopper reads — above all the certified facts (title, group, certificate) — sends a
 *    published listing back to review: it becomes a draft until an admin publishes it again.
 */
export const IMMEDIATE_LISTING_FIELDS = ["prices", "stock"] as const
export const CERTIFIED_LISTING_FIELDS = ["title_vi", "title_en", "group", "subgroup", "certification"] as const
export const REVIEWED_LISTING_FIELDS = [
  ...CERTIFIED_LISTING_FIELDS,
  "subtitle_vi",
  "subtitle_en",
  "description_vi",
  "description_en",
  "images",
  "weight_g",
] as const

export function classifyListingChange(fields: string[]): { review: string[]; immediate: string[]; certified: string[] } {
  const isReviewed = (f: string) => !(IMMEDIATE_LISTING_FIELDS as readonly string[]).includes(f)
  return {
    review: fields.filter(isReviewed),
    immediate: fields.filter((f) => !isReviewed(f)),
    certified: fields.filter((f) => (CERTIFIED_LISTING_FIELDS as readonly string[]).includes(f)),
  }
}

export type ListingState =
  | "live" // published and sellable: shoppers can buy it
  | "hidden" // published, but the OCOP rule keeps it out of the store (certificate not in force, producer suspended)
  | "awaiting_certification_review" // draft with a certification waiting for the office
  | "awaiting_publication" // draft with a certification in force: an admin publishes it
  | "needs_certification" // draft with no certification in force and none pending

export function listingState(input: {
  status: string
  sellable: boolean
  certification_statuses: string[]
  has_certification_in_force: boolean
}): ListingState {
  if (input.status === "published") return input.sellable ? "live" : "hidden"
  if (input.certification_statuses.includes("pending_review")) return "awaiting_certification_review"
  if (input.has_certification_in_force) return "awaiting_publication"
  return "needs_certification"
}

/** Shallow diff of two flat records: the keys whose JSON values differ. */
export function changedKeys(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)])
  return [...keys].filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null)).sort()
}

/** "Gạo hữu cơ An Lỗ" → "gao-huu-co-an-lo" (URL handles must not keep accents). */
export function slugify(text: string, max = 80): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/g, "")
}

export const INVITE_TTL_DAYS = 7

/**
 * Returns null when the producer may invite team members, else the reason (403).
 * Only an approved producer grows its team: a pending application is not yet
 * vetted, and a suspended or rejected producer must not hand out portal access.
 */
export function inviteRightsProblem(status: ProducerStatus | string, reason?: string | null): string | null {
  const why = reason ? ` (${reason})` : ""
  switch (status) {
    case "approved":
      return null
    case "pending":
      return "Your producer application is still being reviewed by the OCOP office. You can invite team members once it is approved."
    case "suspended":
      return `Your producer account is suspended${why}. You cannot invite team members until the OCOP office reinstates it.`
    case "rejected":
      return `Your producer application was rejected${why}. You cannot invite team members.`
    default:
      return `Your producer account is ${status}; team members cannot be invited.`
  }
}

export type InviteLimitConfig = { max: number; windowSeconds: number }

/** PRODUCER_INVITE_LIMIT_MAX invites per producer per PRODUCER_INVITE_LIMIT_WINDOW_SECONDS (default 20 a day). */
export function inviteLimitConfig(env: Record<string, string | undefined> = process.env): InviteLimitConfig {
  const read = (name: string, fallback: number) => {
    const raw = env[name]
    if (raw === undefined || raw.trim() === "") return fallback
    const n = Number(raw)
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, not "${raw}"`)
    return n
  }
  return { max: read("PRODUCER_INVITE_LIMIT_MAX", 20), windowSeconds: read("PRODUCER_INVITE_LIMIT_WINDOW_SECONDS", 24 * 60 * 60) }
}

/** A random invite token (shown once) and the hash that is stored. */
export function newInviteToken(): { token: string; hash: string } {
  const token = randomBytes(24).toString("base64url")
  return { token, hash: hashInviteToken(token) }
}

export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token).digest("hex")
}
