import { Heading, Link, Text } from "@react-email/components"
import { formatMoney } from "../format"
import type { OrderCanceledData } from "../types"
import { Layout, heading, link, text } from "./layout"
import { orderUrl } from "./order-placed"

const T = {
  vi: {
    subject: (n: string | number) => `Đơn hàng #${n} đã bị huỷ — Chợ OCOP Huế`,
    body: (n: string | number) => `Đơn hàng #${n} đã được huỷ.`,
    refund: (amount: string) => `Số tiền ${amount} bạn đã thanh toán sẽ được hoàn lại.`,
    nothing: "Bạn không bị tính tiền cho đơn này.",
    view: "Xem đơn hàng",
  },
  en: {
    subject: (n: string | number) => `Order #${n} is cancelled — Huế OCOP Marketplace`,
    body: (n: string | number) => `Order #${n} has been cancelled.`,
    refund: (amount: string) => `The ${amount} you paid will be refunded.`,
    nothing: "You have not been charged for this order.",
    view: "View your order",
  },
}

export const orderCanceledSubject = (d: OrderCanceledData) => T[d.locale].subject(d.order.display_id)

export function OrderCanceledEmail(d: OrderCanceledData) {
  const t = T[d.locale]
  return (
    <Layout locale={d.locale} preview={orderCanceledSubject(d)} storefrontUrl={d.storefront_url}>
      <Heading as="h1" style={heading}>
        {orderCanceledSubject(d)}
      </Heading>
      <Text style={text}>{t.body(d.order.display_id)}</Text>
      <Text style={text}>{d.refunded > 0 ? t.refund(formatMoney(d.refunded, d.order.currency_code, d.locale)) : t.nothing}</Text>
      <Text style={text}>
        <Link href={orderUrl(d, d.order.id)} style={link}>
          {t.view}
        </Link>
      </Text>
    </Layout>
  )
}
