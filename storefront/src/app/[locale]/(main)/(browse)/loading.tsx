import { useTranslations } from "next-intl"

export default function Loading() {
  const t = useTranslations("common")
  return (
    <div className="container section" aria-busy="true">
      <p className="visually-hidden" role="status">{t("loading")}</p>
      <div className="skeleton" style={{ height: 32, width: "40%", marginBottom: 24 }} />
      <div className="grid">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="skeleton" style={{ aspectRatio: "3 / 4" }} />
        ))}
      </div>
    </div>
  )
}
