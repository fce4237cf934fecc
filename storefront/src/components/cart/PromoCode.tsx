"use client"

import { useTranslations } from "next-intl"
import { useState, useTransition } from "react"
import { useRouter } from "@/i18n/navigation"
import { applyPromotion, removePromotion } from "@/lib/data/cart-actions"

export function PromoCode({ applied }: { applied: string[] }) {
  const t = useTranslations("cart")
  const router = useRouter()
  const [code, setCode] = useState("")
  const [error, setError] = useState<string | null>(null)
  const [pending, start] = useTransition()

  function submit(e: React.FormEvent) {
    e.preventDefault()
    if (!code.trim()) return
    setError(null)
    start(async () => {
      const res = await applyPromotion(code)
      if (res.ok) setCode("")
      else setError(res.error)
      router.refresh()
    })
  }

  return (
    <div className="promo">
      <form onSubmit={submit} className="promo-form">
        <div className="field" style={{ flex: 1, margin: 0 }}>
          <label htmlFor="promo-code">{t("promo")}</label>
          <input id="promo-code" className="input" value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" aria-invalid={error ? true : undefined} aria-describedby={error ? "promo-error" : undefined} data-testid="promo-input" />
        </div>
        <button type="submit" className="btn btn-outline" disabled={pending} data-testid="promo-apply">{t("promoApply")}</button>
      </form>
      {error ? <p id="promo-error" className="alert alert-error" role="alert" data-testid="promo-error">{error}</p> : null}
      {applied.length ? (
        <div className="chips" aria-label={t("promoApplied")} role="group" style={{ marginTop: "0.75rem" }}>
          {applied.map((c) => (
            <button
              key={c}
              type="button"
              className="chip"
              data-testid="promo-applied"
              aria-label={t("promoRemove", { code: c })}
              onClick={() => start(async () => { await removePromotion(c); router.refresh() })}
            >
              {c} <span aria-hidden="true">×</span>
            </button>
          ))}
        </div>
      ) : null}
    </div>
  )
}
