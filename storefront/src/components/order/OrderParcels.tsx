import type { StoreOrderParcel } from "@hue-ocop/backend/ocop-contract"
import { getTranslations } from "next-intl/server"
import { Fragment } from "react"
import { Link } from "@/i18n/navigation"
import { formatDate, type Locale } from "@/lib/util/locale"

/**
 * The order as the shopper receives it: one parcel per producer (each producer
 * packs and ships its own lines), with its status, carrier and tracking.
 */
export async function OrderParcels({ parcels, locale }: { parcels: StoreOrderParcel[]; locale: Locale }) {
  const t = await getTranslations("order")
  return (
    <section className="order-parcels" aria-labelledby="parcels-title" data-testid="order-parcels">
      <h2 id="parcels-title">{t("parcelsTitle", { count: parcels.length })}</h2>
      <p className="muted">{t("parcelsIntro")}</p>
      <ol className="parcel-list" role="list">
        {parcels.map((p, n) => {
          const headingId = `parcel-${n + 1}-title`
          const shipped = p.shipments.filter((s) => s.shipped_at)
          const last = shipped.at(-1)
          return (
            <li
              key={p.producer?.id ?? "unassigned"}
              className="card parcel"
              data-testid="parcel"
              data-producer-id={p.producer?.id ?? ""}
              data-status={p.status}
            >
              <h3 id={headingId}>
                {t("parcelOf", { n: n + 1 })}{" "}
                {p.producer ? (
                  <Link href={`/producers/${p.producer.handle}`} data-testid="parcel-producer">{p.producer.legal_name}</Link>
                ) : (
                  <span data-testid="parcel-producer">{t("parcelNoProducer")}</span>
                )}
              </h3>
              <p data-testid="parcel-status">
                <span className={`badge parcel-status parcel-${p.status}`}>{t(`parcelStatus.${p.status}`)}</span>
                {last ? <> {t("parcelShippedOn", { date: formatDate(last.shipped_at, locale) })}</> : null}
              </p>
              <ul className="mini-lines" role="list">
                {p.items.map((i) => (
                  <li key={i.id}>
                    <span>
                      {i.title}
                      {i.variant_title && i.variant_title !== "Default variant" ? ` — ${i.variant_title}` : ""}{" "}
                      <span className="muted">× {i.quantity}</span>
                    </span>
                  </li>
                ))}
              </ul>
              {shipped.map((s) => (
                <dl key={s.id} className="dl parcel-shipment" data-testid="parcel-shipment">
                  <dt>{t("parcelCarrier")}</dt>
                  <dd data-testid="parcel-carrier">{s.carrier ?? "—"}</dd>
                  {s.tracking.map((tr) => (
                    <Fragment key={tr.number}>
                      <dt>{t("parcelTracking")}</dt>
                      <dd className="tabular" data-testid="parcel-tracking">
                        {tr.url ? (
                          <a href={tr.url} target="_blank" rel="noopener noreferrer" aria-label={t("parcelTrackingLink", { number: tr.number })}>
                            {tr.number}
                          </a>
                        ) : (
                          tr.number
                        )}
                      </dd>
                    </Fragment>
                  ))}
                </dl>
              ))}
            </li>
          )
        })}
      </ol>
    </section>
  )
}
