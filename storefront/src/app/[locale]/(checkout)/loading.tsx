import { useTranslations } from "next-intl"

export default function Loading() {
  const t = useTranslations("common")
  return (
    <div className="container section" aria-busy="true">
      <p className="visually-hidden" role="status">{t("loading")}</p>
      <div className="skeleton" style={{ height: 36, width: "30%", marginBottom: 24 }} />
      <div className="skeleton" style={{ height: 320 }} />
    </div>
  )
}
