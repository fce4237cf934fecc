"use client"

import { useTranslations } from "next-intl"
import { useEffect, useRef, useState } from "react"

type CardElement = { mount: (el: HTMLElement) => void; destroy: () => void }
export type StripeLike = {
  elements: () => { create: (type: "card", opts?: unknown) => CardElement }
  confirmCardPayment: (secret: string, data: { payment_method: { card: CardElement } }) => Promise<{ error?: { message?: string }; paymentIntent?: { status: string } }>
}
declare global {
  interface Window { Stripe?: (key: string) => StripeLike }
}

const STRIPE_JS = "https://js.stripe.com/v3/"

/**
 * Card form: loads Stripe.js with NEXT_PUBLIC_STRIPE_KEY and mounts a Card
 * Element. When the key is missing or Stripe.js cannot load (offline, blocked),
 * it says so clearly and the shopper picks another method.
 */
export function StripeCard({ onReady }: { onReady?: (stripe: StripeLike, card: CardElement) => void }) {
  const t = useTranslations("checkout")
  const key = process.env.NEXT_PUBLIC_STRIPE_KEY
  const [state, setState] = useState<"loading" | "ready" | "unavailable">(key ? "loading" : "unavailable")
  const mountRef = useRef<HTMLDivElement>(null)
  const readyRef = useRef(onReady)
  useEffect(() => {
    readyRef.current = onReady
  }, [onReady])

  useEffect(() => {
    if (!key) return
    let cancelled = false
    let destroy: (() => void) | undefined
    const fail = () => !cancelled && setState("unavailable")
    const mount = () => {
      if (cancelled || !window.Stripe || !mountRef.current) return fail()
      try {
        const stripe = window.Stripe(key)
        const card = stripe.elements().create("card", { hidePostalCode: true })
        card.mount(mountRef.current)
        destroy = () => card.destroy()
        setState("ready")
        readyRef.current?.(stripe, card)
      } catch {
        fail()
      }
    }
    const timer = setTimeout(fail, 8000)
    if (window.Stripe) {
      clearTimeout(timer)
      mount()
    } else {
      const s = document.createElement("script")
      s.src = STRIPE_JS
      s.async = true
      s.onload = () => { clearTimeout(timer); mount() }
      s.onerror = () => { clearTimeout(timer); fail() }
      document.head.appendChild(s)
    }
    return () => {
      cancelled = true
      clearTimeout(timer)
      destroy?.()
    }
  }, [key])

  return (
    <div className="stripe-card" data-testid="stripe-card" data-state={state}>
      <p className="label">{t("stripeCard")}</p>
      {state === "unavailable" ? (
        <p className="alert alert-warn" role="alert" data-testid="stripe-unavailable">{t("stripeUnavailable")}</p>
      ) : (
        <>
          {state === "loading" ? <p className="muted" role="status">{t("stripeLoading")}</p> : null}
          <div ref={mountRef} className="stripe-mount" />
        </>
      )}
    </div>
  )
}
