import { Button, Heading, Text } from "@react-email/components"
import type { PasswordResetData } from "../types"
import { Layout, button, heading, muted, text } from "./layout"

const T = {
  vi: {
    subject: {
      customer: "Đặt lại mật khẩu tài khoản — Chợ OCOP Huế",
      producer: "Đặt lại mật khẩu cổng chủ thể — Chợ OCOP Huế",
      user: "Đặt lại mật khẩu trang quản trị — Chợ OCOP Huế",
    },
    body: {
      customer: "Có yêu cầu đặt lại mật khẩu cho tài khoản mua hàng của bạn.",
      producer: "Có yêu cầu đặt lại mật khẩu cho tài khoản cổng chủ thể của bạn.",
      user: "Có yêu cầu đặt lại mật khẩu cho tài khoản quản trị của bạn.",
    },
    once: "Liên kết dùng được một lần và sớm hết hạn.",
    action: "Đặt mật khẩu mới",
    ignore: "Nếu bạn không yêu cầu, hãy bỏ qua thư này: mật khẩu hiện tại vẫn giữ nguyên.",
  },
  en: {
    subject: {
      customer: "Reset your account password — Huế OCOP Marketplace",
      producer: "Reset your producer portal password — Huế OCOP Marketplace",
      user: "Reset your admin password — Huế OCOP Marketplace",
    },
    body: {
      customer: "Someone asked to reset the password of your shopping account.",
      producer: "Someone asked to reset the password of your producer portal account.",
      user: "Someone asked to reset the password of your admin account.",
    },
    once: "The link works once and expires soon.",
    action: "Choose a new password",
    ignore: "If it was not you, ignore this message: your password stays as it is.",
  },
}

export const passwordResetSubject = (d: PasswordResetData) => T[d.locale].subject[d.actor]

export function PasswordResetEmail(d: PasswordResetData) {
  const t = T[d.locale]
  return (
    <Layout locale={d.locale} preview={t.subject[d.actor]} storefrontUrl={d.storefront_url}>
      <Heading as="h1" style={heading}>
        {t.subject[d.actor]}
      </Heading>
      <Text style={text}>
        {t.body[d.actor]} {t.once}
      </Text>
      <Button href={d.url} style={button}>
        {t.action}
      </Button>
      <Text style={muted}>{t.ignore}</Text>
    </Layout>
  )
}
