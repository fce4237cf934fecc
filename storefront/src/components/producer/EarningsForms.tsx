"use client"

import { useLocale, useTranslations } from "next-intl"
import { useActionState } from "react"
import { producerSetBankAccount, type BankAccount, type NapasBank, type PortalFormState } from "@/lib/data/producer"
import { Field, FormMessage } from "./Field"

/** Where the producer is paid. Saving any change sends it back to the OCOP office for verification. */
export function BankAccountForm({ account, banks }: { account: BankAccount | null; banks: NapasBank[] }) {
  const t = useTranslations("producer.portal.earnings")
  const locale = useLocale()
  const [state, action, pending] = useActionState<PortalFormState, FormData>(producerSetBankAccount, null)
  const v = state?.values ?? {}
  return (
    <form action={action} aria-labelledby="bank-title" data-testid="bank-form">
      <h2 id="bank-title">{t("bankTitle")}</h2>
      <p className="hint">{t("bankHelp")}</p>
      <input type="hidden" name="locale" value={locale} />
      <div className="form-grid two">
        <Field
          kind="select"
          name="bank_bin"
          label={t("bank")}
          required
          defaultValue={v.bank_bin ?? account?.bank_bin}
          options={banks.map((b) => ({ value: b.bin, label: `${b.short_name} — ${b.name}` }))}
          testId="bank-bin"
        />
        <Field name="account_number" label={t("accountNumber")} required maxLength={40} inputMode="numeric" defaultValue={v.account_number ?? account?.account_number} testId="bank-number" />
      </div>
      <Field name="account_name" label={t("accountName")} required maxLength={120} defaultValue={v.account_name ?? account?.account_name} testId="bank-name" />
      <FormMessage error={state && !state.ok ? state.error : null} notice={state?.ok ? t("bankSaved") : null} testId="bank" />
      <button type="submit" className="btn btn-primary" disabled={pending} data-testid="bank-submit">
        {t("bankSave")}
      </button>
    </form>
  )
}
