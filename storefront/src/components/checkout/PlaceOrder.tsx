"use client"

import { useLocale, useTranslations } from "next-intl"
import { useRef, useState, useTransition } from "react"
import { placeOrder } from "@/lib/data/cart-actions"
import { StripeCard, type StripeLike } from "./StripeCard"

type Props = { disabled: boolean; totalLabel: string; provider: string | null; stripeClientSecret?: string | null }

/** Places the order. With Stripe, the card is confirmed in the browser first (Stripe.js), then the cart is completed. */
export function PlaceOrder({ disabled, totalLabel, provider, stripeClientSecret }: Props) {
  const t = useTranslations("checkout")
  const locale = useLocale()
  const [error, setError] = useState<string | null>(null)
  const [pending, start] = useTransition()
  const stripeRef = useRef<{ stripe: StripeLike; card: Parameters<StripeLike["confirmCardPayment"]>[1]["payment_method"]["card"] } | null>(null)
  const [stripeReady, setStripeReady] = useState(false)
  const isStripe = provider === "pp_stripe_stripe"
  const blocked = disabled || (isStripe && (!stripeReady || !stripeClientSecret))

  return (
    <div>
      {isStripe ? (
        <StripeCard
          onReady={(stripe, card) => {
            stripeRef.current = { stripe, card }
            setStripeReady(true)
          }}
        />
      ) : null}
      <p className="muted">{t("terms", { total: totalLabel })}</p>
      {error ? <p className="alert alert-error" role="alert" data-testid="checkout-error">{error}</p> : null}
      <button
        type="button"
        className="btn btn-primary btn-block"
        style={{ minHeight: 52, fontSize: "1.1rem" }}
        disabled={blocked || pending}
        data-testid="checkout-submit"
        onClick={() => {
          setError(null)
          start(async () => {
            if (isStripe && stripeRef.current && stripeClientSecret) {
              const r = await stripeRef.current.stripe.confirmCardPayment(stripeClientSecret, { payment_method: { card: stripeRef.current.card } })
              if (r.error) {
                setError(r.error.message ?? t("error"))
                return
              }
            }
            const res = await placeOrder(locale) // redirects on success
            if (res && !res.ok) setError(res.error)
          })
        }}
      >
        {pending ? t("placing") : t("placeOrder")}
      </button>
    </div>
  )
}
