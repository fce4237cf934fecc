import { Heading, Link, Text } from "@react-email/components"
import { formatDate } from "../format"
import type { CertificateExpiryData } from "../types"
import { Layout, heading, link, text } from "./layout"

const T = {
  vi: {
    subject: (d: CertificateExpiryData) =>
      d.stage === 0 ? `Chứng nhận OCOP ${d.certificate_number} đã hết hạn` : `Chứng nhận OCOP ${d.certificate_number} hết hạn sau ${d.days_left} ngày`,
    body: (d: CertificateExpiryData, date: string) =>
      d.stage === 0
        ? `Chứng nhận của sản phẩm “${d.product_title}” đã hết hạn ngày ${date}. Sản phẩm đã ngừng bán cho đến khi có quyết định công nhận mới.`
        : `Chứng nhận của sản phẩm “${d.product_title}” hết hạn ngày ${date} (còn ${d.days_left} ngày). Hãy nộp hồ sơ đánh giá lại để sản phẩm không bị ngừng bán.`,
    open: "Nộp quyết định mới trong cổng chủ thể",
  },
  en: {
    subject: (d: CertificateExpiryData) =>
      d.stage === 0 ? `OCOP certificate ${d.certificate_number} has expired` : `OCOP certificate ${d.certificate_number} expires in ${d.days_left} days`,
    body: (d: CertificateExpiryData, date: string) =>
      d.stage === 0
        ? `The certificate of “${d.product_title}” expired on ${date}. The product is off sale until a new decision is recorded.`
        : `The certificate of “${d.product_title}” expires on ${date} (${d.days_left} days left). Apply for re-assessment so the product stays on sale.`,
    open: "Submit a new decision in the producer portal",
  },
}

export const certificateExpirySubject = (d: CertificateExpiryData) => T[d.locale].subject(d)

export function CertificateExpiryEmail(d: CertificateExpiryData) {
  const t = T[d.locale]
  return (
    <Layout locale={d.locale} preview={certificateExpirySubject(d)} storefrontUrl={d.storefront_url} preferencesUrl={d.preferences_url} unsubscribeUrl={d.unsubscribe_url}>
      <Heading as="h1" style={heading}>
        {certificateExpirySubject(d)}
      </Heading>
      <Text style={text}>{t.body(d, formatDate(d.valid_until, d.locale))}</Text>
      <Text style={text}>
        <Link href={`${d.storefront_url}/${d.locale}/producer/products`} style={link}>
          {t.open}
        </Link>
      </Text>
    </Layout>
  )
}
