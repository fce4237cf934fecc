/** Supported UI locales. Vietnamese is the default. Pure module (unit-tested, no Next imports). */
export const LOCALES = ["vi", "en"] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = "vi"

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value)
}

export function toLocale(value: unknown): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE
}

/** BCP 47 tag used with Intl for a UI locale. */
export function intlLocale(locale: Locale | string): string {
  return locale === "en" ? "en-US" : "vi-VN"
}

/** Format an ISO date (or Date) as a calendar date in the shop's time zone. */
export function formatDate(value: string | Date | null | undefined, locale: Locale | string): string {
  if (!value) return "—"
  const d = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(d.getTime())) return "—"
  // vi: 29/01/2025; en: 29 Jan 2025 (unambiguous for every English-speaking market).
  const opts: Intl.DateTimeFormatOptions =
    locale === "en"
      ? { day: "numeric", month: "short", year: "numeric", timeZone: "Asia/Ho_Chi_Minh" }
      : { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Asia/Ho_Chi_Minh" }
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "vi-VN", opts).format(d)
}
