import { defineRouting } from "next-intl/routing"
import { DEFAULT_LOCALE, LOCALES } from "../lib/util/locale"

export const routing = defineRouting({
  locales: LOCALES,
  defaultLocale: DEFAULT_LOCALE,
  localePrefix: "always",
  // The shopper's explicit choice (the switcher) wins over Accept-Language.
  localeCookie: { name: "NEXT_LOCALE", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 },
})
