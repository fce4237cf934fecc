"use client"

import { useTranslations } from "next-intl"

export default function PortalError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("producer.portal.errors")
  const c = useTranslations("common")
  return (
    <div className="container section" role="alert">
      <h1>{t("unavailable")}</h1>
      <button type="button" className="btn btn-primary" onClick={reset}>
        {c("retry")}
      </button>
    </div>
  )
}
