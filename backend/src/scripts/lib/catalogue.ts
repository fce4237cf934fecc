import fs from "node:fs"
import path from "node:path"
import type { ProducerType } from "../../modules/ocop/taxonomy"

export type CatalogueProducer = {
  handle: string
  legal_name: string
  type: ProducerType
  registration_number: string
  street?: string | null
  /** The current ward/commune (one of admin-units-2025.json). */
  commune: string
  /** The commune before 1 July 2025; the current one is derived from it (and must agree). */
  former_commune?: string | null
  /** The former district, kept as the producer's "area". */
  district: string
  province: string
  latitude?: number | null
  longitude?: number | null
  phone?: string | null
  email?: string | null
  website?: string | null
  story_vi?: string | null
  story_en?: string | null
  status: "approved" | "suspended" | "pending" | "rejected"
}

export type CatalogueProduct = {
  handle: string
  producer: string
  title_vi: string
  title_en: string
  subtitle_vi: string
  subtitle_en: string
  description_vi: string
  description_en: string
  group: string
  subgroup: string
  tags: string[]
  search_synonyms?: string[]
  weight_g: number
  labelling: Record<string, unknown>
  other_marks?: { geographical_indication: string | null; collective_trademark: string | null }
  options: { title_vi: string; title_en: string; values: string[] }[]
  variants: { sku: string; title: string; option_values: Record<string, string>; prices: { vnd: number; usd: number }; inventory: number }[]
  certification: {
    certificate_number: string
    decision_number: string
    decided_months_ago: number
    issuing_authority: string
    authority_level: "district" | "province" | "central"
    score: number
    stars: number
    potential_five_star: boolean
    status: "active" | "expired" | "revoked" | "suspended" | "pending_review" | "rejected"
    status_reason: string | null
  }
}

export type Catalogue = { producers: CatalogueProducer[]; products: CatalogueProduct[] }

/**
 * The demo catalogue is data, not code: backend/src/scripts/data/catalogue.json.
 * OCOP_CATALOGUE_FILE points the seed at another file (the benchmarks' generated catalogue).
 */
export function loadCatalogue(
  file = process.env.OCOP_CATALOGUE_FILE || path.join(__dirname, "..", "data", "catalogue.json")
): Catalogue {
  return JSON.parse(fs.readFileSync(file, "utf8")) as Catalogue
}
