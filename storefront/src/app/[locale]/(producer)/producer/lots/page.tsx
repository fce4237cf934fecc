import type { Metadata } from "next"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { GtinForm, RecordLotForm, type VariantOption } from "@/components/producer/LotForms"
import { PortalFrame } from "@/components/producer/PortalShell"
import { listProducerProducts } from "@/lib/data/producer"
import { listPortalTraceability } from "@/lib/data/producer-lots"
import { formatDate, toLocale } from "@/lib/util/locale"

type Props = { params: Promise<{ locale: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: toLocale((await params).locale), namespace: "producer.portal.lots" })
  return { title: t("title") }
}

/** The producer's GTINs and lots: give variants a GTIN, record lots, download each lot's label sheet. */
export default async function ProducerLots({ params }: Props) {
  const locale = toLocale((await params).locale)
  setRequestLocale(locale)
  const t = await getTranslations("producer.portal")
  return (
    <PortalFrame locale={locale} current="lots">
      {async () => {
        const [products, trace] = await Promise.all([listProducerProducts(100), listPortalTraceability()])
        if (!products || !trace) return <p className="alert alert-error" role="alert">{t("errors.unavailable")}</p>
        const gtinOf = new Map(trace.trade_items.map((i) => [i.variant_id, i.gtin]))
        const variants: VariantOption[] = products.products.flatMap((p) =>
          p.variants.map((v) => ({ id: v.id, label: `${p.title_vi} — ${v.title}`, gtin: gtinOf.get(v.id) ?? null }))
        )
        const labelOf = new Map(variants.map((v) => [v.id, v.label]))
        return (
          <div data-testid="portal-lots">
            <h1>{t("lots.title")}</h1>
            <p className="muted">{t("lots.intro")}</p>
            <section aria-labelledby="gtin-title">
              <h2 id="gtin-title">{t("lots.gtinTitle")}</h2>
              {variants.map((v) => <GtinForm key={v.id} variant={v} />)}
            </section>
            <section aria-labelledby="record-title">
              <h2 id="record-title">{t("lots.recordTitle")}</h2>
              <RecordLotForm variants={variants} />
            </section>
            <section aria-labelledby="lots-title">
              <h2 id="lots-title">{t("lots.listTitle")}</h2>
              {!trace.lots.length ? (
                <p className="muted">{t("lots.none")}</p>
              ) : (
                <div className="table-wrap">
                  <table className="table" data-testid="lot-table">
                    <caption className="visually-hidden">{t("lots.listTitle")}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("lots.lot_number")}</th>
                        <th scope="col">{t("lots.variant")}</th>
                        <th scope="col">{t("lots.production_date")}</th>
                        <th scope="col">{t("lots.expiry_date")}</th>
                        <th scope="col">{t("lots.link")}</th>
                        <th scope="col"><span className="visually-hidden">{t("lots.label")}</span></th>
                      </tr>
                    </thead>
                    <tbody>
                      {trace.lots.map((l) => (
                        <tr key={l.id} data-testid="lot-row" data-lot={l.lot_number}>
                          <td>
                            {l.lot_number}
                            {l.status === "superseded" ? <span className="muted"> ({t("lots.superseded")})</span> : null}
                          </td>
                          <td>{labelOf.get(l.variant_id) ?? l.gtin}</td>
                          <td>{formatDate(l.production_date, locale)}</td>
                          <td>{l.expiry_date ? formatDate(l.expiry_date, locale) : "—"}</td>
                          <td><a href={l.digital_link} data-testid="lot-link">{new URL(l.digital_link).pathname}</a></td>
                          <td>
                            <a className="btn btn-secondary" href={`/${locale}/producer/lots/${l.id}/label`} download data-testid="lot-label">{t("lots.label")}</a>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
          </div>
        )
      }}
    </PortalFrame>
  )
}
