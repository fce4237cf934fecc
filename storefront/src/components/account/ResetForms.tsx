"use client"

import { useLocale, useTranslations } from "next-intl"
import { useActionState } from "react"
import { Link } from "@/i18n/navigation"
import { requestReset, resetPassword, type FormState } from "@/lib/data/customer-actions"

/** Asks for a reset link by email (the same answer whether or not the address has an account). */
export function AccountResetRequestForm() {
  const t = useTranslations("account")
  const locale = useLocale()
  const [state, action, pending] = useActionState<FormState, FormData>(requestReset, null)
  return (
    <form action={action} className="card auth-card" aria-labelledby="reset-request-title" data-testid="account-reset-request">
      <h2 id="reset-request-title">{t("resetTitle")}</h2>
      <p className="muted">{t("resetIntro")}</p>
      <input type="hidden" name="locale" value={locale} />
      <div className="field">
        <label htmlFor="reset-email">{t("email")}</label>
        <input id="reset-email" name="email" type="email" className="input" required autoComplete="email" defaultValue={state?.values?.email ?? ""} />
      </div>
      {state?.ok ? <p className="alert alert-ok" role="status">{t("resetSent")}</p> : null}
      {state && !state.ok ? <p className="alert alert-error" role="alert">{`${t("email")} ✗`}</p> : null}
      <button type="submit" className="btn btn-primary btn-block" disabled={pending}>{t("resetSend")}</button>
      <p className="hint"><Link href="/account">{t("backToLogin")}</Link></p>
    </form>
  )
}

/** Sets the new password with the token from the email's link. */
export function AccountResetForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("account")
  const locale = useLocale()
  const [state, action, pending] = useActionState<FormState, FormData>(resetPassword, null)
  const error = state && !state.ok ? (state.error === "password" ? `${t("password")}: ${t("passwordHint")}` : t("resetInvalid")) : null
  return (
    <form action={action} className="card auth-card" aria-labelledby="reset-title" data-testid="account-reset-form">
      <h2 id="reset-title">{t("resetTitle")}</h2>
      {email ? <p className="muted">{email}</p> : null}
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="token" value={token} />
      <div className="field">
        <label htmlFor="reset-password">{t("newPassword")}</label>
        <input id="reset-password" name="password" type="password" className="input" required minLength={8} autoComplete="new-password" aria-describedby="reset-password-hint" />
        <span id="reset-password-hint" className="hint">{t("passwordHint")}</span>
      </div>
      {error ? <p className="alert alert-error" role="alert">{error}</p> : null}
      {state?.ok ? (
        <>
          <p className="alert alert-ok" role="status">{t("resetDone")}</p>
          <Link className="btn btn-primary btn-block" href="/account">{t("backToLogin")}</Link>
        </>
      ) : (
        <button type="submit" className="btn btn-primary btn-block" disabled={pending}>{t("resetSave")}</button>
      )}
    </form>
  )
}
