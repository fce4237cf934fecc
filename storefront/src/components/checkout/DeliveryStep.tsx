"use client"

import { useLocale, useTranslations } from "next-intl"
import { useState, useTransition } from "react"
import { useRouter } from "@/i18n/navigation"
import { setShippingMethod } from "@/lib/data/cart-actions"
import { formatMoney } from "@/lib/util/money"

export type ShippingView = { id: string; name: string; amount: number | null }

export function DeliveryStep({ options, selected, currency }: { options: ShippingView[]; selected: string | null; currency: string }) {
  const t = useTranslations("checkout")
  const c = useTranslations("common")
  const locale = useLocale()
  const router = useRouter()
  const [choice, setChoice] = useState<string | null>(selected ?? options[0]?.id ?? null)
  const [error, setError] = useState<string | null>(null)
  const [pending, start] = useTransition()
  if (!options.length) return <p className="alert alert-warn" data-testid="no-shipping">{t("noShipping")}</p>
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        if (!choice) return
        setError(null)
        start(async () => {
          const res = await setShippingMethod(choice)
          if (res.ok) {
            router.replace("/checkout?step=payment")
            router.refresh()
          } else setError(res.error)
        })
      }}
    >
      <fieldset>
        <legend className="visually-hidden">{t("delivery")}</legend>
        <div className="choice-list">
          {options.map((o) => (
            <label key={o.id} className="choice">
              <input type="radio" name="shipping_option" value={o.id} checked={choice === o.id} onChange={() => setChoice(o.id)} data-testid="shipping-option" />
              <span className="choice-main">{o.name}</span>
              <span className="choice-side tabular">{o.amount === 0 ? c("free") : o.amount === null ? "—" : formatMoney(o.amount, currency, locale)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {error ? <p className="alert alert-error" role="alert" data-testid="checkout-error">{error}</p> : null}
      <button type="submit" className="btn btn-primary" disabled={!choice || pending} data-testid="submit-delivery">{t("saveDelivery")}</button>
    </form>
  )
}
