import { useLocale, useTranslations } from "next-intl"
import { Link } from "@/i18n/navigation"

/** Unknown certificate number: say so plainly (HTTP 404) and offer a new lookup. */
export default function CertificateNotFound() {
  const t = useTranslations("verify")
  const n = useTranslations("nav")
  const locale = useLocale()
  return (
    <div className="container section narrow" data-testid="certificate-not-found">
      <div className="cert-status cert-status-revoked" role="status" data-testid="certificate-status" data-status="not_found">
        <span className="cert-status-ic" aria-hidden="true">?</span>
        <div>
          <h1 className="cert-status-label" style={{ margin: 0 }}>{t("notFoundTitle")}</h1>
        </div>
      </div>
      <p>{t("notFoundBody")}</p>
      <form method="get" action={`/${locale}/verify`} className="verify-form">
        <div className="field" style={{ flex: 1, margin: 0 }}>
          <label htmlFor="cert-number">{t("numberLabel")}</label>
          <input id="cert-number" name="number" className="input" required maxLength={64} data-testid="verify-input" />
        </div>
        <button type="submit" className="btn btn-primary" data-testid="verify-submit">{t("check")}</button>
      </form>
      <p style={{ marginTop: "1.5rem" }}><Link href="/products">{n("catalogue")}</Link></p>
    </div>
  )
}
