import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { StateBadge } from "@/components/producer/Badges"
import { CertificationForm, ContentForm, DeleteListingForm, StockForm } from "@/components/producer/ListingForms"
import { PortalFrame, StatusPanel } from "@/components/producer/PortalShell"
import styles from "@/components/producer/portal.module.css"
import { Link } from "@/i18n/navigation"
import { getProducerProduct } from "@/lib/data/producer"
import { formatDate, toLocale } from "@/lib/util/locale"
import { formatMoney } from "@/lib/util/money"

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<{ created?: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params
  const listing = await getProducerProduct(id)
  return { title: listing?.title_vi ?? "—" }
}

export default async function ListingPage({ params, searchParams }: Props) {
  const { locale: raw, id } = await params
  const locale = toLocale(raw)
  setRequestLocale(locale)
  const { created } = await searchParams
  const t = await getTranslations("producer.portal")
  return (
    <PortalFrame locale={locale} current="products">
      {async (me) => {
        const listing = await getProducerProduct(id)
        if (!listing) notFound()
        const canEdit = me.permissions.manage_listings
        return (
          <div data-testid="listing-page" data-product-id={listing.id}>
            <p>
              <Link href="/producer/products">{t("listing.back")}</Link>
            </p>
            <h1>{locale === "en" && listing.title_en ? listing.title_en : listing.title_vi}</h1>
            <p className={styles.row}>
              <StateBadge state={listing.state} label={t(`products.states.${listing.state}`)} testId="listing-state" />
              <span className="muted">{t(`products.stateHelp.${listing.state}`)}</span>
              {listing.state === "live" ? (
                <Link href={`/products/${listing.handle}`} data-testid="view-in-shop">
                  {t("listing.viewInShop")}
                </Link>
              ) : null}
            </p>
            {created ? <p className="alert alert-ok" role="status" data-testid="listing-created">{t("listing.created")}</p> : null}
            {!canEdit ? <StatusPanel me={me} /> : null}

            <section className={styles.panel} aria-labelledby="certs-title">
              <h2 id="certs-title">{t("cert.history")}</h2>
              {listing.certifications.length ? (
                <div className="table-wrap">
                  <table className="table" data-testid="certification-table">
                    <thead>
                      <tr>
                        <th scope="col">{t("cert.certificate_number")}</th>
                        <th scope="col">{t("cert.decision_number")}</th>
                        <th scope="col">{t("cert.stars")}</th>
                        <th scope="col">{t("cert.validUntil")}</th>
                        <th scope="col">{t("products.state")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {listing.certifications.map((c) => (
                        <tr key={c.id}>
                          <td className="tabular">{c.certificate_number}</td>
                          <td>
                            {c.decision_number} · {formatDate(c.decision_date, locale)}
                            {c.evidence_url ? (
                              <>
                                {" · "}
                                <a href={c.evidence_url} target="_blank" rel="noreferrer">{t("cert.evidenceLink")}</a>
                              </>
                            ) : null}
                          </td>
                          <td>
                            <span aria-label={`${c.stars}★`}>{"★".repeat(c.stars)}</span> ({c.score})
                          </td>
                          <td>{formatDate(c.valid_until, locale)}</td>
                          <td>
                            <StateBadge state={c.status} label={t(`cert.statuses.${c.status}` as any)} testId="certification-status" />
                            {c.status_reason ? <div className="hint">{c.status_reason}</div> : null}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : (
                <p className="muted">{t("cert.none")}</p>
              )}
              {canEdit ? (
                listing.certifications.some((c) => c.status === "active") ? (
                  <details>
                    <summary>{t("cert.renew")}</summary>
                    <CertificationForm listing={listing} />
                  </details>
                ) : (
                  <CertificationForm listing={listing} />
                )
              ) : null}
            </section>

            {canEdit ? (
              <>
                <section className={styles.panel}>
                  <StockForm listing={listing} />
                </section>
                <section className={styles.panel}>
                  <ContentForm listing={listing} />
                </section>
                <section className={`${styles.panel} ${styles.danger}`}>
                  <DeleteListingForm listing={listing} />
                </section>
              </>
            ) : (
              <section className={styles.panel} aria-labelledby="variants-title">
                <h2 id="variants-title">{t("listing.stockTitle")}</h2>
                <ul>
                  {listing.variants.map((v) => (
                    <li key={v.id}>
                      {v.title}: {formatMoney(v.prices.vnd, "vnd", locale)} · {formatMoney(v.prices.usd, "usd", locale)} · {t("listing.stock")} {v.stock ?? 0}
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </div>
        )
      }}
    </PortalFrame>
  )
}
