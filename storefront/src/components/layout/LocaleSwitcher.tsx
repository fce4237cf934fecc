"use client"

import { useLocale, useTranslations } from "next-intl"
import { useSearchParams } from "next/navigation"
import { Link, usePathname } from "@/i18n/navigation"

/** Switches language on the same page (keeps the path and the query). */
export function LocaleSwitcher() {
  const t = useTranslations("nav")
  const locale = useLocale()
  const pathname = usePathname()
  const search = useSearchParams()
  const other = locale === "vi" ? "en" : "vi"
  const query = Object.fromEntries(search.entries())
  return (
    <Link
      className="locale-switch"
      href={{ pathname, query }}
      locale={other}
      hrefLang={other}
      lang={other}
      data-testid="locale-switch"
      aria-label={`${t("language")}: ${t("switchTo")}`}
    >
      {t("switchTo")}
    </Link>
  )
}
