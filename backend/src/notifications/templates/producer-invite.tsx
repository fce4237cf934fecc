import { Button, Heading, Text } from "@react-email/components"
import { formatDate } from "../format"
import type { ProducerInviteData } from "../types"
import { Layout, button, heading, muted, text } from "./layout"

const T = {
  vi: {
    subject: (p: string) => `${p} mời bạn vào cổng chủ thể — Chợ OCOP Huế`,
    body: (p: string) => `${p} mời bạn cùng quản lý sản phẩm và đơn hàng của chủ thể trên cổng chủ thể của Chợ OCOP Huế.`,
    how: "Đăng ký (hoặc đăng nhập) bằng đúng địa chỉ email này rồi chấp nhận lời mời.",
    action: "Chấp nhận lời mời",
    expires: (d: string) => `Lời mời hết hạn ngày ${d}.`,
    ignore: "Nếu bạn không biết chủ thể này, hãy bỏ qua thư này.",
  },
  en: {
    subject: (p: string) => `${p} invites you to its producer portal — Huế OCOP Marketplace`,
    body: (p: string) => `${p} invites you to help manage its products and orders in the Huế OCOP Marketplace producer portal.`,
    how: "Sign up (or sign in) with this very email address, then accept the invitation.",
    action: "Accept the invitation",
    expires: (d: string) => `The invitation expires on ${d}.`,
    ignore: "If you do not know this producer, ignore this message.",
  },
}

export const producerInviteSubject = (d: ProducerInviteData) => T[d.locale].subject(d.producer_name)

export function ProducerInviteEmail(d: ProducerInviteData) {
  const t = T[d.locale]
  return (
    <Layout locale={d.locale} preview={producerInviteSubject(d)} storefrontUrl={d.storefront_url}>
      <Heading as="h1" style={heading}>
        {producerInviteSubject(d)}
      </Heading>
      <Text style={text}>{t.body(d.producer_name)}</Text>
      <Text style={text}>{t.how}</Text>
      <Button href={d.url} style={button}>
        {t.action}
      </Button>
      <Text style={muted}>{t.expires(formatDate(d.expires_at, d.locale))}</Text>
      <Text style={muted}>{t.ignore}</Text>
    </Layout>
  )
}
