"use client"

import { useTranslations } from "next-intl"
import { useEffect } from "react"

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors")
  const c = useTranslations("common")
  useEffect(() => {
    console.error(error)
  }, [error])
  return (
    <div className="container">
      <div className="state" role="alert" data-testid="error-state">
        <div className="state-ic" aria-hidden="true">!</div>
        <h1>{t("genericTitle")}</h1>
        <p>{t("genericBody")}</p>
        <button type="button" className="btn btn-primary" onClick={() => reset()} data-testid="error-retry">{c("retry")}</button>
      </div>
    </div>
  )
}
