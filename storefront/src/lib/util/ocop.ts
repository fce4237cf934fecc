import type { Labelling } from "../types"
import type { Locale } from "./locale"

export { OCOP_GROUP_CODES as GROUP_CODES, PRODUCER_TYPES } from "@hue-ocop/backend/ocop-contract"

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
