"use client"

import { useLocale, useTranslations } from "next-intl"
import { useActionState } from "react"
import {
  producerApply,
  producerUpdateMailPreferences,
  producerUpdateProfile,
  type PortalFormState,
  type ProducerMailPreferences,
  type ProducerProfile,
} from "@/lib/data/producer"
import { CURRENT_ADMIN_UNITS, unitLabel } from "@hue-ocop/backend/ocop-contract"
import { Field, FormMessage } from "./Field"
import styles from "./portal.module.css"

const TYPES = ["cooperative", "enterprise", "cooperative_group", "household"] as const

/** The 40 current wards and communes of thành phố Huế (admin-units-2025.json), alphabetically. */
const UNIT_OPTIONS = [...CURRENT_ADMIN_UNITS]
  .sort((a, b) => a.name.localeCompare(b.name, "vi"))
  .map((u) => ({ value: u.name, label: unitLabel(u, "vi") }))

/** The application: legal details, public profile and the representative. */
export function ApplyForm({ email }: { email: string | null }) {
  const t = useTranslations("producer.portal.apply")
  const types = useTranslations("producerTypes")
  const e = useTranslations("producer.portal.errors")
  const a = useTranslations("producer.portal.auth")
  const locale = useLocale()
  const [state, action, pending] = useActionState<PortalFormState, FormData>(producerApply, null)
  const v = state?.values ?? {}
  const f = state?.fields ?? {}
  return (
    <form action={action} aria-labelledby="apply-title" data-testid="producer-apply-form">
      <h1 id="apply-title">{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      {email ? <p className="muted">{t("signedUpAs", { email })}</p> : null}
      <input type="hidden" name="locale" value={locale} />
      <fieldset className={styles.fieldset}>
        <legend>{t("legal")}</legend>
        <Field name="legal_name" label={t("legal_name")} required maxLength={300} defaultValue={v.legal_name} error={f.legal_name} testId="apply-legal-name" />
        <div className="form-grid two">
          <Field
            kind="select"
            name="type"
            label={t("type")}
            required
            placeholder={t("chooseType")}
            options={TYPES.map((x) => ({ value: x, label: types(x) }))}
            defaultValue={v.type}
            error={f.type}
            testId="apply-type"
          />
          <Field name="registration_number" label={t("registration_number")} required maxLength={100} defaultValue={v.registration_number} error={f.registration_number} testId="apply-registration" />
        </div>
        <Field name="street" label={t("street")} maxLength={300} autoComplete="address-line1" defaultValue={v.street} error={f.street} />
        <div className="form-grid two">
          <Field
            kind="select"
            name="commune"
            label={t("commune")}
            hint={t("communeHint")}
            required
            placeholder={t("chooseCommune")}
            options={UNIT_OPTIONS}
            defaultValue={v.commune}
            error={f.commune}
            testId="apply-commune"
          />
          <Field name="former_commune" label={t("former_commune")} maxLength={120} defaultValue={v.former_commune} error={f.former_commune} testId="apply-former-commune" />
        </div>
        <Field name="district" label={t("district")} maxLength={120} defaultValue={v.district} error={f.district} testId="apply-district" />
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>{t("owner")}</legend>
        <div className="form-grid two">
          <Field name="owner.last_name" label={a("lastName")} required autoComplete="family-name" defaultValue={v["owner.last_name"]} error={f["owner.last_name"]} testId="apply-owner-last" />
          <Field name="owner.first_name" label={a("firstName")} required autoComplete="given-name" defaultValue={v["owner.first_name"]} error={f["owner.first_name"]} testId="apply-owner-first" />
        </div>
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>{t("public")}</legend>
        <div className="form-grid two">
          <Field name="phone" type="tel" label={t("phone")} autoComplete="tel" pattern="[+0-9 \(\)\-]*" defaultValue={v.phone} error={f.phone} />
          <Field name="email" type="email" label={t("email")} defaultValue={v.email} error={f.email} />
        </div>
        <Field name="website" type="url" label={t("website")} placeholder="https://" defaultValue={v.website} error={f.website} />
        <Field kind="textarea" name="story_vi" label={t("story_vi")} maxLength={5000} defaultValue={v.story_vi} error={f.story_vi} />
        <Field kind="textarea" name="story_en" label={t("story_en")} maxLength={5000} defaultValue={v.story_en} error={f.story_en} />
      </fieldset>
      <FormMessage error={state && !state.ok ? (state.error ?? e("formHasErrors")) : null} testId="apply" />
      <button type="submit" className="btn btn-primary" disabled={pending} data-testid="apply-submit">
        {t("submit")}
      </button>
    </form>
  )
}

/** Profile edits: legal fields are read-only once approved. */
export function ProfileForm({ producer, legalEditable }: { producer: ProducerProfile; legalEditable: boolean }) {
  const t = useTranslations("producer.portal.apply")
  const p = useTranslations("producer.portal.profile")
  const e = useTranslations("producer.portal.errors")
  const locale = useLocale()
  const [state, action, pending] = useActionState<PortalFormState, FormData>(producerUpdateProfile, null)
  const v = { ...Object.fromEntries(Object.entries(producer).map(([k, x]) => [k, x == null ? "" : String(x)])), ...(state?.values ?? {}) }
  const f = state?.fields ?? {}
  return (
    <form action={action} aria-labelledby="profile-title" data-testid="producer-profile-form">
      <h1 id="profile-title">{p("title")}</h1>
      <p className="muted">{p("handle", { handle: producer.handle })}</p>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="legal_editable" value={legalEditable ? "1" : "0"} />
      <fieldset className={styles.fieldset}>
        <legend>{t("legal")}</legend>
        {legalEditable ? (
          <>
            <Field name="legal_name" label={t("legal_name")} required defaultValue={v.legal_name} error={f.legal_name} />
            <Field name="registration_number" label={t("registration_number")} required defaultValue={v.registration_number} error={f.registration_number} />
            <Field name="street" label={t("street")} defaultValue={v.street} error={f.street} />
            <div className="form-grid two">
              <Field kind="select" name="commune" label={t("commune")} required placeholder={t("chooseCommune")} options={UNIT_OPTIONS} defaultValue={v.commune} error={f.commune} />
              <Field name="district" label={t("district")} defaultValue={v.district} error={f.district} />
            </div>
          </>
        ) : (
          <>
            <p className="alert alert-info">{p("legalLocked")}</p>
            <dl className="dl">
              <dt>{t("legal_name")}</dt>
              <dd>{producer.legal_name}</dd>
              <dt>{t("registration_number")}</dt>
              <dd>{producer.registration_number}</dd>
              <dt>{t("commune")}</dt>
              <dd>{[producer.street, producer.commune, producer.district, producer.province].filter(Boolean).join(", ")}</dd>
            </dl>
          </>
        )}
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>{t("public")}</legend>
        <div className="form-grid two">
          <Field name="phone" type="tel" label={t("phone")} pattern="[+0-9 \(\)\-]*" defaultValue={v.phone} error={f.phone} testId="profile-phone" />
          <Field name="email" type="email" label={t("email")} defaultValue={v.email} error={f.email} />
        </div>
        <Field name="website" type="url" label={t("website")} placeholder="https://" defaultValue={v.website} error={f.website} />
        <Field name="logo_url" type="url" label={p("logo_url")} placeholder="https://" defaultValue={v.logo_url} error={f.logo_url} />
        <Field kind="textarea" name="story_vi" label={t("story_vi")} maxLength={5000} defaultValue={v.story_vi} error={f.story_vi} />
        <Field kind="textarea" name="story_en" label={t("story_en")} maxLength={5000} defaultValue={v.story_en} error={f.story_en} />
      </fieldset>
      <FormMessage
        error={state && !state.ok ? (state.error ?? e("formHasErrors")) : null}
        notice={state?.ok ? p("saved") : null}
        testId="profile"
      />
      <button type="submit" className="btn btn-primary" disabled={pending} data-testid="profile-submit">
        {p("save")}
      </button>
    </form>
  )
}

/** The producer's mail: language and non-essential messages (the owner decides; members see the choice). */
export function MailPreferencesForm({ preferences, editable }: { preferences: ProducerMailPreferences; editable: boolean }) {
  const p = useTranslations("producer.portal.profile")
  const e = useTranslations("producer.portal.errors")
  const locale = useLocale()
  const [state, action, pending] = useActionState<PortalFormState, FormData>(producerUpdateMailPreferences, null)
  return (
    <form action={action} id="notifications" aria-labelledby="mail-title" data-testid="producer-mail-preferences">
      <fieldset className={styles.fieldset} disabled={!editable}>
        <legend id="mail-title">{p("mailTitle")}</legend>
        <input type="hidden" name="locale" value={locale} />
        <Field
          kind="select"
          name="mail_locale"
          label={p("mailLocale")}
          options={[
            { value: "vi", label: "Tiếng Việt" },
            { value: "en", label: "English" },
          ]}
          defaultValue={preferences.locale}
          testId="mail-locale"
        />
        <div className="field">
          <label className="check">
            <input type="checkbox" name="non_essential" defaultChecked={preferences.non_essential} data-testid="mail-non-essential" /> {p("mailNonEssential")}
          </label>
        </div>
        <p className="hint">{p("mailEssentialNote")}</p>
        {editable ? null : <p className="hint">{p("mailOwnerOnly")}</p>}
      </fieldset>
      <FormMessage error={state && !state.ok ? (state.error ?? e("formHasErrors")) : null} notice={state?.ok ? p("saved") : null} testId="mail" />
      {editable ? (
        <button type="submit" className="btn btn-outline" disabled={pending} data-testid="mail-save">
          {p("mailSave")}
        </button>
      ) : null}
    </form>
  )
}
