import { getTranslations } from "next-intl/server"

/** GET form → /[locale]/verify?number=… (the page redirects to /verify/[number]). */
export async function VerifyForm({ locale, defaultValue = "" }: { locale: string; defaultValue?: string }) {
  const t = await getTranslations("verify")
  return (
    <form method="get" action={`/${locale}/verify`} className="verify-form" data-testid="verify-form">
      <div className="field" style={{ flex: 1, margin: 0 }}>
        <label htmlFor="cert-number">{t("numberLabel")}</label>
        <input id="cert-number" name="number" className="input" required maxLength={64} pattern="[A-Za-z0-9\-_/.]+" defaultValue={defaultValue} autoComplete="off" spellCheck={false} data-testid="verify-input" />
      </div>
      <button type="submit" className="btn btn-primary" data-testid="verify-submit">{t("check")}</button>
    </form>
  )
}
