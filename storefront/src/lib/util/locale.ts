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

// Intl tags and the shop's date format are shared with the backend's e-mails: backend/src/contract/display.ts.
export { formatDate, intlLocale } from "@hue-ocop/backend/display"
