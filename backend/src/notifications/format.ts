/**
 * Locale and number formatting for messages. The rules are the storefront's
 * (storefront/src/lib/util/money.ts and locale.ts): the backend is built on its own
 * (`medusa build` compiles only backend/), so it cannot import them, and
 * format.unit.spec.ts checks both give the same text for the same input.
 *
 * Medusa v2 amounts are in MAJOR units (a VND price is `125000`, USD `5.5`).
 * VND is always shown the Vietnamese way ("125.000 ₫", no-break space) and USD
 * the American way ("$5.50"), whatever the message's language: that is what
 * shoppers recognise on a price tag.
 */
export const MESSAGE_LOCALES = ["vi", "en"] as const
export type MessageLocale = (typeof MESSAGE_LOCALES)[number]

export function toMessageLocale(value: unknown): MessageLocale | undefined {
  return value === "vi" || value === "en" ? value : undefined
}

const CURRENCY_LOCALE: Record<string, string> = { vnd: "vi-VN", usd: "en-US" }
const ZERO_DECIMAL = new Set(["vnd", "jpy", "krw", "clp", "pyg", "ugx", "xaf", "xof"])

export function intlLocale(locale: MessageLocale): string {
  return locale === "en" ? "en-US" : "vi-VN"
}

export function formatMoney(amount: number | string | null | undefined, currency: string | null | undefined, locale: MessageLocale = "vi"): string {
  const code = (currency || "vnd").toLowerCase()
  const n = typeof amount === "string" ? Number(amount) : amount
  if (n === null || n === undefined || !Number.isFinite(n)) return "—"
  const tag = CURRENCY_LOCALE[code] ?? intlLocale(locale)
  const digits = ZERO_DECIMAL.has(code) ? 0 : 2
  try {
    return new Intl.NumberFormat(tag, {
      style: "currency",
      currency: code.toUpperCase(),
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(n)
  } catch {
    return `${n.toFixed(digits)} ${code.toUpperCase()}`
  }
}

/** A calendar date in the shop's time zone: vi 29/01/2025, en 29 Jan 2025. */
export function formatDate(value: string | Date | null | undefined, locale: MessageLocale): string {
  if (!value) return "—"
  const d = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(d.getTime())) return "—"
  const opts: Intl.DateTimeFormatOptions =
    locale === "en"
      ? { day: "numeric", month: "short", year: "numeric", timeZone: "Asia/Ho_Chi_Minh" }
      : { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Asia/Ho_Chi_Minh" }
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "vi-VN", opts).format(d)
}

/** ★★★★☆ for 4 stars (OCOP ratings are 3–5; clamped to 0–5). */
export function starGlyphs(stars: number | null | undefined): string {
  const n = Math.max(0, Math.min(5, Math.round(Number(stars) || 0)))
  return "★".repeat(n) + "☆".repeat(5 - n)
}
