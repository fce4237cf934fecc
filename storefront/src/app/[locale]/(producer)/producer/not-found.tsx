import { useTranslations } from "next-intl"
import { Link } from "@/i18n/navigation"

export default function PortalNotFound() {
  const t = useTranslations("producer.portal")
  return (
    <div className="container section" data-testid="portal-not-found">
      <h1>{t("listing.notFound")}</h1>
      <p>
        <Link href="/producer">{t("nav.dashboard")}</Link>
      </p>
    </div>
  )
}
