"use client"

import { useLocale, useTranslations } from "next-intl"
import { useActionState } from "react"
import { Link } from "@/i18n/navigation"
import { login, register, type FormState } from "@/lib/data/customer-actions"

export function LoginForm() {
  const t = useTranslations("account")
  const locale = useLocale()
  const [state, action, pending] = useActionState<FormState, FormData>(login, null)
  const error = state && !state.ok ? (state.error === "invalid" ? t("invalidLogin") : state.error) : null
  return (
    <form action={action} className="card auth-card" data-testid="login-form" aria-labelledby="login-title">
      <h2 id="login-title">{t("loginTitle")}</h2>
      <input type="hidden" name="locale" value={locale} />
      <div className="field">
        <label htmlFor="login-email">{t("email")}</label>
        <input id="login-email" name="email" type="email" className="input" required autoComplete="email" defaultValue={state?.values?.email ?? ""} data-testid="login-email" />
      </div>
      <div className="field">
        <label htmlFor="login-password">{t("password")}</label>
        <input id="login-password" name="password" type="password" className="input" required autoComplete="current-password" data-testid="login-password" />
      </div>
      {error ? <p className="alert alert-error" role="alert" data-testid="login-error">{error}</p> : null}
      <button type="submit" className="btn btn-primary btn-block" disabled={pending} data-testid="login-submit">{t("login")}</button>
      <p className="hint"><Link href="/account/reset-password" data-testid="login-forgot">{t("forgot")}</Link></p>
    </form>
  )
}

export function RegisterForm() {
  const t = useTranslations("account")
  const locale = useLocale()
  const [state, action, pending] = useActionState<FormState, FormData>(register, null)
  const error = state && !state.ok ? (state.error === "failed" ? t("registerFailed") : state.error === "password" ? `${t("password")}: ${t("passwordHint")}` : state.error === "email" ? `${t("email")} ✗` : state.error) : null
  return (
    <form action={action} className="card auth-card" data-testid="register-form" aria-labelledby="register-title">
      <h2 id="register-title">{t("registerTitle")}</h2>
      <input type="hidden" name="locale" value={locale} />
      <div className="form-grid two">
        <div className="field">
          <label htmlFor="reg-last">{t("lastName")}</label>
          <input id="reg-last" name="last_name" className="input" required autoComplete="family-name" defaultValue={state?.values?.last_name ?? ""} data-testid="register-last-name" />
        </div>
        <div className="field">
          <label htmlFor="reg-first">{t("firstName")}</label>
          <input id="reg-first" name="first_name" className="input" required autoComplete="given-name" defaultValue={state?.values?.first_name ?? ""} data-testid="register-first-name" />
        </div>
      </div>
      <div className="field">
        <label htmlFor="reg-email">{t("email")}</label>
        <input id="reg-email" name="email" type="email" className="input" required autoComplete="email" defaultValue={state?.values?.email ?? ""} data-testid="register-email" />
      </div>
      <div className="field">
        <label htmlFor="reg-phone">{t("phone")}</label>
        <input id="reg-phone" name="phone" type="tel" className="input" autoComplete="tel" defaultValue={state?.values?.phone ?? ""} data-testid="register-phone" />
      </div>
      <div className="field">
        <label htmlFor="reg-password">{t("password")}</label>
        <input id="reg-password" name="password" type="password" className="input" required minLength={8} autoComplete="new-password" aria-describedby="reg-password-hint" data-testid="register-password" />
        <span id="reg-password-hint" className="hint">{t("passwordHint")}</span>
      </div>
      {error ? <p className="alert alert-error" role="alert" data-testid="register-error">{error}</p> : null}
      <button type="submit" className="btn btn-outline btn-block" disabled={pending} data-testid="register-submit">{t("register")}</button>
    </form>
  )
}
