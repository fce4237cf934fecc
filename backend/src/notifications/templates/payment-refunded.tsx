import { Heading, Link, Text } from "@react-email/components"
import { formatMoney } from "../format"
import type { PaymentRefundedData } from "../types"
import { Layout, heading, link, muted, text } from "./layout"
import { orderUrl } from "./order-placed"

const T = {
  vi: {
    subject: (n: string | number) => `Hoàn tiền cho đơn hàng #${n} — Chợ OCOP Huế`,
    body: (amount: string, n: string | number) => `Chúng tôi đã hoàn ${amount} cho đơn hàng #${n}.`,
    note: (note: string) => `Ghi chú: ${note}`,
    when: "Tiền về tài khoản của bạn theo thời gian xử lý của ngân hàng hoặc đơn vị thanh toán.",
    view: "Xem đơn hàng",
  },
  en: {
    subject: (n: string | number) => `Refund for order #${n} — Huế OCOP Marketplace`,
    body: (amount: string, n: string | number) => `We refunded ${amount} for order #${n}.`,
    note: (note: string) => `Note: ${note}`,
    when: "The money reaches your account as fast as your bank or payment provider processes it.",
    view: "View your order",
  },
}

export const paymentRefundedSubject = (d: PaymentRefundedData) => T[d.locale].subject(d.order.display_id)

export function PaymentRefundedEmail(d: PaymentRefundedData) {
  const t = T[d.locale]
  return (
    <Layout locale={d.locale} preview={paymentRefundedSubject(d)} storefrontUrl={d.storefront_url}>
      <Heading as="h1" style={heading}>
        {paymentRefundedSubject(d)}
      </Heading>
      <Text style={text}>{t.body(formatMoney(d.amount, d.order.currency_code, d.locale), d.order.display_id)}</Text>
      {d.note ? <Text style={text}>{t.note(d.note)}</Text> : null}
      <Text style={muted}>{t.when}</Text>
      <Text style={text}>
        <Link href={orderUrl(d, d.order.id)} style={link}>
          {t.view}
        </Link>
      </Text>
    </Layout>
  )
}
