import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { StateBadge } from "@/components/producer/Badges"
import { ShipForm } from "@/components/producer/OrderForms"
import { PortalFrame } from "@/components/producer/PortalShell"
import styles from "@/components/producer/portal.module.css"
import { Link } from "@/i18n/navigation"
import { getProducerOrder } from "@/lib/data/producer"
import { formatDate, toLocale } from "@/lib/util/locale"
import { formatMoney } from "@/lib/util/money"

type Props = { params: Promise<{ locale: string; id: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, id } = await params
  const t = await getTranslations({ locale: toLocale(locale), namespace: "producer.portal.orders" })
  const order = await getProducerOrder(id)
  return { title: order ? t("order", { id: order.display_id }) : t("notFound") }
}

export default async function ProducerOrderPage({ params }: Props) {
  const { locale: raw, id } = await params
  const locale = toLocale(raw)
  setRequestLocale(locale)
  const t = await getTranslations("producer.portal")
  return (
    <PortalFrame locale={locale} current="orders">
      {async (me) => {
        const order = await getProducerOrder(id)
        if (!order) notFound()
        const a = order.shipping_address
        const canShip = me.producer.status === "approved" || me.producer.status === "suspended"
        const remaining = order.items.some((i) => i.remaining_quantity > 0)
        return (
          <div data-testid="order-page" data-order-id={order.id}>
            <p>
              <Link href="/producer/orders">{t("orders.back")}</Link>
            </p>
            <h1>{t("orders.order", { id: order.display_id })}</h1>
            <p className={styles.row}>
              <span className="muted">{formatDate(order.created_at, locale)}</span>
              <StateBadge state={order.payment_status} label={t(`orders.payment.${order.payment_status}`)} testId="order-payment-status" />
              <StateBadge state={order.shipping_status} label={t(`orders.shipping.${order.shipping_status}`)} testId="order-shipping-status" />
            </p>
            <div className="table-wrap">
              <table className="table" data-testid="order-items">
                <thead>
                  <tr>
                    <th scope="col">{t("orders.items")}</th>
                    <th scope="col">{t("orders.qty")}</th>
                    <th scope="col">{t("orders.price")}</th>
                    <th scope="col">{t("orders.shippedQty")}</th>
                    <th scope="col">{t("orders.remaining")}</th>
                  </tr>
                </thead>
                <tbody>
                  {order.items.map((i) => (
                    <tr key={i.id}>
                      <td>
                        {i.product_title}
                        {i.variant_title ? ` — ${i.variant_title}` : ""}
                        {i.variant_sku ? <div className="hint">{i.variant_sku}</div> : null}
                      </td>
                      <td className="tabular">{i.quantity}</td>
                      <td className="tabular">{formatMoney(i.unit_price, order.currency_code, locale)}</td>
                      <td className="tabular">{i.shipped_quantity}</td>
                      <td className="tabular">{i.remaining_quantity}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row" colSpan={2}>{t("orders.subtotal")}</th>
                    <td className="tabular" colSpan={3}>{formatMoney(order.subtotal, order.currency_code, locale)}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
            <section className={styles.panel} aria-labelledby="ship-to">
              <h2 id="ship-to">{t("orders.shipTo")}</h2>
              <address className={styles.address} data-testid="order-address">
                {[a.last_name, a.first_name].filter(Boolean).join(" ")}
                {a.company ? <><br />{a.company}</> : null}
                <br />
                {[a.address_1, a.address_2].filter(Boolean).join(", ")}
                <br />
                {[a.city, a.province, a.postal_code].filter(Boolean).join(", ")} {a.country_code?.toUpperCase()}
                {a.phone ? <><br />{t("orders.phone")}: <a href={`tel:${a.phone.replace(/\s/g, "")}`}>{a.phone}</a></> : null}
              </address>
              {order.shipping_method ? <p className="hint">{t("orders.method")}: {order.shipping_method}</p> : null}
            </section>
            {order.fulfillments?.length ? (
              <section className={styles.panel} aria-labelledby="shipments">
                <h2 id="shipments">{t("orders.fulfillments")}</h2>
                <ul>
                  {order.fulfillments.map((f) => (
                    <li key={f.id}>
                      {formatDate(f.shipped_at, locale)}
                      {f.carrier ? ` · ${f.carrier}` : ""}
                      {f.labels.map((l) => (
                        <span key={l.tracking_number}>
                          {" · "}
                          {l.tracking_url ? <a href={l.tracking_url} target="_blank" rel="noreferrer">{l.tracking_number}</a> : l.tracking_number}
                        </span>
                      ))}
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            <section className={styles.panel}>
              {remaining && canShip && order.status !== "canceled" && !order.can_ship ? (
                // The backend refuses it too (400 order_not_paid); say why instead of offering the form.
                <p className="alert alert-warn" role="status" data-testid="order-ship-blocked" data-state={order.payment_status}>
                  {t(`orders.notPaid.${order.payment_status as "awaiting_transfer"}`)}
                </p>
              ) : remaining && canShip && order.status !== "canceled" ? (
                <>
                  {order.payment_status === "cod_to_collect" ? <p className="hint" data-testid="order-cod-hint">{t("orders.codHint")}</p> : null}
                  <ShipForm orderId={order.id} />
                </>
              ) : !remaining ? (
                <p className="alert alert-ok" data-testid="order-all-shipped">{t("orders.allShipped")}</p>
              ) : null}
            </section>
          </div>
        )
      }}
    </PortalFrame>
  )
}
