import { Heading, Link, Text } from "@react-email/components"
import type { ProducerDecisionData } from "../types"
import { Layout, heading, link, text } from "./layout"

const T = {
  vi: {
    subject: { approved: "Hồ sơ chủ thể đã được duyệt — Chợ OCOP Huế", rejected: "Hồ sơ chủ thể chưa được duyệt — Chợ OCOP Huế" },
    approved: (n: string) => `${n} đã được duyệt. Bạn có thể đăng sản phẩm và nhận đơn hàng trong cổng chủ thể.`,
    rejected: (n: string) => `Hồ sơ của ${n} chưa được duyệt.`,
    reason: "Lý do",
    open: "Mở cổng chủ thể",
  },
  en: {
    subject: { approved: "Your producer application is approved — Huế OCOP Marketplace", rejected: "Your producer application was not approved — Huế OCOP Marketplace" },
    approved: (n: string) => `${n} is approved. You can now list products and receive orders in the producer portal.`,
    rejected: (n: string) => `The application of ${n} was not approved.`,
    reason: "Reason",
    open: "Open the producer portal",
  },
}

export const producerDecisionSubject = (d: ProducerDecisionData) => T[d.locale].subject[d.decision]

export function ProducerDecisionEmail(d: ProducerDecisionData) {
  const t = T[d.locale]
  return (
    <Layout locale={d.locale} preview={t.subject[d.decision]} storefrontUrl={d.storefront_url}>
      <Heading as="h1" style={heading}>
        {t.subject[d.decision]}
      </Heading>
      <Text style={text}>{d.decision === "approved" ? t.approved(d.producer_name) : t.rejected(d.producer_name)}</Text>
      {d.reason ? (
        <Text style={text}>
          {t.reason}: {d.reason}
        </Text>
      ) : null}
      <Text style={text}>
        <Link href={`${d.storefront_url}/${d.locale}/producer`} style={link}>
          {t.open}
        </Link>
      </Text>
    </Layout>
  )
}
