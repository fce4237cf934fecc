import { intlLocale, type Locale } from "./locale"

/**
 * Medusa v2 stores amounts in MAJOR units: a VND price is `125000`, a USD price
 * is `5.5` ($5.50). We never divide by 100.
 *
 * The number format follows the *currency*, not the UI language, because that is
 * what shoppers recognise on a price tag: VND is always shown the Vietnamese way
 * ("125.000 ₫", zero decimals — VND has no minor unit in practice) and USD the
 * American way ("$5.00"). Other currencies use the UI locale.
 *
 * Intl separates the number and the "₫" sign with a NO-BREAK SPACE (U+00A0) so a
 * price never wraps between the amount and its symbol; we keep it on purpose.
 */
const CURRENCY_LOCALE: Record<string, string> = {
  vnd: "vi-VN",
  usd: "en-US",
}

const ZERO_DECIMAL = new Set(["vnd", "jpy", "krw", "clp", "pyg", "ugx", "xaf", "xof"])

export function formatMoney(
  amount: number | string | null | undefined,
  currency: string | null | undefined,
  locale: Locale | string = "vi"
): string {
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
