"use client"

import { useLocale, useTranslations } from "next-intl"
import { useActionState } from "react"
import { producerInviteMember, type PortalFormState } from "@/lib/data/producer"
import { Field, FormMessage } from "./Field"

export function InviteForm() {
  const t = useTranslations("producer.portal.team")
  const locale = useLocale()
  const [state, action, pending] = useActionState<PortalFormState, FormData>(producerInviteMember, null)
  return (
    <form action={action} aria-labelledby="invite-title" data-testid="invite-form">
      <h2 id="invite-title">{t("invite")}</h2>
      <input type="hidden" name="locale" value={locale} />
      <Field name="email" type="email" label={t("email")} required defaultValue={state?.values?.email} error={state?.fields?.email} testId="invite-email" />
      <FormMessage error={state && !state.ok ? state.error : null} testId="invite" />
      {state?.ok && state.values?.accept_url ? (
        <div className="alert alert-ok" role="status">
          <p>{t("inviteSent")}</p>
          <code data-testid="invite-url" style={{ wordBreak: "break-all" }}>
            {state.values.accept_url}
          </code>
        </div>
      ) : null}
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {t("send")}
      </button>
    </form>
  )
}
