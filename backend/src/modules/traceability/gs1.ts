// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the storefront and the tests type-check this file too and must see the ambient types of digital-link.js
/// <reference path="../../types/digital-link.d.ts" />
/**
 * GS1 identifiers and GS1 Digital Link URIs for lots — pure functions, safe for the storefront.
 *
 * - GTIN: GTIN-8/12/13/14 accepted, check digit validated by the `gtin` package, stored and
 *   linked as GTIN-14 (left-padded with zeros, as GS1 Digital Link requires for AI 01).
 * - Lot (AI 10): GS1 allows up to 20 characters of a wide set; the marketplace takes upper-case
 *   letters, digits and "-" only, so that a lot number reads the same on a label, in a URI path
 *   and in a search box (no percent-encoding, no look-alike punctuation).
 * - Expiry (AI 17) is YYMMDD; "00" as the day means the end of that month (GS1 General
 *   Specifications §3.4.7). The Digital Link carries it as the `17` query attribute.
 * - URIs are built and parsed with `digital-link.js` (GS1's reference grammar), on the shop's own domain.
 */
import { isValid as isValidGtinChecksum } from "gtin"
import { DigitalLink } from "digital-link.js"

export const LOT_NUMBER_PATTERN = /^[A-Z0-9][A-Z0-9-]{0,19}$/
export const GTIN_INPUT_PATTERN = /^(\d{8}|\d{12}|\d{13}|\d{14})$/
/** Vietnam's GS1 company prefixes start with 893; the demo's invented GTINs use it, marked demo. */
export const VIETNAM_GS1_PREFIX = "893"

/** True for a GTIN-8/12/13/14 whose check digit is right. */
export function isValidGtin(input: string): boolean {
  if (!GTIN_INPUT_PATTERN.test(input)) return false
  try {
    return isValidGtinChecksum(input)
  } catch {
    return false
  }
}

/** The GTIN-14 form of a valid GTIN; null when the input is not one. */
export function toGtin14(input: string): string | null {
  const digits = input.trim()
  return isValidGtin(digits) ? digits.padStart(14, "0") : null
}

/** The GS1 mod-10 check digit of the digits before it (for building demo GTINs). */
export function gs1CheckDigit(body: string): string {
  let sum = 0
  ;[...body].reverse().forEach((d, i) => (sum += Number(d) * (i % 2 === 0 ? 3 : 1)))
  return String((10 - (sum % 10)) % 10)
}

export function isValidLotNumber(lot: string): boolean {
  return LOT_NUMBER_PATTERN.test(lot)
}

const VN_TIME_ZONE = "Asia/Ho_Chi_Minh"

/** A date as YYMMDD in Vietnam's time zone (a best-before date is a calendar day where it is sold). */
export function toYymmdd(date: Date | string): string {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: VN_TIME_ZONE, year: "2-digit", month: "2-digit", day: "2-digit" }).formatToParts(
    typeof date === "string" ? new Date(date) : date
  )
  const get = (t: string) => parts.find((p) => p.type === t)!.value
  return `${get("year")}${get("month")}${get("day")}`
}

/**
 * A YYMMDD value as a calendar day ("YYYY-MM-DD"); null when it is not a real date. The century
 * follows GS1's sliding window (§7.12): within 49 years back or 50 forward of `now`.
 */
export function parseYymmdd(value: string, now: Date = new Date()): string | null {
  if (!/^\d{6}$/.test(value)) return null
  const yy = Number(value.slice(0, 2))
  const mm = Number(value.slice(2, 4))
  let dd = Number(value.slice(4, 6))
  if (mm < 1 || mm > 12) return null
  const currentYear = now.getUTCFullYear()
  let year = Math.floor(currentYear / 100) * 100 + yy
  if (year - currentYear > 50) year -= 100
  else if (currentYear - year > 49) year += 100
  const lastDay = new Date(Date.UTC(year, mm, 0)).getUTCDate()
  if (dd === 0) dd = lastDay
  if (dd > lastDay) return null
  return `${year}-${String(mm).padStart(2, "0")}-${String(dd).padStart(2, "0")}`
}

/** The Digital Link URI of a lot: `{origin}/01/{gtin14}/10/{lot}?17={YYMMDD}`. */
export function lotDigitalLink(origin: string, lot: { gtin: string; lot_number: string; expiry_date?: Date | string | null }): string {
  const dl = DigitalLink({
    domain: origin.replace(/\/+$/, ""),
    identifier: { "01": lot.gtin.padStart(14, "0") },
    keyQualifiers: { "10": lot.lot_number },
    ...(lot.expiry_date ? { attributes: { "17": toYymmdd(lot.expiry_date) } } : {}),
  })
  return dl.toWebUriString()
}

/** The Digital Link URI of a trade item without a lot: `{origin}/01/{gtin14}`. */
export function gtinDigitalLink(origin: string, gtin: string): string {
  return DigitalLink({ domain: origin.replace(/\/+$/, ""), identifier: { "01": gtin.padStart(14, "0") } }).toWebUriString()
}

export type ParsedDigitalLink = { gtin: string; lot: string | null; expiry: string | null }

/**
 * Parses a Digital Link URI (or path) of this shop. Null when it is not one the shop issues:
 * not valid for digital-link.js (unknown AIs, bad check digit, malformed), a lot outside the
 * marketplace's lot syntax, or an expiry that is not a date. Never throws.
 */
export function parseLotDigitalLink(uri: string, now: Date = new Date()): ParsedDigitalLink | null {
  if (uri.length > 512) return null
  try {
    const url = uri.startsWith("/") ? `https://resolver.invalid${uri}` : uri
    const dl = DigitalLink(url)
    if (!dl.isValid()) return null
    const gtin = dl.getIdentifier()?.["01"]
    if (!gtin || !isValidGtin(gtin)) return null
    const qualifiers = dl.getKeyQualifiers() ?? {}
    const keys = Object.keys(qualifiers)
    if (keys.some((k) => k !== "10")) return null
    const lot = qualifiers["10"] ?? null
    if (lot !== null && !isValidLotNumber(lot)) return null
    const attributes = (dl.getAttributes?.() ?? {}) as Record<string, string>
    const rawExpiry = attributes["17"] ?? null
    const expiry = rawExpiry === null ? null : parseYymmdd(rawExpiry, now)
    if (rawExpiry !== null && expiry === null) return null
    return { gtin: gtin.padStart(14, "0"), lot, expiry }
  } catch {
    return null
  }
}
