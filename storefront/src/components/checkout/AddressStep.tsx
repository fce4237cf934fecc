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
  // The server names the fields it refused ("email", "missing:first_name,city"): they are marked and tied to the message.
  const invalid = error === "email" ? ["email"] : error?.startsWith("missing:") ? error.slice("missing:".length).split(",") : []
  const labels: Record<string, string> = {
    first_name: t("firstName"), last_name: t("lastName"), address_1: t("address1"), city: t("city"), country_code: t("country"),
  }
  return (
    <form action={action} noValidate={false} data-testid="address-form">
      <div className="field">
        <label htmlFor="email">{t("email")}</label>
        <input id="email" name="email" type="email" className="input" required autoComplete="email" defaultValue={typed?.email ?? email} aria-invalid={invalid.includes("email") ? true : undefined} aria-describedby={invalid.includes("email") ? "address-error" : undefined} data-testid="checkout-email" />
      </div>
      <AddressFields values={typed ? { ...address, ...typed } : address} countries={countries} invalid={invalid} errorId="address-error" />
      {error ? (
        <p className="alert alert-error" role="alert" id="address-error" data-testid="checkout-error">
          {error === "email"
            ? t("emailInvalid")
            : invalid.length
              ? t("missingFields", { fields: invalid.map((k) => labels[k] ?? k).join(", ") })
              : error}
        </p>
      ) : null}
      <button type="submit" className="btn btn-primary" disabled={pending} data-testid="submit-address">{t("saveAddress")}</button>
    </form>
  )
}
