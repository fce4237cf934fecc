import Medusa from "@medusajs/js-sdk"

// The dashboard is served by the backend itself: same origin, session cookie auth.
// (No import.meta here: `medusa build` also type-checks admin files as CommonJS.)
export const sdk = new Medusa({
  baseUrl: "/",
  debug: false,
  auth: { type: "session" },
})

export type Certification = {
  id: string
  product_id: string
  certificate_number: string
  decision_number: string
  decision_date: string
  issuing_authority: string
  authority_level: "district" | "province" | "central"
  score: number
  stars: number
  potential_five_star: boolean
  group_code: string
  subgroup: string | null
  valid_from: string
  valid_until: string
  status: "pending_review" | "active" | "expired" | "revoked" | "suspended" | "rejected"
  status_reason: string | null
  geographical_indication: string | null
  collective_trademark: string | null
  is_demo: boolean
  producer?: { id: string; handle: string; legal_name: string; status: string }
  product?: { id: string; title: string; handle: string; status: string; thumbnail: string | null }
  events?: {
    id: string
    type: string
    from_status: string | null
    to_status: string | null
    from_stars: number | null
    to_stars: number | null
    from_score: number | null
    to_score: number | null
    reason: string | null
    actor_type: string | null
    occurred_at: string
  }[]
}

export type Producer = {
  id: string
  handle: string
  legal_name: string
  type: string
  registration_number: string
  commune: string
  district: string
  province: string
  status: "pending" | "approved" | "rejected" | "suspended"
  status_reason: string | null
  email: string | null
  phone: string | null
  created_at: string
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

export const OCOP_GROUPS = [
  { code: "food", label: "Thực phẩm — Food" },
  { code: "beverage", label: "Đồ uống — Beverages" },
  { code: "herbal", label: "Dược liệu — Herbal" },
  { code: "handicraft", label: "Thủ công mỹ nghệ — Handicrafts" },
  { code: "ornamental", label: "Sinh vật cảnh — Ornamental" },
  { code: "tourism", label: "Du lịch cộng đồng — Tourism" },
]

export function formatDate(value: string | null | undefined) {
  if (!value) return "—"
  return new Date(value).toLocaleDateString("vi-VN", { year: "numeric", month: "2-digit", day: "2-digit" })
}

export function errorMessage(e: unknown): string {
  return (e as { message?: string })?.message ?? "Something went wrong"
}
