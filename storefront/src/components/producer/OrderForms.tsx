"use client"

import { useLocale, useTranslations } from "next-intl"
import { useActionState } from "react"
import { producerShipOrder, type PortalFormState } from "@/lib/data/producer"
import { Field, FormMessage } from "./Field"

export function ShipForm({ orderId }: { orderId: string }) {
  const t = useTranslations("producer.portal.orders")
  const locale = useLocale()
  const [state, action, pending] = useActionState<PortalFormState, FormData>(producerShipOrder, null)
  const v = state?.values ?? {}
  return (
    <form action={action} aria-labelledby="ship-title" data-testid="ship-form">
      <h2 id="ship-title">{t("shipTitle")}</h2>
      <p className="hint">{t("shipHelp")}</p>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="id" value={orderId} />
      <div className="form-grid two">
        <Field name="tracking_number" label={t("tracking")} maxLength={100} defaultValue={v.tracking_number} testId="ship-tracking" />
        <Field name="carrier" label={t("carrier")} maxLength={100} placeholder="VNPost, GHN, Viettel Post…" defaultValue={v.carrier} testId="ship-carrier" />
      </div>
      <Field name="tracking_url" type="url" label={t("trackingUrl")} placeholder="https://" defaultValue={v.tracking_url} error={state?.fields?.tracking_url} />
      <FormMessage error={state && !state.ok ? state.error : null} notice={state?.ok ? t("shipped") : null} testId="ship" />
      <button type="submit" className="btn btn-primary" disabled={pending} data-testid="ship-submit">
        {t("ship")}
      </button>
    </form>
  )
}
