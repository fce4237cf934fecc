import { Button, Heading, Text } from "@react-email/components"
import type { PasswordResetData } from "../types"
import { Layout, button, heading, muted, text } from "./layout"

const T = {
  vi: {
    subject: "Đặt lại mật khẩu cổng chủ thể — Chợ OCOP Huế",
    body: "Có yêu cầu đặt lại mật khẩu cho tài khoản cổng chủ thể của bạn. Liên kết dùng được một lần và sớm hết hạn.",
    action: "Đặt mật khẩu mới",
    ignore: "Nếu bạn không yêu cầu, hãy bỏ qua thư này: mật khẩu hiện tại vẫn giữ nguyên.",
  },
  en: {
    subject: "Reset your producer portal password — Huế OCOP Marketplace",
    body: "Someone asked to reset the password of your producer portal account. The link works once and expires soon.",
    action: "Choose a new password",
    ignore: "If it was not you, ignore this message: your password stays as it is.",
  },
}

export const passwordResetSubject = (d: PasswordResetData) => T[d.locale].subject

export function PasswordResetEmail(d: PasswordResetData) {
  const t = T[d.locale]
  return (
    <Layout locale={d.locale} preview={t.subject} storefrontUrl={d.storefront_url}>
      <Heading as="h1" style={heading}>
        {t.subject}
      </Heading>
      <Text style={text}>{t.body}</Text>
      <Button href={d.url} style={button}>
        {t.action}
      </Button>
      <Text style={muted}>{t.ignore}</Text>
    </Layout>
  )
}
