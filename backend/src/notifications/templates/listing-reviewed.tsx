import { Heading, Link, Text } from "@react-email/components"
import type { ListingReviewedData } from "../types"
import { Layout, heading, link, text } from "./layout"

const T = {
  vi: {
    subject: { approved: (p: string) => `Đã duyệt: ${p}`, rejected: (p: string) => `Chưa duyệt: ${p}` },
    approved: (p: string) => `Thay đổi của sản phẩm “${p}” đã được duyệt và sản phẩm đang được bán.`,
    rejected: (p: string) => `Thay đổi của sản phẩm “${p}” chưa được duyệt; sản phẩm vẫn là bản nháp.`,
    note: "Ghi chú của văn phòng OCOP",
    open: "Mở sản phẩm trong cổng chủ thể",
  },
  en: {
    subject: { approved: (p: string) => `Approved: ${p}`, rejected: (p: string) => `Not approved: ${p}` },
    approved: (p: string) => `The changes to “${p}” are approved and the product is on sale.`,
    rejected: (p: string) => `The changes to “${p}” were not approved; the product stays a draft.`,
    note: "Note from the OCOP office",
    open: "Open the product in the producer portal",
  },
}

export const listingReviewedSubject = (d: ListingReviewedData) => T[d.locale].subject[d.decision](d.product_title)

export function ListingReviewedEmail(d: ListingReviewedData) {
  const t = T[d.locale]
  return (
    <Layout locale={d.locale} preview={listingReviewedSubject(d)} storefrontUrl={d.storefront_url} preferencesUrl={d.preferences_url} unsubscribeUrl={d.unsubscribe_url}>
      <Heading as="h1" style={heading}>
        {listingReviewedSubject(d)}
      </Heading>
      <Text style={text}>{d.decision === "approved" ? t.approved(d.product_title) : t.rejected(d.product_title)}</Text>
      {d.note ? (
        <Text style={text}>
          {t.note}: {d.note}
        </Text>
      ) : null}
      <Text style={text}>
        <Link href={`${d.storefront_url}/${d.locale}/producer/products/${d.product_id}`} style={link}>
          {t.open}
        </Link>
      </Text>
    </Layout>
  )
}
