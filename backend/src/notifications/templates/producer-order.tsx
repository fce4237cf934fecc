import { Column, Heading, Link, Row, Text } from "@react-email/components"
import { formatMoney } from "../format"
import type { ProducerOrderData } from "../types"
import { Address, Layout, heading, link, muted, text } from "./layout"

const T = {
  vi: {
    subject: (n: string | number) => `Đơn hàng mới #${n} cần giao — Chợ OCOP Huế`,
    title: (name: string, n: string | number) => `${name}: có đơn hàng mới #${n}`,
    intro: "Các sản phẩm của bạn trong đơn này (chỉ phần của bạn):",
    qty: "SL",
    shipTo: "Giao đến",
    open: "Mở đơn trong cổng chủ thể để đóng gói và giao",
  },
  en: {
    subject: (n: string | number) => `New order #${n} to ship — Huế OCOP Marketplace`,
    title: (name: string, n: string | number) => `${name}: new order #${n}`,
    intro: "Your products in this order (only your lines):",
    qty: "Qty",
    shipTo: "Ship to",
    open: "Open the order in the producer portal to pack and ship it",
  },
}

export const producerOrderSubject = (d: ProducerOrderData) => T[d.locale].subject(d.order.display_id)

export function ProducerOrderEmail(d: ProducerOrderData) {
  const t = T[d.locale]
  const m = (n: number) => formatMoney(n, d.order.currency_code, d.locale)
  return (
    <Layout locale={d.locale} preview={t.title(d.producer.name, d.order.display_id)} storefrontUrl={d.storefront_url}>
      <Heading as="h1" style={heading}>
        {t.title(d.producer.name, d.order.display_id)}
      </Heading>
      <Text style={text}>{t.intro}</Text>
      {d.order.items.map((item, i) => (
        <Row key={i}>
          <Column>
            <Text style={{ ...text, margin: 0 }}>
              <strong>{item.title}</strong>
              {item.variant_title && item.variant_title !== "Default" ? ` — ${item.variant_title}` : ""}
            </Text>
          </Column>
          <Column style={{ width: "180px", textAlign: "right" }}>
            <Text style={{ ...text, margin: 0 }}>
              {t.qty} {item.quantity} × {m(item.unit_price)} = {m(item.total)}
            </Text>
          </Column>
        </Row>
      ))}
      <Heading as="h2" style={{ ...heading, fontSize: "16px", marginTop: "16px" }}>
        {t.shipTo}
      </Heading>
      <Address address={d.order.shipping_address} />
      <Text style={text}>
        <Link href={`${d.storefront_url}/${d.locale}/producer/orders/${d.order.id}`} style={link}>
          {t.open}
        </Link>
      </Text>
      <Text style={muted}>#{d.order.display_id}</Text>
    </Layout>
  )
}
