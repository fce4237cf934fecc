"use client"

import { useTranslations } from "next-intl"
import { useActionState, useEffect } from "react"
import { useRouter } from "@/i18n/navigation"
import { saveAddress, type ActionResult } from "@/lib/data/cart-actions"
import { AddressFields, type AddressValues } from "./AddressFields"

export function AddressStep({ email, address, countries }: { email: string; address: AddressValues; countries: { code: string; label: string }[] }) {
  const t = useTranslations("checkout")
  const router = useRouter()
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(saveAddress, null)
  useEffect(() => {
    if (state?.ok) {
      router.replace("/checkout?step=delivery")
      router.refresh()
    }
  }, [state, router])
  const error = state && !state.ok ? state.error : null
  // React resets a form after its action; on an error we refill it with what was typed.
  const typed = state && !state.ok ? state.values : undefined
  return (
    <form action={action} noValidate={false} data-testid="address-form">
      <div className="field">
        <label htmlFor="email">{t("email")}</label>
        <input id="email" name="email" type="email" className="input" required autoComplete="email" defaultValue={typed?.email ?? email} aria-invalid={error === "email" ? true : undefined} data-testid="checkout-email" />
      </div>
      <AddressFields values={typed ? { ...address, ...typed } : address} countries={countries} />
      {error ? (
        <p className="alert alert-error" role="alert" data-testid="checkout-error">
          {error === "email" ? `${t("email")}: ✗` : error.startsWith("missing:") ? t("error") : error}
        </p>
      ) : null}
      <button type="submit" className="btn btn-primary" disabled={pending} data-testid="submit-address">{t("saveAddress")}</button>
    </form>
  )
}
