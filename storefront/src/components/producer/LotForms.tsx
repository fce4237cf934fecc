"use client"

import { useLocale, useTranslations } from "next-intl"
import { useActionState } from "react"
import type { PortalFormState } from "@/lib/data/producer"
import { producerAssignGtin, producerRecordLot } from "@/lib/data/producer-lots"
import { Field, FormMessage } from "./Field"
import styles from "./portal.module.css"

export type VariantOption = { id: string; label: string; gtin: string | null }

/** Gives one of the producer's variants its GTIN (check digit checked by the backend). */
export function GtinForm({ variant }: { variant: VariantOption }) {
  const t = useTranslations("producer.portal.lots")
  const locale = useLocale()
  const [state, action, pending] = useActionState<PortalFormState, FormData>(producerAssignGtin, null)
  return (
    <form action={action} className="form-grid two" data-testid={`gtin-form-${variant.id}`}>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="variant_id" value={variant.id} />
      <Field
        name="gtin"
        label={`${variant.label} — ${t("gtin")}`}
        inputMode="numeric"
        pattern="[0-9 ]{8,16}"
        required
        defaultValue={state?.values?.gtin ?? variant.gtin ?? ""}
        error={state?.fields?.gtin}
        testId={`gtin-input-${variant.id}`}
      />
      <div>
        <button type="submit" className="btn btn-secondary" disabled={pending} data-testid={`gtin-save-${variant.id}`}>{t("saveGtin")}</button>
        <FormMessage error={state?.ok === false && !state.fields?.gtin ? state.error : null} notice={state?.ok ? t("gtinSaved") : null} testId="gtin" />
      </div>
    </form>
  )
}

/** Records a lot of a variant that has a GTIN. */
export function RecordLotForm({ variants }: { variants: VariantOption[] }) {
  const t = useTranslations("producer.portal.lots")
  const locale = useLocale()
  const [state, action, pending] = useActionState<PortalFormState, FormData>(producerRecordLot, null)
  const v = state?.values ?? {}
  const f = state?.fields ?? {}
  return (
    <form action={action} className={styles.fieldset} data-testid="record-lot-form">
      <input type="hidden" name="locale" value={locale} />
      <Field
        kind="select"
        name="variant_id"
        label={t("variant")}
        required
        options={variants.filter((x) => x.gtin).map((x) => ({ value: x.id, label: `${x.label} (GTIN ${x.gtin})` }))}
        defaultValue={v.variant_id}
        error={f.variant_id}
        testId="lot-variant"
      />
      <div className="form-grid two">
        <Field name="lot_number" label={t("lot_number")} required maxLength={20} pattern="[A-Za-z0-9][A-Za-z0-9\-]{0,19}" defaultValue={v.lot_number} error={f.lot_number} testId="lot-number" />
        <Field name="quantity" type="number" inputMode="numeric" min={1} step={1} label={t("quantity")} required defaultValue={v.quantity} error={f.quantity} testId="lot-quantity" />
        <Field name="production_date" type="date" label={t("production_date")} required defaultValue={v.production_date} error={f.production_date} testId="lot-production-date" />
        <Field name="expiry_date" type="date" label={t("expiry_date")} defaultValue={v.expiry_date} error={f.expiry_date} testId="lot-expiry-date" />
      </div>
      <Field kind="textarea" name="notes" label={t("notes")} maxLength={2000} rows={2} defaultValue={v.notes} error={f.notes} testId="lot-notes" />
      <FormMessage error={state?.ok === false ? state.error : null} notice={state?.ok ? t("recorded") : null} testId="record-lot" />
      <button type="submit" className="btn btn-primary" disabled={pending} data-testid="lot-submit">{t("record")}</button>
    </form>
  )
}
