/** OCOP extensions of the Medusa store API: the types come from the OCOP contract (backend/src/modules/ocop/contract.ts). */
import type { HttpTypes } from "@medusajs/types"
import type {
  AuthorityLevel,
  CertificationStatus,
  CurrentCertificate,
  OcopGroupCode,
  ProducerType,
  PublicCertification,
  PublicProducer,
} from "@hue-ocop/backend/ocop-contract"

export type { AuthorityLevel, CertificationStatus, CurrentCertificate, ProducerType }
export type GroupCode = OcopGroupCode

export type Producer = PublicProducer

export type Certification = PublicCertification

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
  /** The certificate to show, chosen by the backend (latest decision in force); with `*certifications`. */
  current_certification?: CurrentCertificate | null
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
  /** Current ward/commune (since the 2025 reform); `district` is the former district, the "area". */
  commune?: Record<string, number>
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
