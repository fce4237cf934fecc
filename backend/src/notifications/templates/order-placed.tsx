import { Column, Heading, Img, Link, Row, Section, Text } from "@react-email/components"
import { formatMoney, starGlyphs } from "../format"
import type { OrderPlacedData } from "../types"
import { Address, Layout, heading, link, muted, text } from "./layout"

/** The VietQR image travels as an inline attachment with this content id (email clients block data: URLs). */
export const VIETQR_CID = "vietqr@ocop-hue"

const T = {
  vi: {
    subject: (n: string | number) => `Xác nhận đơn hàng #${n} — Chợ OCOP Huế`,
    preview: (n: string | number, total: string) => `Đơn #${n} đã được đặt: ${total}`,
    title: (n: string | number) => `Cảm ơn bạn! Đơn hàng #${n} đã được đặt`,
    items: "Sản phẩm",
    by: "Chủ thể",
    qty: "SL",
    subtotal: "Tạm tính",
    shipping: "Phí giao hàng",
    discount: "Giảm giá",
    tax: "Thuế",
    total: "Tổng cộng",
    deliverTo: "Giao đến",
    payment: "Thanh toán",
    cod: (amount: string) => `Thanh toán khi nhận hàng: vui lòng chuẩn bị ${amount} tiền mặt cho người giao hàng.`,
    transfer: (amount: string) => `Chuyển khoản ${amount} bằng mã VietQR dưới đây (quét trong ứng dụng ngân hàng) hoặc theo thông tin sau:`,
    bank: "Ngân hàng",
    account: "Số tài khoản",
    holder: "Chủ tài khoản",
    reference: "Nội dung chuyển khoản",
    referenceNote: "Ghi đúng nội dung để chúng tôi đối soát; đơn được xử lý khi nhận được tiền.",
    card: (amount: string) => `Đã thanh toán bằng thẻ: ${amount}.`,
    other: (amount: string) => `Số tiền thanh toán: ${amount}.`,
    view: "Xem đơn hàng",
  },
  en: {
    subject: (n: string | number) => `Order #${n} confirmed — Huế OCOP Marketplace`,
    preview: (n: string | number, total: string) => `Order #${n} placed: ${total}`,
    title: (n: string | number) => `Thank you! Order #${n} is placed`,
    items: "Items",
    by: "Producer",
    qty: "Qty",
    subtotal: "Subtotal",
    shipping: "Shipping",
    discount: "Discount",
    tax: "Tax",
    total: "Total",
    deliverTo: "Deliver to",
    payment: "Payment",
    cod: (amount: string) => `Cash on delivery: please have ${amount} ready for the courier.`,
    transfer: (amount: string) => `Transfer ${amount} with the VietQR code below (scan it in your banking app) or with these details:`,
    bank: "Bank",
    account: "Account number",
    holder: "Account holder",
    reference: "Transfer reference",
    referenceNote: "Use this exact reference so we can match your payment; the order ships once the money arrives.",
    card: (amount: string) => `Paid by card: ${amount}.`,
    other: (amount: string) => `Amount to pay: ${amount}.`,
    view: "View your order",
  },
}

export function orderPlacedSubject(d: OrderPlacedData): string {
  return T[d.locale].subject(d.order.display_id)
}

export function orderUrl(d: { locale: string; storefront_url: string }, orderId: string): string {
  return `${d.storefront_url}/${d.locale}/account/orders/${orderId}`
}

export function OrderPlacedEmail(d: OrderPlacedData) {
  const t = T[d.locale]
  const o = d.order
  const m = (n: number) => formatMoney(n, o.currency_code, d.locale)
  const p = d.payment
  return (
    <Layout locale={d.locale} preview={t.preview(o.display_id, m(o.total))} storefrontUrl={d.storefront_url}>
      <Heading as="h1" style={heading}>
        {t.title(o.display_id)}
      </Heading>
      <Heading as="h2" style={{ ...heading, fontSize: "16px" }}>
        {t.items}
      </Heading>
      {o.items.map((item, i) => (
        <Row key={i} style={{ marginBottom: "8px" }}>
          <Column>
            <Text style={{ ...text, margin: 0 }}>
              <strong>{item.title}</strong>
              {item.variant_title && item.variant_title !== "Default" ? ` — ${item.variant_title}` : ""}
            </Text>
            <Text style={{ ...muted, margin: 0 }}>
              {item.stars ? <span style={{ color: "#b7791f" }}>{starGlyphs(item.stars)} OCOP {item.stars}★ · </span> : null}
              {item.producer_name ? `${t.by}: ${item.producer_name}` : null}
            </Text>
          </Column>
          <Column style={{ width: "160px", textAlign: "right", verticalAlign: "top" }}>
            <Text style={{ ...text, margin: 0 }}>
              {t.qty} {item.quantity} × {m(item.unit_price)}
            </Text>
            <Text style={{ ...text, margin: 0, fontWeight: "bold" }}>{m(item.total)}</Text>
          </Column>
        </Row>
      ))}
      <Section style={{ marginTop: "12px" }}>
        <Total label={t.subtotal} value={m(o.subtotal)} />
        <Total label={t.shipping} value={m(o.shipping_total)} />
        {o.discount_total ? <Total label={t.discount} value={`−${m(o.discount_total)}`} /> : null}
        {o.tax_total ? <Total label={t.tax} value={m(o.tax_total)} /> : null}
        <Total label={t.total} value={m(o.total)} strong />
      </Section>
      <Heading as="h2" style={{ ...heading, fontSize: "16px", marginTop: "16px" }}>
        {t.deliverTo}
      </Heading>
      <Address address={o.shipping_address} />
      <Heading as="h2" style={{ ...heading, fontSize: "16px" }}>
        {t.payment}
      </Heading>
      {p.method === "cod" ? <Text style={text}>{t.cod(m(p.amount))}</Text> : null}
      {p.method === "bank_transfer" ? (
        <Section>
          <Text style={text}>{t.transfer(m(p.amount))}</Text>
          <Img src={`cid:${VIETQR_CID}`} width="200" height="200" alt={`VietQR ${p.reference}`} />
          <Text style={text}>
            {t.bank}: {p.bank_name}
            <br />
            {t.account}: {p.account_number}
            <br />
            {t.holder}: {p.account_name}
            <br />
            {t.reference}: <strong>{p.reference}</strong>
          </Text>
          <Text style={muted}>{t.referenceNote}</Text>
        </Section>
      ) : null}
      {p.method === "card" ? <Text style={text}>{t.card(m(p.amount))}</Text> : null}
      {p.method === "other" ? <Text style={text}>{t.other(m(p.amount))}</Text> : null}
      <Text style={text}>
        <Link href={orderUrl(d, o.id)} style={link}>
          {t.view}
        </Link>
      </Text>
    </Layout>
  )
}

function Total({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <Row>
      <Column>
        <Text style={{ ...text, margin: 0, fontWeight: strong ? "bold" : "normal" }}>{label}</Text>
      </Column>
      <Column style={{ textAlign: "right" }}>
        <Text style={{ ...text, margin: 0, fontWeight: strong ? "bold" : "normal" }}>{value}</Text>
      </Column>
    </Row>
  )
}
