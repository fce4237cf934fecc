import { Heading, Link, Text } from "@react-email/components"
import type { ShipmentData } from "../types"
import { Layout, heading, link, text } from "./layout"
import { orderUrl } from "./order-placed"

const T = {
  vi: {
    subject: (n: string | number) => `Đơn hàng #${n} đã được gửi đi — Chợ OCOP Huế`,
    title: (n: string | number) => `Một phần đơn hàng #${n} đang trên đường đến bạn`,
    from: "Gửi từ",
    carrier: "Đơn vị vận chuyển",
    tracking: "Mã vận đơn",
    track: "Theo dõi kiện hàng",
    view: "Xem đơn hàng",
  },
  en: {
    subject: (n: string | number) => `Order #${n} has shipped — Huế OCOP Marketplace`,
    title: (n: string | number) => `Part of order #${n} is on its way`,
    from: "Sent by",
    carrier: "Carrier",
    tracking: "Tracking number",
    track: "Track the parcel",
    view: "View your order",
  },
}

export const shipmentSubject = (d: ShipmentData) => T[d.locale].subject(d.order.display_id)

export function ShipmentEmail(d: ShipmentData) {
  const t = T[d.locale]
  return (
    <Layout locale={d.locale} preview={t.title(d.order.display_id)} storefrontUrl={d.storefront_url}>
      <Heading as="h1" style={heading}>
        {t.title(d.order.display_id)}
      </Heading>
      <Text style={text}>
        {d.items.map((i, k) => (
          <span key={k}>
            {i.quantity} × {i.title}
            <br />
          </span>
        ))}
      </Text>
      <Text style={text}>
        {d.producer_name ? (
          <>
            {t.from}: {d.producer_name}
            <br />
          </>
        ) : null}
        {d.carrier ? (
          <>
            {t.carrier}: {d.carrier}
            <br />
          </>
        ) : null}
        {d.tracking.map((l, k) => (
          <span key={k}>
            {t.tracking}: {l.number}
            {l.url ? (
              <>
                {" — "}
                <Link href={l.url} style={link}>
                  {t.track}
                </Link>
              </>
            ) : null}
            <br />
          </span>
        ))}
      </Text>
      <Text style={text}>
        <Link href={orderUrl(d, d.order.id)} style={link}>
          {t.view}
        </Link>
      </Text>
    </Layout>
  )
}
