"use client"

import { useTranslations } from "next-intl"
import { useEffect } from "react"
import { StateMessage } from "./States"

export type SegmentErrorProps = { error: Error & { digest?: string }; reset: () => void }

/**
 * What every route segment's error boundary (`error.tsx`) shows: a message and a retry.
 * `landmark` wraps it in the page's <main> — for the locale-level boundary, which
 * replaces the layout that would otherwise provide it.
 */
export function ErrorState({ error, reset, landmark = false }: SegmentErrorProps & { landmark?: boolean }) {
  const t = useTranslations("errors")
  const c = useTranslations("common")
  useEffect(() => {
    console.error(error)
  }, [error])
  const state = (
    <StateMessage title={t("genericTitle")} body={t("genericBody")} icon="!" testId="error-state" headingLevel={1} role="alert">
      <button type="button" className="btn btn-primary" onClick={() => reset()} data-testid="error-retry">{c("retry")}</button>
    </StateMessage>
  )
  return landmark ? <main id="main" className="container">{state}</main> : <div className="container">{state}</div>
}
