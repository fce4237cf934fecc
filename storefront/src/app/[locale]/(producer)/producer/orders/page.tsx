import type { Metadata } from "next"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { StateBadge } from "@/components/producer/Badges"
import { PortalFrame } from "@/components/producer/PortalShell"
import { Link } from "@/i18n/navigation"
import { listProducerOrders } from "@/lib/data/producer"
import { formatDate, toLocale } from "@/lib/util/locale"
import { formatMoney } from "@/lib/util/money"

type Props = { params: Promise<{ locale: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: toLocale((await params).locale), namespace: "producer.portal.orders" })
  return { title: t("title") }
}

export default async function ProducerOrders({ params }: Props) {
  const locale = toLocale((await params).locale)
  setRequestLocale(locale)
  const t = await getTranslations("producer.portal")
  return (
    <PortalFrame locale={locale} current="orders">
      {async () => {
        const res = await listProducerOrders(100)
        return (
          <div data-testid="portal-orders">
            <h1>{t("orders.title")}</h1>
            <p className="muted">{t("orders.intro")}</p>
            {!res ? (
              <p className="alert alert-error" role="alert">{t("errors.unavailable")}</p>
            ) : !res.orders.length ? (
              <p className="muted" data-testid="no-orders">{t("orders.empty")}</p>
            ) : (
              <div className="table-wrap">
                <table className="table" data-testid="order-table">
                  <caption className="visually-hidden">{t("orders.title")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">#</th>
                      <th scope="col">{t("orders.date")}</th>
                      <th scope="col">{t("orders.items")}</th>
                      <th scope="col">{t("orders.shipTo")}</th>
                      <th scope="col">{t("orders.subtotal")}</th>
                      <th scope="col">{t("orders.paymentStatus")}</th>
                      <th scope="col">{t("orders.status")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {res.orders.map((o) => (
                      <tr key={o.id} data-testid="order-row" data-order-id={o.id}>
                        <td>
                          <Link href={`/producer/orders/${o.id}`} aria-label={t("orders.view", { id: o.display_id })}>
                            #{o.display_id}
                          </Link>
                        </td>
                        <td>{formatDate(o.created_at, locale)}</td>
                        <td>
                          {o.items.map((i) => (
                            <div key={i.id}>
                              {i.quantity} × {i.product_title}
                              {i.variant_title ? ` (${i.variant_title})` : ""}
                            </div>
                          ))}
                        </td>
                        <td>{[o.shipping_address.city, o.shipping_address.province, o.shipping_address.country_code?.toUpperCase()].filter(Boolean).join(", ")}</td>
                        <td className="tabular">{formatMoney(o.subtotal, o.currency_code, locale)}</td>
                        <td>
                          <StateBadge state={o.payment_status} label={t(`orders.payment.${o.payment_status}`)} testId="order-payment-status" />
                        </td>
                        <td>
                          <StateBadge state={o.shipping_status} label={t(`orders.shipping.${o.shipping_status}`)} testId="order-shipping-status" />
                        </td>
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
