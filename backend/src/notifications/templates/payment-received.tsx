import { Heading, Link, Text } from "@react-email/components"
import { formatMoney } from "../format"
import type { PaymentReceivedData } from "../types"
import { Layout, heading, link, text } from "./layout"
import { orderUrl } from "./order-placed"

const T = {
  vi: {
    subject: (n: string | number) => `Đã nhận thanh toán cho đơn hàng #${n} — Chợ OCOP Huế`,
    body: (amount: string, n: string | number) => `Chúng tôi đã nhận ${amount} cho đơn hàng #${n}. Các chủ thể sẽ đóng gói và gửi hàng.`,
    view: "Xem đơn hàng",
  },
  en: {
    subject: (n: string | number) => `Payment received for order #${n} — Huế OCOP Marketplace`,
    body: (amount: string, n: string | number) => `We received ${amount} for order #${n}. The producers will now pack and ship it.`,
    view: "View your order",
  },
}

export const paymentReceivedSubject = (d: PaymentReceivedData) => T[d.locale].subject(d.order.display_id)

export function PaymentReceivedEmail(d: PaymentReceivedData) {
  const t = T[d.locale]
  return (
    <Layout locale={d.locale} preview={paymentReceivedSubject(d)} storefrontUrl={d.storefront_url}>
      <Heading as="h1" style={heading}>
        {paymentReceivedSubject(d)}
      </Heading>
      <Text style={text}>{t.body(formatMoney(d.amount, d.order.currency_code, d.locale), d.order.display_id)}</Text>
      <Text style={text}>
        <Link href={orderUrl(d, d.order.id)} style={link}>
          {t.view}
        </Link>
      </Text>
    </Layout>
  )
}
