"use client"

import type { HttpTypes } from "@medusajs/types"
import { useTranslations } from "next-intl"
import { useActionState, useEffect, useRef, useTransition } from "react"
import { AddressFields } from "@/components/checkout/AddressFields"
import { useRouter } from "@/i18n/navigation"
import { addAddress, deleteAddress, type FormState } from "@/lib/data/customer-actions"

export function AddressBook({ addresses, countries }: { addresses: HttpTypes.StoreCustomerAddress[]; countries: { code: string; label: string }[] }) {
  const t = useTranslations("account")
  const router = useRouter()
  const [state, action, pending] = useActionState<FormState, FormData>(addAddress, null)
  const [deleting, start] = useTransition()
  const formRef = useRef<HTMLFormElement>(null)
  useEffect(() => {
    if (state?.ok) {
      formRef.current?.reset()
      router.refresh()
    }
  }, [state, router])
  return (
    <div className="address-book">
      {addresses.length ? (
        <ul className="grid-3" role="list" style={{ listStyle: "none", padding: 0 }} data-testid="address-list">
          {addresses.map((a) => (
            <li key={a.id} className="card" style={{ padding: "1.1rem" }} data-testid="address-card">
              <address style={{ fontStyle: "normal" }}>
                <strong>{[a.last_name, a.first_name].filter(Boolean).join(" ")}</strong>
                <br />
                {[a.address_1, a.address_2].filter(Boolean).join(", ")}
                <br />
                {[a.city, a.province, a.postal_code].filter(Boolean).join(", ")} · {a.country_code?.toUpperCase()}
                {a.phone ? (<><br />{a.phone}</>) : null}
              </address>
              <button
                type="button"
                className="link-button"
                style={{ marginTop: "0.5rem" }}
                disabled={deleting}
                onClick={() => start(async () => { await deleteAddress(a.id); router.refresh() })}
                data-testid="address-delete"
              >
                {t("deleteAddress")}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted" data-testid="no-addresses">{t("noAddresses")}</p>
      )}
      <form ref={formRef} action={action} className="card" style={{ padding: "1.5rem", marginTop: "1.5rem" }} data-testid="address-form" aria-labelledby="add-address-title">
        <h2 id="add-address-title" style={{ fontSize: "1.2rem" }}>{t("addAddress")}</h2>
        <AddressFields countries={countries} prefix="new-" />
        {state && !state.ok ? <p className="alert alert-error" role="alert">{state.error}</p> : null}
        <button type="submit" className="btn btn-primary" disabled={pending} data-testid="address-save">{t("saveAddress")}</button>
      </form>
    </div>
  )
}
