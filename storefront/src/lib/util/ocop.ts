import type { Certification, Labelling } from "../types"
import type { Locale } from "./locale"

/** Only 3★–5★ are certified OCOP products (1162/QĐ-VPĐP-OCOP, 2020). */
export const CERTIFIED_STARS = [3, 4, 5] as const
export const GROUP_CODES = ["food", "beverage", "herbal", "handicraft", "ornamental", "tourism"] as const
export const PRODUCER_TYPES = ["cooperative", "enterprise", "cooperative_group", "household"] as const

/** True when the certificate is active, 3★+, and `now` lies within its validity window. */
export function isInForce(cert: Pick<Certification, "status" | "stars" | "valid_from" | "valid_until">, now = new Date()): boolean {
  if (cert.status !== "active" || !(cert.stars >= 3)) return false
  const from = cert.valid_from ? new Date(cert.valid_from) : null
  const until = cert.valid_until ? new Date(cert.valid_until) : null
  if (from && !Number.isNaN(from.getTime()) && from > now) return false
  if (until && !Number.isNaN(until.getTime()) && until < now) return false
  return true
}

/**
 * The certificate to show for a product: the one in force with the most stars
 * (latest decision on ties); failing that, the most recent one of any status so
 * the page can still be honest about it. `null` when there is none.
 */
export function pickCertification<C extends Certification>(certs: (C | null | undefined)[] | null | undefined, now = new Date()): C | null {
  const list = (certs ?? []).filter((c): c is C => Boolean(c))
  if (!list.length) return null
  const time = (c: C) => new Date(c.decision_date ?? c.valid_from ?? 0).getTime() || 0
  const inForce = list.filter((c) => isInForce(c, now))
  const pool = inForce.length ? inForce : list
  return [...pool].sort((a, b) => (inForce.length ? b.stars - a.stars : 0) || time(b) - time(a))[0]
}

type Localisable = {
  title?: string | null
  subtitle?: string | null
  description?: string | null
  metadata?: Record<string, unknown> | null
}

function meta(p: Localisable, key: string): string | null {
  const v = p.metadata?.[key]
  return typeof v === "string" && v.trim() ? v : null
}

/** Product content in the shopper's language; English falls back to Vietnamese when missing. */
export function localizedProduct(p: Localisable, locale: Locale | string) {
  const en = locale === "en"
  return {
    title: (en && meta(p, "title_en")) || p.title || "",
    subtitle: (en && meta(p, "subtitle_en")) || p.subtitle || null,
    description: (en && meta(p, "description_en")) || p.description || null,
  }
}

export function labellingOf(p: { metadata?: Record<string, unknown> | null }): Labelling | null {
  const l = p.metadata?.labelling
  return l && typeof l === "object" ? (l) : null
}

/** Pick `<field>_vi` / `<field>_en` with fallback to the other language. */
export function pickLang<T extends Record<string, unknown>>(obj: T | null | undefined, field: string, locale: Locale | string): string | null {
  if (!obj) return null
  const first = obj[`${field}_${locale === "en" ? "en" : "vi"}`]
  const second = obj[`${field}_${locale === "en" ? "vi" : "en"}`]
  if (typeof first === "string" && first.trim()) return first
  if (typeof second === "string" && second.trim()) return second
  return null
}

/** Whole stars clamped to 0–5 (for rendering ★ glyphs). */
export function clampStars(stars: unknown): number {
  const n = Math.round(Number(stars))
  return Number.isFinite(n) ? Math.min(5, Math.max(0, n)) : 0
}
