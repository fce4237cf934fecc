import type { StoreOrderParcel } from "@hue-ocop/backend/ocop-contract"
import type { HttpTypes } from "@medusajs/types"
import { getTranslations } from "next-intl/server"
import { formatDate, type Locale } from "@/lib/util/locale"
import { formatMoney } from "@/lib/util/money"
import { bankTransferOf, orderPayment } from "@/lib/util/order"
import { qrSvg } from "@/lib/util/qr"
import { OrderParcels } from "./OrderParcels"

/** `parcels`: the order per producer (`retrieveOrderParcels`); omitted or null, the order shows without them. */
export async function OrderDetails({ order, locale, parcels }: { order: HttpTypes.StoreOrder; locale: Locale; parcels?: StoreOrderParcel[] | null }) {
  const t = await getTranslations("order")
  const ct = await getTranslations("cart")
  const co = await getTranslations("checkout")
  const m = (n: number | null | undefined) => formatMoney(n ?? 0, order.currency_code, locale)
  const { providerId, data } = orderPayment(order)
  const bank = bankTransferOf(data)
  const qr = bank?.vietqr_payload ? await qrSvg(bank.vietqr_payload, { size: 220 }) : null
  const a = order.shipping_address
  return (
    <div className="order-details">
      <dl className="dl order-meta">
        <dt>{t("number")}</dt>
        <dd data-testid="order-number">#{order.display_id ?? order.id}</dd>
        <dt>{t("date")}</dt>
        <dd>{formatDate(order.created_at, locale)}</dd>
        {providerId ? (
          <>
            <dt>{t("payment")}</dt>
            <dd data-testid="order-payment-provider" data-provider={providerId}>{co.has(providerId as never) ? co(providerId as never) : providerId}</dd>
          </>
        ) : null}
        {a ? (
          <>
            <dt>{t("shippingTo")}</dt>
            <dd>{[[a.last_name, a.first_name].filter(Boolean).join(" "), a.address_1, a.address_2, a.city, a.province, a.country_code?.toUpperCase()].filter(Boolean).join(", ")}</dd>
          </>
        ) : null}
      </dl>

      {bank ? (
        <section className="card bank-transfer" aria-labelledby="bank-title" data-testid="bank-transfer">
          <div>
            <h2 id="bank-title">{t("payWithBank")}</h2>
            <p>{t("bankIntro")}</p>
            <dl className="dl">
              {bank.bank_name ? (<><dt>{t("bankName")}</dt><dd>{bank.bank_name}</dd></>) : null}
              {bank.account_number ? (<><dt>{t("accountNumber")}</dt><dd className="tabular" data-testid="bank-account-number">{bank.account_number}</dd></>) : null}
              {bank.account_name ? (<><dt>{t("accountName")}</dt><dd>{bank.account_name}</dd></>) : null}
              <dt>{t("amount")}</dt>
              <dd className="tabular">{m(typeof bank.amount === "number" ? bank.amount : order.total)}</dd>
              {bank.reference ? (<><dt>{t("reference")}</dt><dd className="cert-number" data-testid="bank-reference">{bank.reference}</dd></>) : null}
            </dl>
          </div>
          {qr ? <div className="qr vietqr" role="img" aria-label={t("qrAlt")} data-testid="vietqr" dangerouslySetInnerHTML={{ __html: qr }} /> : null}
        </section>
      ) : providerId === "pp_cod_cod" ? (
        <p className="alert alert-info" data-testid="cod-note">{t("codNote", { total: m(order.total) })}</p>
      ) : providerId === "pp_system_default" ? (
        <p className="alert alert-info" data-testid="invoice-note">{t("invoiceNote", { total: m(order.total) })}</p>
      ) : null}

      <h2>{t("items")}</h2>
      <ul className="mini-lines order-lines" role="list" data-testid="order-items">
        {(order.items ?? []).map((i) => (
          <li key={i.id}>
            <span>{i.product_title ?? i.title}{i.variant_title && i.variant_title !== "Default variant" ? ` — ${i.variant_title}` : ""} <span className="muted">× {i.quantity}</span></span>
            <span className="tabular">{m(Number(i.total ?? Number(i.unit_price) * i.quantity))}</span>
          </li>
        ))}
      </ul>
      <dl className="summary" style={{ marginTop: "1rem" }}>
        <div><dt>{ct("subtotal")}</dt><dd>{m(order.item_subtotal ?? order.subtotal)}</dd></div>
        {order.discount_total ? <div className="discount"><dt>{ct("discount")}</dt><dd>−{m(order.discount_total)}</dd></div> : null}
        <div><dt>{ct("shipping")}</dt><dd>{m(order.shipping_total)}</dd></div>
        {order.tax_total ? <div><dt>{ct("tax")}</dt><dd>{m(order.tax_total)}</dd></div> : null}
        <div className="total"><dt>{ct("total")}</dt><dd data-testid="order-total">{m(order.total)}</dd></div>
      </dl>
      {parcels?.length ? <OrderParcels parcels={parcels} locale={locale} /> : null}
    </div>
  )
}
