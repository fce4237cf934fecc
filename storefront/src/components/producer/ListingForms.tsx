"use client"

import { useLocale, useTranslations } from "next-intl"
import { useActionState, useState } from "react"
import {
  producerCreateListing,
  producerDeleteListing,
  producerSubmitCertification,
  producerUpdateContent,
  producerUpdateStock,
  type Listing,
  type PortalFormState,
} from "@/lib/data/producer"
import { Field, FormMessage } from "./Field"
import styles from "./portal.module.css"
import { EvidenceUploader, ImageUploader } from "./Uploader"

const GROUPS = ["food", "beverage", "herbal", "handicraft", "ornamental", "tourism"] as const

function ContentFields({ values, fields, initialImages }: { values: Record<string, string>; fields: Record<string, string>; initialImages: string[] }) {
  const t = useTranslations("producer.portal.listing")
  const groups = useTranslations("groups")
  return (
    <>
      <div className="form-grid two">
        <Field name="title_vi" label={t("titleVi")} required maxLength={200} defaultValue={values.title_vi} error={fields.title_vi} testId="listing-title-vi" />
        <Field name="title_en" label={t("titleEn")} required maxLength={200} defaultValue={values.title_en} error={fields.title_en} testId="listing-title-en" />
        <Field name="subtitle_vi" label={t("subtitleVi")} maxLength={300} defaultValue={values.subtitle_vi} error={fields.subtitle_vi} />
        <Field name="subtitle_en" label={t("subtitleEn")} maxLength={300} defaultValue={values.subtitle_en} error={fields.subtitle_en} />
      </div>
      <Field kind="textarea" name="description_vi" label={t("descriptionVi")} required maxLength={5000} defaultValue={values.description_vi} error={fields.description_vi} testId="listing-description-vi" />
      <Field kind="textarea" name="description_en" label={t("descriptionEn")} required maxLength={5000} defaultValue={values.description_en} error={fields.description_en} testId="listing-description-en" />
      <Field
        kind="select"
        name="group"
        label={t("group")}
        required
        placeholder={t("chooseGroup")}
        options={GROUPS.map((g) => ({ value: g, label: groups(g) }))}
        defaultValue={values.group}
        error={fields.group}
        testId="listing-group"
      />
      <ImageUploader initial={initialImages} error={fields.images} />
    </>
  )
}

type Row = { key: number }

/** New listing: content, images and at least one variant with VND/USD prices and stock. */
export function CreateListingForm() {
  const t = useTranslations("producer.portal.listing")
  const e = useTranslations("producer.portal.errors")
  const locale = useLocale()
  const [state, action, pending] = useActionState<PortalFormState, FormData>(producerCreateListing, null)
  const [rows, setRows] = useState<Row[]>([{ key: 0 }])
  const [next, setNext] = useState(1)
  const v = state?.values ?? {}
  const f = state?.fields ?? {}
  const images = v.images ? v.images.split("\n").filter(Boolean) : []
  return (
    <form action={action} aria-labelledby="new-listing-title" data-testid="listing-create-form">
      <h1 id="new-listing-title">{t("newTitle")}</h1>
      <p className="lead">{t("newIntro")}</p>
      <input type="hidden" name="locale" value={locale} />
      <fieldset className={styles.fieldset}>
        <legend>{t("content")}</legend>
        <ContentFields values={v} fields={f} initialImages={images} />
      </fieldset>
      <fieldset className={styles.fieldset} aria-describedby="variants-hint">
        <legend>{t("variants")}</legend>
        <p id="variants-hint" className="hint">
          {t("variantsHint")}
        </p>
        {rows.map((row, i) => (
          <div key={row.key} className={styles.variantGrid} role="group" aria-label={t("variant", { n: i + 1 })} data-testid={`variant-row-${i}`}>
            <Field name={`variants.${i}.title`} label={t("variantTitle")} required maxLength={100} defaultValue={v[`variants.${i}.title`]} error={f[`variants.${i}.title`]} testId={`variant-${i}-title`} />
            <Field name={`variants.${i}.sku`} label={t("sku")} maxLength={64} pattern="[A-Za-z0-9._\-]+" defaultValue={v[`variants.${i}.sku`]} error={f[`variants.${i}.sku`]} />
            <Field name={`variants.${i}.vnd`} type="number" inputMode="numeric" min={1000} step={1} label={t("priceVnd")} required defaultValue={v[`variants.${i}.vnd`]} error={f[`variants.${i}.vnd`]} testId={`variant-${i}-vnd`} />
            <Field name={`variants.${i}.usd`} type="number" inputMode="decimal" min={0.01} step={0.01} label={t("priceUsd")} required defaultValue={v[`variants.${i}.usd`]} error={f[`variants.${i}.usd`]} testId={`variant-${i}-usd`} />
            <Field name={`variants.${i}.stock`} type="number" inputMode="numeric" min={0} step={1} label={t("stock")} required defaultValue={v[`variants.${i}.stock`] ?? "0"} error={f[`variants.${i}.stock`]} testId={`variant-${i}-stock`} />
            <div className="field">
              {rows.length > 1 ? (
                <button type="button" className="btn btn-ghost btn-sm" onClick={() => setRows((r) => r.filter((x) => x.key !== row.key))} aria-label={t("removeVariant", { n: i + 1 })}>
                  ✕
                </button>
              ) : null}
            </div>
          </div>
        ))}
        {f.variants ? <p className={styles.fieldError}>{e("variants")}</p> : null}
        {rows.length < 20 ? (
          <button
            type="button"
            className="btn btn-outline btn-sm"
            onClick={() => {
              setRows((r) => [...r, { key: next }])
              setNext((n) => n + 1)
            }}
            data-testid="add-variant"
          >
            {t("addVariant")}
          </button>
        ) : null}
      </fieldset>
      <FormMessage error={state && !state.ok ? (state.error ?? e("formHasErrors")) : null} testId="listing-create" />
      <button type="submit" className="btn btn-primary" disabled={pending} data-testid="listing-create-submit">
        {t("create")}
      </button>
    </form>
  )
}

const NOTICES = ["stockSaved", "sentToReview", "saved", "nothingChanged"] as const

/** Prices and stock: applied at once. */
export function StockForm({ listing }: { listing: Listing }) {
  const t = useTranslations("producer.portal.listing")
  const e = useTranslations("producer.portal.errors")
  const locale = useLocale()
  const [state, action, pending] = useActionState<PortalFormState, FormData>(producerUpdateStock, null)
  const v = state?.values ?? {}
  const f = state?.fields ?? {}
  return (
    <form action={action} aria-labelledby="stock-title" data-testid="listing-stock-form">
      <h2 id="stock-title">{t("stockTitle")}</h2>
      <p className="hint">{t("stockHelp")}</p>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="id" value={listing.id} />
      {listing.variants.map((variant, i) => (
        <fieldset key={variant.id} className={styles.fieldset}>
          <legend>
            {variant.title}
            {variant.sku ? <span className="muted"> · {variant.sku}</span> : null}
          </legend>
          <input type="hidden" name={`variants.${i}.id`} value={variant.id} />
          <div className="form-grid two">
            <Field name={`variants.${i}.vnd`} type="number" inputMode="numeric" min={1000} step={1} label={t("priceVnd")} required defaultValue={v[`variants.${i}.vnd`] ?? String(variant.prices.vnd ?? "")} error={f[`variants.${i}.vnd`]} testId={`stock-${i}-vnd`} />
            <Field name={`variants.${i}.usd`} type="number" inputMode="decimal" min={0.01} step={0.01} label={t("priceUsd")} required defaultValue={v[`variants.${i}.usd`] ?? String(variant.prices.usd ?? "")} error={f[`variants.${i}.usd`]} testId={`stock-${i}-usd`} />
            <Field
              name={`variants.${i}.stock`}
              type="number"
              inputMode="numeric"
              min={0}
              step={1}
              label={t("stock")}
              hint={variant.reserved ? t("reserved", { count: variant.reserved }) : undefined}
              required
              defaultValue={v[`variants.${i}.stock`] ?? String(variant.stock ?? 0)}
              error={f[`variants.${i}.stock`]}
              testId={`stock-${i}-stock`}
            />
          </div>
        </fieldset>
      ))}
      <FormMessage
        error={state && !state.ok ? (state.error ?? e("formHasErrors")) : null}
        notice={state?.ok && state.notice && (NOTICES as readonly string[]).includes(state.notice) ? t(state.notice as any) : null}
        testId="listing-stock"
      />
      <button type="submit" className="btn btn-primary" disabled={pending} data-testid="listing-stock-submit">
        {t("saveStock")}
      </button>
    </form>
  )
}

/** Content edits: a published listing goes back to review. */
export function ContentForm({ listing }: { listing: Listing }) {
  const t = useTranslations("producer.portal.listing")
  const e = useTranslations("producer.portal.errors")
  const locale = useLocale()
  const [state, action, pending] = useActionState<PortalFormState, FormData>(producerUpdateContent, null)
  const base: Record<string, string> = {
    title_vi: listing.title_vi,
    title_en: listing.title_en ?? "",
    subtitle_vi: listing.subtitle_vi ?? "",
    subtitle_en: listing.subtitle_en ?? "",
    description_vi: listing.description_vi ?? "",
    description_en: listing.description_en ?? "",
    group: listing.group ?? "",
  }
  const v = { ...base, ...(state?.values ?? {}) }
  return (
    <form action={action} aria-labelledby="content-title" data-testid="listing-content-form">
      <h2 id="content-title">{t("content")}</h2>
      {listing.status === "published" ? <p className="alert alert-warn">{t("reviewWarning")}</p> : null}
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="id" value={listing.id} />
      <ContentFields values={v} fields={state?.fields ?? {}} initialImages={listing.images} />
      <FormMessage
        error={state && !state.ok ? (state.error ?? e("formHasErrors")) : null}
        notice={state?.ok && state.notice && (NOTICES as readonly string[]).includes(state.notice) ? t(state.notice as any) : null}
        testId="listing-content"
      />
      <button type="submit" className="btn btn-primary" disabled={pending} data-testid="listing-content-submit">
        {t("saveContent")}
      </button>
    </form>
  )
}

export function CertificationForm({ listing }: { listing: Listing }) {
  const t = useTranslations("producer.portal.cert")
  const e = useTranslations("producer.portal.errors")
  const locale = useLocale()
  const [state, action, pending] = useActionState<PortalFormState, FormData>(producerSubmitCertification, null)
  const v = state?.values ?? {}
  const f = state?.fields ?? {}
  if (state?.ok) {
    return (
      <p className="alert alert-ok" role="status" data-testid="certification-submitted">
        {t("submitted")}
      </p>
    )
  }
  if (listing.certifications.some((c) => c.status === "pending_review")) {
    return <p className="alert alert-info">{t("pendingNote")}</p>
  }
  return (
    <form action={action} aria-labelledby="cert-title" data-testid="certification-form">
      <h2 id="cert-title">{t("title")}</h2>
      <p className="hint">{t("help")}</p>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="id" value={listing.id} />
      <div className="form-grid two">
        <Field name="certificate_number" label={t("certificate_number")} required maxLength={64} pattern="[A-Za-z0-9_.\/\-]+" defaultValue={v.certificate_number} error={f.certificate_number} testId="cert-number" />
        <Field name="decision_number" label={t("decision_number")} required maxLength={100} placeholder="…/QĐ-UBND" defaultValue={v.decision_number} error={f.decision_number} testId="cert-decision" />
        <Field name="decision_date" type="date" label={t("decision_date")} required defaultValue={v.decision_date} error={f.decision_date} testId="cert-date" />
        <Field
          kind="select"
          name="authority_level"
          label={t("authority_level")}
          required
          placeholder={t("chooseLevel")}
          options={(["district", "province", "central"] as const).map((l) => ({ value: l, label: t(`levels.${l}`) }))}
          defaultValue={v.authority_level}
          error={f.authority_level}
          testId="cert-level"
        />
      </div>
      <Field name="issuing_authority" label={t("issuing_authority")} required maxLength={200} placeholder="UBND thành phố Huế" defaultValue={v.issuing_authority} error={f.issuing_authority} testId="cert-authority" />
      <div className="form-grid two">
        <Field name="score" type="number" inputMode="numeric" min={0} max={100} step={1} label={t("score")} required defaultValue={v.score} error={f.score} testId="cert-score" />
        <Field name="stars" type="number" inputMode="numeric" min={1} max={5} step={1} label={t("stars")} required defaultValue={v.stars} error={f.stars} testId="cert-stars" />
      </div>
      <div className="field">
        <label className="check">
          <input type="checkbox" name="potential_five_star" /> {t("potential")}
        </label>
      </div>
      <Field name="subgroup" label={t("subgroup")} maxLength={200} defaultValue={v.subgroup} error={f.subgroup} />
      <EvidenceUploader error={f.evidence_url} />
      <FormMessage error={state && !state.ok ? (state.error ?? e("formHasErrors")) : null} testId="certification" />
      <button type="submit" className="btn btn-primary" disabled={pending} data-testid="certification-submit">
        {t("submit")}
      </button>
    </form>
  )
}

export function DeleteListingForm({ listing }: { listing: Listing }) {
  const t = useTranslations("producer.portal.listing")
  const locale = useLocale()
  const [state, action, pending] = useActionState<PortalFormState, FormData>(producerDeleteListing, null)
  const [confirmed, setConfirmed] = useState(false)
  return (
    <form action={action} aria-labelledby="delete-title" data-testid="listing-delete-form">
      <h2 id="delete-title">{t("delete")}</h2>
      <p className="hint">{t("deleteHelp")}</p>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="id" value={listing.id} />
      <div className="field">
        <label className="check">
          <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} /> {t("deleteConfirm")}
        </label>
      </div>
      <FormMessage error={state && !state.ok ? state.error : null} testId="listing-delete" />
      <button type="submit" className="btn btn-outline" disabled={!confirmed || pending}>
        {t("delete")}
      </button>
    </form>
  )
}
