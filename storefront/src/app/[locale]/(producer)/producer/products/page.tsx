import type { Metadata } from "next"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { StateBadge } from "@/components/producer/Badges"
import { PortalFrame, StatusPanel } from "@/components/producer/PortalShell"
import styles from "@/components/producer/portal.module.css"
import { Link } from "@/i18n/navigation"
import { listProducerProducts } from "@/lib/data/producer"
import { formatDate, toLocale } from "@/lib/util/locale"
import { formatMoney } from "@/lib/util/money"

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ deleted?: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: toLocale((await params).locale), namespace: "producer.portal.products" })
  return { title: t("title") }
}

export default async function ProducerProducts({ params, searchParams }: Props) {
  const locale = toLocale((await params).locale)
  setRequestLocale(locale)
  const { deleted } = await searchParams
  const t = await getTranslations("producer.portal")
  return (
    <PortalFrame locale={locale} current="products">
      {async (me) => {
        const res = await listProducerProducts(100)
        return (
          <div data-testid="portal-products">
            <div className={styles.spread}>
              <h1 style={{ margin: 0 }}>{t("products.title")}</h1>
              {me.permissions.manage_listings ? (
                <Link className="btn btn-primary" href="/producer/products/new" data-testid="new-listing">
                  {t("products.new")}
                </Link>
              ) : null}
            </div>
            {me.producer.status !== "approved" ? <StatusPanel me={me} /> : null}
            {deleted ? <p className="alert alert-ok" role="status">{t("products.deleted")}</p> : null}
            {!res ? (
              <p className="alert alert-error" role="alert">{t("errors.unavailable")}</p>
            ) : !res.products.length ? (
              <p className="muted" data-testid="no-listings">{t("products.empty")}</p>
            ) : (
              <div className="table-wrap">
                <table className="table" data-testid="listing-table">
                  <caption className="visually-hidden">{t("products.title")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("products.product")}</th>
                      <th scope="col">{t("products.state")}</th>
                      <th scope="col">{t("products.variants")}</th>
                      <th scope="col">{t("products.stock")}</th>
                      <th scope="col">{t("products.updated")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {res.products.map((p) => (
                      <tr key={p.id} data-testid="listing-row" data-product-id={p.id}>
                        <td>
                          <div className={styles.row}>
                            {p.thumbnail ? <span className={styles.thumbCell}><img src={p.thumbnail} alt="" /></span> : null}
                            <Link href={`/producer/products/${p.id}`}>{locale === "en" && p.title_en ? p.title_en : p.title_vi}</Link>
                          </div>
                        </td>
                        <td>
                          <StateBadge state={p.state} label={t(`products.states.${p.state}`)} testId="listing-state" />
                        </td>
                        <td>
                          {p.variants.map((v) => (
                            <div key={v.id}>
                              {v.title} · {formatMoney(v.prices.vnd, "vnd", locale)}
                            </div>
                          ))}
                        </td>
                        <td className="tabular">{p.variants.reduce((s, v) => s + (v.stock ?? 0), 0)}</td>
                        <td>{formatDate(p.updated_at, locale)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </div>
        )
      }}
    </PortalFrame>
  )
}
