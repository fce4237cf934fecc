"use client"

import { useLocale, useTranslations } from "next-intl"
import { useEffect, useRef, useState, useTransition } from "react"
import { placeOrder } from "@/lib/data/cart-actions"
import { StripePayment } from "./StripePayment"

type Props = {
  disabled: boolean
  totalLabel: string
  provider: string | null
  stripeClientSecret?: string | null
  /** Back from a payment method that left the page (Stripe's return_url) with a successful status: complete the cart. */
  returnedPaid?: boolean
}

/** Places the order. With Stripe, the card is confirmed in the browser first (Payment Element), then the cart is completed. */
export function PlaceOrder({ disabled, totalLabel, provider, stripeClientSecret, returnedPaid = false }: Props) {
  const t = useTranslations("checkout")
  const locale = useLocale()
  const [error, setError] = useState<string | null>(null)
  const [pending, start] = useTransition()
  const completing = useRef(false)

  const complete = () => {
    setError(null)
    start(async () => {
      const res = await placeOrder(locale) // redirects on success
      if (res && !res.ok) setError(res.error)
    })
  }

  useEffect(() => {
    if (!returnedPaid || disabled || completing.current) return
    completing.current = true
    complete()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on arrival from the redirect
  }, [returnedPaid, disabled])

  if (provider === "pp_stripe_stripe" && !returnedPaid) {
    return stripeClientSecret ? (
      <StripePayment clientSecret={stripeClientSecret} totalLabel={totalLabel} disabled={disabled} />
    ) : (
      <p className="alert alert-warn" role="alert" data-testid="stripe-unavailable">{t("stripeUnavailable")}</p>
    )
  }

  return (
    <div>
      <p className="muted">{t("terms", { total: totalLabel })}</p>
      {error ? <p className="alert alert-error" role="alert" data-testid="checkout-error">{error}</p> : null}
      <button
        type="button"
        className="btn btn-primary btn-block"
        style={{ minHeight: 52, fontSize: "1.1rem" }}
        disabled={disabled || pending}
        data-testid="checkout-submit"
        onClick={complete}
      >
        {pending ? t("placing") : t("placeOrder")}
      </button>
    </div>
  )
}
