/**
 * Locale and number formatting for messages: the shop's own rules (contract/display.ts, shared with
 * the storefront), with the messages' two locales.
 */
import { formatDate as formatShopDate, formatMoney as formatShopMoney, intlLocale as shopIntlLocale } from "../contract/display"
export const MESSAGE_LOCALES = ["vi", "en"] as const
export type MessageLocale = (typeof MESSAGE_LOCALES)[number]

export function toMessageLocale(value: unknown): MessageLocale | undefined {
  return value === "vi" || value === "en" ? value : undefined
}

export function intlLocale(locale: MessageLocale): string {
  return shopIntlLocale(locale)
}

export function formatMoney(amount: number | string | null | undefined, currency: string | null | undefined, locale: MessageLocale = "vi"): string {
  return formatShopMoney(amount, currency, locale)
}

export function formatDate(value: string | Date | null | undefined, locale: MessageLocale): string {
  return formatShopDate(value, locale)
}

/** ★★★★☆ for 4 stars (OCOP ratings are 3–5; clamped to 0–5). */
export function starGlyphs(stars: number | null | undefined): string {
  const n = Math.max(0, Math.min(5, Math.round(Number(stars) || 0)))
  return "★".repeat(n) + "☆".repeat(5 - n)
}
