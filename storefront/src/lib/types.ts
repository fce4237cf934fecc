/** OCOP extensions of the Medusa store API (see backend/src/api/utils/public-fields.ts). */
import type { HttpTypes } from "@medusajs/types"

export type ProducerType = "cooperative" | "enterprise" | "cooperative_group" | "household"
export type GroupCode = "food" | "beverage" | "herbal" | "handicraft" | "ornamental" | "tourism"
export type CertificationStatus = "active" | "expired" | "revoked" | "suspended" | "pending_review" | "rejected"
export type AuthorityLevel = "district" | "province" | "central"

export type Producer = {
  id: string
  handle: string
  legal_name: string
  type: ProducerType
  registration_number?: string | null
  street?: string | null
  commune?: string | null
  district?: string | null
  province?: string | null
  story_vi?: string | null
  story_en?: string | null
  logo_url?: string | null
  latitude?: number | null
  longitude?: number | null
  phone?: string | null
  email?: string | null
  website?: string | null
}

export type Certification = {
  id: string
  certificate_number: string
  decision_number?: string | null
  decision_date?: string | null
  issuing_authority?: string | null
  authority_level?: AuthorityLevel | null
  score?: number | null
  stars: number
  potential_five_star?: boolean | null
  group_code?: GroupCode | string | null
  subgroup?: string | null
  valid_from?: string | null
  valid_until?: string | null
  status: CertificationStatus
  status_reason?: string | null
  geographical_indication?: string | null
  collective_trademark?: string | null
  is_demo?: boolean | null
}

export type Labelling = {
  net_quantity?: string | null
  ingredients_vi?: string | null
  ingredients_en?: string | null
  shelf_life_months?: number | null
  storage_vi?: string | null
  storage_en?: string | null
  ethanol_content?: string | number | null
}

export type OcopProduct = HttpTypes.StoreProduct & {
  producer?: Producer | null
  certifications?: Certification[] | null
}

export type ProductSummary = {
  id: string | null
  handle: string | null
  title: string
  subtitle?: string | null
  thumbnail?: string | null
  metadata?: Record<string, unknown> | null
}

export type ProducerWithProducts = Producer & { products?: ProductSummary[] }

export type SearchHit = {
  id: string
  handle: string
  title: string
  title_en?: string | null
  subtitle?: string | null
  thumbnail?: string | null
  stars?: number | null
  potential_five_star?: boolean | null
  group_code?: string | null
  producer_name?: string | null
  producer_handle?: string | null
  producer_type?: string | null
  district?: string | null
  commune?: string | null
  price_vnd?: number | null
  price_usd?: number | null
}

export type SearchFacets = {
  stars?: Record<string, number>
  group_code?: Record<string, number>
  district?: Record<string, number>
  producer_type?: Record<string, number>
}

export type SearchResponse = { hits: SearchHit[]; count: number; facets: SearchFacets }

export type OcopGroup = { code: string; vi: string; en: string }

export type CertificateEvent = {
  type: string
  from_status?: string | null
  to_status?: string | null
  from_stars?: number | null
  to_stars?: number | null
  reason?: string | null
  occurred_at: string
}

export type CertificateRecord = Certification & {
  in_force?: boolean
  sellable?: boolean
  product: ProductSummary | null
  producer?: Producer | null
  events?: CertificateEvent[]
}

/** Result wrapper used by the data layer: pages render a friendly state on `ok: false`. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: string; status?: number }
