import Medusa from "@medusajs/js-sdk"
import {
  OCOP_GROUPS as OCOP_GROUP_LIST,
  type CertificationEventRecord,
  type CertificationRecord,
  type ProducerRecord,
} from "../../modules/ocop/contract"

// The dashboard is served by the backend itself: same origin, session cookie auth.
// (No import.meta here: `medusa build` also type-checks admin files as CommonJS.)
export const sdk = new Medusa({
  baseUrl: "/",
  debug: false,
  auth: { type: "session" },
})

// The records the admin API returns, from the OCOP contract (inferred from the data models).
export type Certification = CertificationRecord & {
  producer?: Pick<ProducerRecord, "id" | "handle" | "legal_name" | "status">
  product?: { id: string; title: string; handle: string; status: string; thumbnail: string | null }
  events?: CertificationEventRecord[]
}

export type Producer = ProducerRecord & {
  products?: { id: string; title: string; handle: string; status: string }[]
}

export type ListingChange = {
  id: string
  producer_id: string
  product_id: string | null
  subject: "producer" | "product" | "certification" | "member" | "order"
  action: string
  fields: string[]
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
  requires_review: boolean
  review_decision: "approved" | "rejected" | null
  review_note: string | null
  reviewed_at: string | null
  occurred_at: string
  product: { id: string; title: string; handle: string; status: string } | null
}

/** The product groups of the current taxonomy, labelled in both languages. */
export const OCOP_GROUPS = OCOP_GROUP_LIST.map((g) => ({ code: g.code, label: `${g.vi} — ${g.en}` }))

export function formatDate(value: string | null | undefined) {
  if (!value) return "—"
  return new Date(value).toLocaleDateString("vi-VN", { year: "numeric", month: "2-digit", day: "2-digit" })
}

export function errorMessage(e: unknown): string {
  return (e as { message?: string })?.message ?? "Something went wrong"
}
