import { useTranslations } from "next-intl"
import { clampStars } from "@/lib/util/ocop"

/** The OCOP star rating, e.g. "★★★★ OCOP". Announced as "4-star OCOP" to screen readers. */
export function StarBadge({ stars, potential = false, size = "normal" }: { stars: number | null | undefined; potential?: boolean; size?: "normal" | "large" }) {
  const t = useTranslations("stars")
  const n = clampStars(stars)
  if (!n) return null
  return (
    <span className="badge-group" style={{ display: "inline-flex", gap: "0.4rem", flexWrap: "wrap", alignItems: "center" }}>
      <span className={`star-badge${size === "large" ? " large" : ""}`} data-testid="star-badge" data-stars={n} role="img" aria-label={t("label", { stars: n })}>
        <span className="glyphs" aria-hidden="true">{"★".repeat(n)}</span>
        <span className="ocop" aria-hidden="true">OCOP</span>
      </span>
      {potential ? (
        <span className="potential" data-testid="potential-five-star" title={t("potentialLong")}>
          {t("potential")}
        </span>
      ) : null}
    </span>
  )
}
