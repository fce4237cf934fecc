import { useTranslations } from "next-intl"
import { Link } from "@/i18n/navigation"

export default function NotFound() {
  const t = useTranslations("errors")
  const c = useTranslations("common")
  return (
    <div className="container">
      <div className="state" data-testid="not-found">
        <div className="state-ic" aria-hidden="true">?</div>
        <h1>{t("notFoundTitle")}</h1>
        <p>{t("notFoundBody")}</p>
        <Link className="btn btn-primary" href="/">{c("backHome")}</Link>
      </div>
    </div>
  )
}
