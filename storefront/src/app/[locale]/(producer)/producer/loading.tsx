import { useTranslations } from "next-intl"

export default function Loading() {
  const t = useTranslations("common")
  return (
    <div className="container section" role="status" aria-live="polite">
      <p className="muted">{t("loading")}</p>
    </div>
  )
}
