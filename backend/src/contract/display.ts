/**
 * How the shop writes money and dates, for every surface that shows them: the storefront (as
 * `@hue-ocop/backend/display`, a subpath export it compiles with `transpilePackages`) and the
 * backend's e-mails. One copy, so a price in a confirmation mail reads exactly as on the page.
 * Pure functions over Intl; nothing here may import runtime code (it is bundled into the storefront).
 *
 * Medusa v2 amounts are in MAJOR units: a VND price is `125000`, a USD price `5.5` ($5.50); we never
 * divide by 100. The number format follows the *currency*, not the UI language, because that is what
 * shoppers recognise on a price tag: VND always the Vietnamese way ("125.000 ₫", zero decimals — VND
 * has no minor unit in practice), USD the American way ("$5.00"); other currencies use the UI locale.
 * Intl separates the number and "₫" with a NO-BREAK SPACE (U+00A0) so a price never wraps between
 * the amount and its symbol; kept on purpose.
 */
const CURRENCY_LOCALE: Record<string, string> = {
  vnd: "vi-VN",
  usd: "en-US",
}

const ZERO_DECIMAL = new Set(["vnd", "jpy", "krw", "clp", "pyg", "ugx", "xaf", "xof"])

/** BCP 47 tag used with Intl for a UI locale ("vi" unless "en"). */
export function intlLocale(locale: string): string {
  return locale === "en" ? "en-US" : "vi-VN"
}

export function formatMoney(amount: number | string | null | undefined, currency: string | null | undefined, locale: string = "vi"): string {
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
    // Unknown ISO code: still show something sensible.
    return `${n.toFixed(digits)} ${code.toUpperCase()}`
  }
}

/** True for currencies without a minor unit (e.g. VND): `125000` means 125.000 ₫. */
export function isZeroDecimal(currency: string): boolean {
  return ZERO_DECIMAL.has(currency.toLowerCase())
}

/** A calendar date in the shop's time zone: vi 29/01/2025; en 29 Jan 2025 (unambiguous for every English-speaking market). */
export function formatDate(value: string | Date | null | undefined, locale: string): string {
  if (!value) return "—"
  const d = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(d.getTime())) return "—"
  const opts: Intl.DateTimeFormatOptions =
    locale === "en"
      ? { day: "numeric", month: "short", year: "numeric", timeZone: "Asia/Ho_Chi_Minh" }
      : { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Asia/Ho_Chi_Minh" }
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "vi-VN", opts).format(d)
}
