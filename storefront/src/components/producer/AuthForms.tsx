"use client"

import { useLocale, useTranslations } from "next-intl"
import { useActionState } from "react"
import { Link } from "@/i18n/navigation"
import {
  producerAcceptInvite,
  producerLogin,
  producerRequestReset,
  producerResetPassword,
  producerSignup,
  type PortalFormState,
} from "@/lib/data/producer"
import { Field, FormMessage } from "./Field"

function useAuthText() {
  const t = useTranslations("producer.portal.auth")
  return (key: string | undefined) => (key ? (["invalidLogin", "emailTaken", "resetInvalid", "resetSent", "resetDone"].includes(key) ? t(key as any) : key) : null)
}

export function ProducerLoginForm() {
  const t = useTranslations("producer.portal.auth")
  const text = useAuthText()
  const locale = useLocale()
  const [state, action, pending] = useActionState<PortalFormState, FormData>(producerLogin, null)
  return (
    <form action={action} className="card auth-card" noValidate={false} aria-labelledby="producer-login-title" data-testid="producer-login-form">
      <h2 id="producer-login-title">{t("loginTitle")}</h2>
      <input type="hidden" name="locale" value={locale} />
      <Field name="email" type="email" label={t("email")} required autoComplete="email" defaultValue={state?.values?.email} error={state?.fields?.email} testId="producer-login-email" />
      <Field name="password" type="password" label={t("password")} required autoComplete="current-password" error={state?.fields?.password} testId="producer-login-password" />
      <FormMessage error={state && !state.ok ? text(state.error) : null} testId="producer-login" />
      <button type="submit" className="btn btn-primary btn-block" disabled={pending} data-testid="producer-login-submit">
        {t("login")}
      </button>
      <p className="hint">
        <Link href="/producer/reset-password">{t("forgot")}</Link>
      </p>
    </form>
  )
}

export function ProducerSignupForm() {
  const t = useTranslations("producer.portal.auth")
  const text = useAuthText()
  const locale = useLocale()
  const [state, action, pending] = useActionState<PortalFormState, FormData>(producerSignup, null)
  return (
    <form action={action} className="card auth-card" aria-labelledby="producer-signup-title" data-testid="producer-signup-form">
      <h2 id="producer-signup-title">{t("signupTitle")}</h2>
      <input type="hidden" name="locale" value={locale} />
      <Field name="email" type="email" label={t("email")} required autoComplete="email" defaultValue={state?.values?.email} error={state?.fields?.email} testId="producer-signup-email" />
      <Field
        name="password"
        type="password"
        label={t("password")}
        hint={t("passwordHint")}
        required
        minLength={8}
        autoComplete="new-password"
        error={state?.fields?.password}
        testId="producer-signup-password"
      />
      <FormMessage error={state && !state.ok ? text(state.error) : null} testId="producer-signup" />
      <button type="submit" className="btn btn-outline btn-block" disabled={pending} data-testid="producer-signup-submit">
        {t("signup")}
      </button>
    </form>
  )
}

export function ResetRequestForm() {
  const t = useTranslations("producer.portal.auth")
  const text = useAuthText()
  const locale = useLocale()
  const [state, action, pending] = useActionState<PortalFormState, FormData>(producerRequestReset, null)
  return (
    <form action={action} className="card auth-card" aria-labelledby="reset-request-title" data-testid="producer-reset-request">
      <h2 id="reset-request-title">{t("resetTitle")}</h2>
      <p className="muted">{t("resetIntro")}</p>
      <input type="hidden" name="locale" value={locale} />
      <Field name="email" type="email" label={t("email")} required autoComplete="email" defaultValue={state?.values?.email} error={state?.fields?.email} />
      <FormMessage error={state && !state.ok ? text(state.error) : null} notice={state?.ok ? text(state.notice) : null} />
      <button type="submit" className="btn btn-primary btn-block" disabled={pending}>
        {t("resetSend")}
      </button>
      <p className="hint">
        <Link href="/producer">{t("backToLogin")}</Link>
      </p>
    </form>
  )
}

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("producer.portal.auth")
  const text = useAuthText()
  const locale = useLocale()
  const [state, action, pending] = useActionState<PortalFormState, FormData>(producerResetPassword, null)
  return (
    <form action={action} className="card auth-card" aria-labelledby="reset-title" data-testid="producer-reset-form">
      <h2 id="reset-title">{t("resetTitle")}</h2>
      {email ? <p className="muted">{email}</p> : null}
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="token" value={token} />
      <Field name="password" type="password" label={t("newPassword")} hint={t("passwordHint")} required minLength={8} autoComplete="new-password" error={state?.fields?.password} />
      <FormMessage error={state && !state.ok ? text(state.error) : null} notice={state?.ok ? text(state.notice) : null} />
      {state?.ok ? (
        <Link className="btn btn-primary btn-block" href="/producer">
          {t("backToLogin")}
        </Link>
      ) : (
        <button type="submit" className="btn btn-primary btn-block" disabled={pending}>
          {t("resetSave")}
        </button>
      )}
    </form>
  )
}

export function JoinForm({ token }: { token: string }) {
  const t = useTranslations("producer.portal.auth")
  const text = useAuthText()
  const locale = useLocale()
  const [state, action, pending] = useActionState<PortalFormState, FormData>(producerAcceptInvite, null)
  return (
    <form action={action} className="card auth-card" aria-labelledby="join-title" data-testid="producer-join-form">
      <h2 id="join-title">{t("joinTitle")}</h2>
      <p className="muted">{t("joinIntro")}</p>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="token" value={token} />
      <div className="form-grid two">
        <Field name="last_name" label={t("lastName")} required autoComplete="family-name" defaultValue={state?.values?.last_name} error={state?.fields?.last_name} />
        <Field name="first_name" label={t("firstName")} required autoComplete="given-name" defaultValue={state?.values?.first_name} error={state?.fields?.first_name} />
      </div>
      <Field name="email" type="email" label={t("email")} required autoComplete="email" defaultValue={state?.values?.email} error={state?.fields?.email} />
      <Field name="password" type="password" label={t("password")} hint={t("passwordHint")} required minLength={8} autoComplete="new-password" error={state?.fields?.password} />
      <FormMessage error={state && !state.ok ? text(state.error) : null} />
      <button type="submit" className="btn btn-primary btn-block" disabled={pending}>
        {t("join")}
      </button>
    </form>
  )
}
