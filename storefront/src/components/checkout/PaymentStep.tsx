"use client"

import { useTranslations } from "next-intl"
import { useState, useTransition } from "react"
import { useRouter } from "@/i18n/navigation"
import { selectPaymentProvider } from "@/lib/data/cart-actions"
import { orderProviders } from "@/lib/util/checkout"

export function PaymentStep({ providers, selected }: { providers: string[]; selected: string | null }) {
  const t = useTranslations("checkout")
  const router = useRouter()
  const ordered = orderProviders(providers)
  const [choice, setChoice] = useState<string | null>(selected && ordered.includes(selected) ? selected : ordered[0] ?? null)
  const [error, setError] = useState<string | null>(null)
  const [pending, start] = useTransition()
  if (!ordered.length) return <p className="alert alert-warn" data-testid="no-payment">{t("noPayment")}</p>
  const label = (id: string) => (t.has(id as never) ? t(id as never) : id.replace(/^pp_/, "").replace(/_/g, " "))
  const desc = (id: string) => (t.has(`${id}_desc` as never) ? t(`${id}_desc` as never) : null)
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        if (!choice) return
        setError(null)
        start(async () => {
          const res = await selectPaymentProvider(choice)
          if (res.ok) {
            router.replace("/checkout?step=review")
            router.refresh()
          } else setError(res.error)
        })
      }}
    >
      <fieldset>
        <legend className="visually-hidden">{t("payment")}</legend>
        <div className="choice-list">
          {ordered.map((id) => (
            <label key={id} className="choice">
              <input type="radio" name="provider_id" value={id} checked={choice === id} onChange={() => setChoice(id)} data-testid="payment-option" data-provider={id} />
              <span className="choice-main">
                <strong>{label(id)}</strong>
                {desc(id) ? <span className="muted" style={{ display: "block", fontSize: "0.9rem" }}>{desc(id)}</span> : null}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {error ? <p className="alert alert-error" role="alert" data-testid="checkout-error">{error}</p> : null}
      <button type="submit" className="btn btn-primary" disabled={!choice || pending} data-testid="submit-payment">{t("review")}</button>
    </form>
  )
}
