"use client"

import { Elements, PaymentElement, useElements, useStripe } from "@stripe/react-stripe-js"
import type { Stripe, StripeElementLocale } from "@stripe/stripe-js"
import { loadStripe } from "@stripe/stripe-js/pure"
import { useLocale, useTranslations } from "next-intl"
import { useEffect, useState, useTransition } from "react"
import { placeOrder } from "@/lib/data/cart-actions"
import { cardErrorKey } from "@/lib/util/checkout"

/**
 * `/pure`: Stripe.js is fetched only when the shopper reaches the card form, not
 * on every page that imports this module. One promise per page load, as
 * @stripe/stripe-js asks (never re-create it on render). In the browser tests a
 * stand-in for Stripe.js is already on `window.Stripe`, and loadStripe returns it.
 */
let stripePromise: Promise<Stripe | null> | null = null
function getStripe(key: string): Promise<Stripe | null> {
  stripePromise ??= loadStripe(key).catch(() => null)
  return stripePromise
}

/** Stripe.js normally loads in well under a second; after this, tell the shopper to choose another method. */
const LOAD_TIMEOUT_MS = 10_000

type Props = { clientSecret: string; totalLabel: string; disabled: boolean }

/**
 * Card payment with Stripe's Payment Element, on the PaymentIntent of the cart's
 * Medusa payment session (`session.data.client_secret`, created by
 * @medusajs/payment-stripe). The card is confirmed in the browser; then the
 * cart is completed and Medusa's provider authorises the session from the
 * PaymentIntent's status. A decline leaves the cart as it was.
 */
export function StripePayment({ clientSecret, totalLabel, disabled }: Props) {
  const t = useTranslations("checkout")
  const locale = useLocale()
  const key = process.env.NEXT_PUBLIC_STRIPE_KEY
  const [stripe, setStripe] = useState<Promise<Stripe | null> | null>(null)
  const [unavailable, setUnavailable] = useState(!key)

  useEffect(() => {
    if (!key) return
    let live = true
    const promise = getStripe(key)
    const timer = setTimeout(() => live && setUnavailable(true), LOAD_TIMEOUT_MS)
    void promise.then((s) => {
      clearTimeout(timer)
      if (!live) return
      if (s) setStripe(promise)
      else setUnavailable(true)
    })
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [key])

  return (
    <div className="stripe-card" data-testid="stripe-card" data-state={unavailable ? "unavailable" : stripe ? "loaded" : "loading"}>
      <h3 className="label" id="stripe-card-title">{t("stripeCard")}</h3>
      {unavailable ? (
        <>
          <p className="alert alert-warn" role="alert" data-testid="stripe-unavailable">{t("stripeUnavailable")}</p>
          <SubmitButton disabled label={t("placeOrder")} />
        </>
      ) : stripe ? (
        <Elements stripe={stripe} options={{ clientSecret, locale: locale as StripeElementLocale, appearance: APPEARANCE }}>
          <CardForm totalLabel={totalLabel} disabled={disabled} onLoadError={() => setUnavailable(true)} />
        </Elements>
      ) : (
        <>
          <p className="muted" role="status">{t("stripeLoading")}</p>
          <SubmitButton disabled label={t("placeOrder")} />
        </>
      )}
    </div>
  )
}

/** The site's colours and radius, so the card form looks like the rest of checkout. */
const APPEARANCE = {
  theme: "stripe" as const,
  variables: { colorPrimary: "#3d1a5c", colorDanger: "#a4161a", borderRadius: "8px", fontSizeBase: "16px" },
}

function CardForm({ totalLabel, disabled, onLoadError }: { totalLabel: string; disabled: boolean; onLoadError: () => void }) {
  const t = useTranslations("checkout")
  const locale = useLocale()
  const stripe = useStripe()
  const elements = useElements()
  const [ready, setReady] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [stage, setStage] = useState<"idle" | "confirming" | "placing">("idle")
  const [pending, start] = useTransition()

  const submit = () => {
    if (!stripe || !elements) return
    setError(null)
    start(async () => {
      // Field checks first: the Payment Element shows them next to its fields and focuses the first.
      const checked = await elements.submit()
      if (checked.error) return
      setStage("confirming")
      const confirmed = await stripe.confirmPayment({
        elements,
        // Cards never leave the page (redirect: "if_required"); methods that must
        // (bank redirects) come back to the review step, which completes the cart.
        confirmParams: { return_url: `${window.location.origin}/${locale}/checkout?step=review` },
        redirect: "if_required",
      })
      if (confirmed.error) {
        setStage("idle")
        const key = cardErrorKey(confirmed.error)
        if (confirmed.error.type === "validation_error") return
        setError(`${key ? t(key) : confirmed.error.message ?? t("error")} ${t("cardRetry")}`)
        return
      }
      setStage("placing")
      const res = await placeOrder(locale) // redirects on success
      setStage("idle")
      if (res && !res.ok) setError(res.error)
    })
  }

  return (
    <form
      aria-labelledby="stripe-card-title"
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
    >
      <div className="stripe-mount">
        <PaymentElement
          options={{ layout: "tabs" }}
          onReady={() => setReady(true)}
          onLoadError={onLoadError}
        />
      </div>
      <p className="muted">{t("terms", { total: totalLabel })}</p>
      {stage === "confirming" ? <p className="muted" role="status">{t("stripeProcessing")}</p> : null}
      {error ? <p className="alert alert-error" role="alert" data-testid="checkout-error">{error}</p> : null}
      <SubmitButton disabled={disabled || !ready || !stripe || !elements || pending} label={pending ? t("placing") : t("placeOrder")} submit />
    </form>
  )
}

function SubmitButton({ disabled, label, submit = false }: { disabled: boolean; label: string; submit?: boolean }) {
  return (
    <button type={submit ? "submit" : "button"} className="btn btn-primary btn-block" style={{ minHeight: 52, fontSize: "1.1rem" }} disabled={disabled} data-testid="checkout-submit">
      {label}
    </button>
  )
}
