import type { Locale } from "./locale"

/** The bits of a Medusa region the storefront needs (kept minimal so it is easy to test). */
export type RegionLike = {
  id: string
  name: string
  currency_code: string
  countries?: { iso_2?: string | null; display_name?: string | null; name?: string | null }[] | null
}

export const COUNTRY_COOKIE = "ocop_country"

/** Default shipping country when the shopper has not picked one. */
export function defaultCountry(locale: Locale | string): string {
  return locale === "en" ? "us" : "vn"
}

/** Normalise a country code from a cookie/form: two ASCII letters, lower-case, else null. */
export function normaliseCountry(value: unknown): string | null {
  if (typeof value !== "string") return null
  const v = value.trim().toLowerCase()
  return /^[a-z]{2}$/.test(v) ? v : null
}

export type ResolvedRegion<R extends RegionLike> = {
  region: R | null
  /** The country actually used (may differ from the requested one after a fallback). */
  country: string | null
  /** True when the requested country was unknown and a fallback was used. */
  fellBack: boolean
}

function countriesOf(region: RegionLike): string[] {
  return (region.countries ?? []).map((c) => (c.iso_2 ?? "").toLowerCase()).filter(Boolean)
}

/**
 * Picks the region for a requested country. Never throws and never asks for a
 * redirect: an unknown or malformed country falls back to the locale's default
 * country, then to the region whose currency suits the locale (VND for vi, USD
 * for en), then to the first region. Only an empty region list gives `null`.
 */
export function resolveRegion<R extends RegionLike>(
  regions: R[],
  requestedCountry: unknown,
  locale: Locale | string
): ResolvedRegion<R> {
  if (!regions.length) return { region: null, country: null, fellBack: true }
  const requested = normaliseCountry(requestedCountry)
  if (requested) {
    const match = regions.find((r) => countriesOf(r).includes(requested))
    if (match) return { region: match, country: requested, fellBack: false }
  }
  const fallbackCountry = defaultCountry(locale)
  const byCountry = regions.find((r) => countriesOf(r).includes(fallbackCountry))
  if (byCountry) return { region: byCountry, country: fallbackCountry, fellBack: requested !== null }
  const wantedCurrency = locale === "en" ? "usd" : "vnd"
  const byCurrency = regions.find((r) => r.currency_code?.toLowerCase() === wantedCurrency) ?? regions[0]
  return { region: byCurrency, country: countriesOf(byCurrency)[0] ?? null, fellBack: true }
}

/** All countries the shop ships to, with their region, sorted with Việt Nam first. */
export function shippingCountries<R extends RegionLike>(regions: R[]): { code: string; region: R }[] {
  const out: { code: string; region: R }[] = []
  for (const r of regions) for (const c of countriesOf(r)) out.push({ code: c, region: r })
  return out.sort((a, b) => (a.code === "vn" ? -1 : b.code === "vn" ? 1 : a.code.localeCompare(b.code)))
}

/** Localised country name from its ISO code, via Intl.DisplayNames. */
export function countryName(code: string, locale: Locale | string): string {
  try {
    const dn = new Intl.DisplayNames([locale === "en" ? "en" : "vi"], { type: "region" })
    return dn.of(code.toUpperCase()) ?? code.toUpperCase()
  } catch {
    return code.toUpperCase()
  }
}
