import { currentAddress } from "@hue-ocop/backend/ocop-contract"
import { getTranslations } from "next-intl/server"
import type { Labelling as L, Producer } from "@/lib/types"
import { pickLang } from "@/lib/util/ocop"
import type { Locale } from "@/lib/util/locale"

/** Labelling facts required by Decree 43/2017 (amended by 111/2021). */
export async function Labelling({ labelling, producer, locale }: { labelling: L | null; producer: Producer | null | undefined; locale: Locale }) {
  const t = await getTranslations("product")
  const rows: [string, string | null][] = [
    [t("netQuantity"), labelling?.net_quantity ?? null],
    [t("ingredients"), pickLang(labelling, "ingredients", locale)],
    [t("shelfLife"), labelling?.shelf_life_months ? t("shelfLifeMonths", { months: Number(labelling.shelf_life_months) }) : null],
    [t("storage"), pickLang(labelling, "storage", locale)],
    [t("ethanol"), labelling?.ethanol_content !== null && labelling?.ethanol_content !== undefined && labelling.ethanol_content !== "" ? `${labelling.ethanol_content}${typeof labelling.ethanol_content === "number" ? "% vol" : ""}` : null],
    [t("origin"), producer ? [producer.district, producer.province].filter(Boolean).join(", ") || null : null],
    [t("responsible"), producer ? [producer.legal_name, currentAddress(producer as any)].filter(Boolean).join(" — ") : null],
  ]
  const shown = rows.filter(([, v]) => v)
  if (!shown.length) return null
  return (
    <section className="labelling" aria-labelledby="labelling-title" data-testid="labelling">
      <h2 id="labelling-title">{t("labelling")}</h2>
      <dl className="dl">
        {shown.map(([k, v]) => (
          <div key={k} style={{ display: "contents" }}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
