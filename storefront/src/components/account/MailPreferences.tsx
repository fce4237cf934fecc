"use client"

import { useLocale, useTranslations } from "next-intl"
import { useActionState } from "react"
import { updateMailPreferences, type FormState } from "@/lib/data/customer-actions"

/** The shopper's switch for non-essential mail; order, payment and security mail always goes. */
export function MailPreferences({ nonEssential }: { nonEssential: boolean }) {
  const t = useTranslations("account")
  const locale = useLocale()
  const [state, action, pending] = useActionState<FormState, FormData>(updateMailPreferences, null)
  const checked = state?.ok && state.values ? state.values.non_essential === "true" : nonEssential
  return (
    <form action={action} className="card" id="notifications" aria-labelledby="mail-prefs-title" data-testid="account-mail-preferences">
      <h2 id="mail-prefs-title">{t("mailTitle")}</h2>
      <input type="hidden" name="locale" value={locale} />
      <div className="field">
        <label className="check">
          <input type="checkbox" name="non_essential" defaultChecked={checked} key={String(checked)} data-testid="mail-non-essential" /> {t("mailNonEssential")}
        </label>
      </div>
      <p className="hint">{t("mailEssentialNote")}</p>
      {state?.ok ? <p className="alert alert-ok" role="status">{t("mailSaved")}</p> : null}
      {state && !state.ok ? <p className="alert alert-error" role="alert">{state.error}</p> : null}
      <button type="submit" className="btn btn-outline" disabled={pending} data-testid="mail-save">{t("mailSave")}</button>
    </form>
  )
}
