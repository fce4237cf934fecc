import { Heading, Link, Section, Text } from "@react-email/components"
import { formatDate } from "../format"
import type { AdminDigestData } from "../types"
import { Layout, heading, link, muted, text } from "./layout"

const T = {
  vi: {
    subject: (d: string, n: number) => `Bản tin OCOP ngày ${d}: ${n} việc cần xem — Chợ OCOP Huế`,
    producers: "Chủ thể chờ duyệt hồ sơ",
    certifications: "Chứng nhận chờ duyệt",
    expiring: "Chứng nhận hết hạn trong tháng này",
    applied: (d: string) => `nộp ngày ${d}`,
    until: (d: string) => `hết hạn ngày ${d}`,
    none: "Không có.",
    open: "Mở trang quản trị",
  },
  en: {
    subject: (d: string, n: number) => `OCOP digest for ${d}: ${n} item(s) to review — Huế OCOP Marketplace`,
    producers: "Producers waiting for review",
    certifications: "Certifications waiting for review",
    expiring: "Certificates expiring this month",
    applied: (d: string) => `applied ${d}`,
    until: (d: string) => `expires ${d}`,
    none: "None.",
    open: "Open the admin",
  },
}

const count = (d: AdminDigestData) => d.pending_producers.length + d.pending_certifications.length + d.expiring.length

export const adminDigestSubject = (d: AdminDigestData) => T[d.locale].subject(formatDate(d.date, d.locale), count(d))

/** The office's morning list: what waits for a decision, and what lapses before the month ends. */
export function AdminDigestEmail(d: AdminDigestData) {
  const t = T[d.locale]
  const list = (title: string, rows: string[], testId: string) => (
    <Section data-section={testId}>
      <Heading as="h2" style={{ ...heading, fontSize: "16px" }}>
        {title} ({rows.length})
      </Heading>
      {rows.length ? rows.map((r, i) => <Text key={i} style={text}>• {r}</Text>) : <Text style={muted}>{t.none}</Text>}
    </Section>
  )
  return (
    <Layout locale={d.locale} preview={adminDigestSubject(d)} storefrontUrl={d.storefront_url}>
      <Heading as="h1" style={heading}>
        {adminDigestSubject(d)}
      </Heading>
      {list(t.producers, d.pending_producers.map((p) => `${p.name} — ${t.applied(formatDate(p.applied_at, d.locale))}`), "producers")}
      {list(t.certifications, d.pending_certifications.map((c) => `${c.certificate_number} — ${c.product_title} (${c.producer_name})`), "certifications")}
      {list(t.expiring, d.expiring.map((c) => `${c.certificate_number} — ${c.product_title} (${c.producer_name}), ${t.until(formatDate(c.valid_until, d.locale))}`), "expiring")}
      <Text style={text}>
        <Link href={d.admin_url} style={link}>
          {t.open}
        </Link>
      </Text>
    </Layout>
  )
}
