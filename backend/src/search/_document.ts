/**
 * Turns a product read through `query.graph` into its search document, or into
 * nothing when the product may not be sold — graphSeed/graphConsume then delete
 * it from the index. This is the one place the index applies the OCOP rule.
 */
import { areaOfProducer } from "../modules/ocop/admin-units"
import { currentCertification, isCertificationInForce, isSellable } from "../modules/ocop/rules"
import { OCOP_GROUPS } from "../modules/ocop/taxonomy"
import { expandSynonyms } from "./_synonyms"
import { foldedText, uniqueWords } from "./_text"

/** What the index reads for each product. */
export const PRODUCT_GRAPH_FIELDS = [
  "id",
  "handle",
  "title",
  "subtitle",
  "description",
  "thumbnail",
  "status",
  "created_at",
  "metadata",
  "tags.value",
  "sales_channels.id",
  "variants.id",
  "variants.prices.amount",
  "variants.prices.currency_code",
  "variants.prices.rules_count",
  "producer.id",
  "producer.handle",
  "producer.legal_name",
  "producer.type",
  "producer.status",
  "producer.commune",
  "producer.former_commune",
  "producer.district",
  "producer.province",
  "certifications.id",
  "certifications.producer_id",
  "certifications.status",
  "certifications.stars",
  "certifications.potential_five_star",
  "certifications.group_code",
  "certifications.subgroup",
  "certifications.decision_date",
  "certifications.valid_from",
  "certifications.valid_until",
  "certifications.geographical_indication",
  "certifications.collective_trademark",
]

export const SEARCH_CURRENCIES = ["vnd", "usd"] as const
export type SearchCurrency = (typeof SEARCH_CURRENCIES)[number]

const PRODUCER_TYPE_WORDS: Record<string, string[]> = {
  cooperative: ["hợp tác xã", "HTX", "cooperative"],
  enterprise: ["doanh nghiệp", "công ty", "enterprise", "company"],
  cooperative_group: ["tổ hợp tác", "cooperative group"],
  household: ["hộ kinh doanh", "cơ sở sản xuất", "household business"],
}

export type ProductSearchDocument = {
  id: string
  handle: string
  title: string
  title_en: string | null
  subtitle: string | null
  thumbnail: string | null
  status: string
  sales_channel_ids: string[]
  stars: number
  potential_five_star: boolean
  group_code: string
  producer_name: string | null
  producer_handle: string | null
  producer_type: string | null
  district: string | null
  commune: string | null
  province: string | null
  price_vnd: number | null
  price_usd: number | null
  created_at: string
  certified_until: string
  search_title: string
  search_keywords: string
  search_synonyms: string
  search_origin: string
  search_body: string
}

type Row = Record<string, any>

/**
 * Longest folded text kept per searchable field. Bounds the size of a document
 * (the Postgres provider keeps the filterable copy of it uncompressed in the
 * row, which must fit a page); titles and keywords are far below, and the first
 * 2 500 characters of a description hold what a shopper searches for.
 */
export const SEARCH_TEXT_LIMITS = { title: 300, keywords: 800, synonyms: 800, origin: 500, body: 2500 } as const
const cap = (text: string, max: number) => (text.length <= max ? text : text.slice(0, text.lastIndexOf(" ", max) > 0 ? text.lastIndexOf(" ", max) : max))

const str = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v.trim() : null)
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string" && !!x.trim()) : typeof v === "string" && v.trim() ? [v] : []
const iso = (v: unknown): string => new Date(v as string).toISOString()

/** Smallest price per currency; prices without rules (the list price) win over region or customer-group prices. */
export function minPrices(row: Row): Record<SearchCurrency, number | null> {
  const out = {} as Record<SearchCurrency, number | null>
  const prices = (row.variants ?? []).flatMap((v: Row) => v?.prices ?? []).filter(Boolean)
  for (const currency of SEARCH_CURRENCIES) {
    const all = prices.filter((p: Row) => String(p.currency_code).toLowerCase() === currency && Number.isFinite(Number(p.amount)))
    const plain = all.filter((p: Row) => !Number(p.rules_count))
    const pool = plain.length ? plain : all
    out[currency] = pool.length ? Math.min(...pool.map((p: Row) => Number(p.amount))) : null
  }
  return out
}

/**
 * The document for a product, or null when it must not be found: not
 * published, no certification in force (3★+, active, within its dates), or its
 * producer not approved — the same rule as OcopModuleService.evaluateSellability.
 */
export function toSearchDocument(row: Row, now: Date = new Date()): ProductSearchDocument | null {
  if (!row || row.status !== "published") return null
  const certifications: Row[] = (row.certifications ?? []).filter(Boolean)
  const current = currentCertification(certifications as any[], now) as Row | null
  if (!current || !isCertificationInForce(current as any, now)) return null
  const producer = row.producer ?? null
  if (!producer || !isSellable(certifications as any[], producer.status, now)) return null
  // The certification's producer is the one evaluateSellability checks; a product
  // re-linked to another producer without a new certification is not sellable.
  if (current.producer_id && producer.id && current.producer_id !== producer.id) return null

  const meta = (row.metadata ?? {}) as Record<string, unknown>
  const titleEn = str(meta.title_en)
  const subtitleEn = str(meta.subtitle_en)
  const descriptionEn = str(meta.description_en)
  const tags = [...strings(meta.tags), ...(row.tags ?? []).map((t: Row) => t?.value).filter((t: unknown) => typeof t === "string")]
  const ownSynonyms = strings(meta.search_synonyms)
  const group = OCOP_GROUPS.find((g) => g.code === current.group_code)
  const stars = Number(current.stars)
  const prices = minPrices(row)

  const starWords = [
    `${stars} sao`,
    `${stars} star`,
    `${stars} stars`,
    `OCOP ${stars} sao`,
    current.potential_five_star ? "tiềm năng 5 sao potential 5 star five star" : "",
  ]
  const synonyms = expandSynonyms([row.title, titleEn, row.subtitle, subtitleEn, ...tags, ...ownSynonyms, current.subgroup])

  return {
    id: row.id,
    handle: row.handle,
    title: row.title,
    title_en: titleEn,
    subtitle: str(row.subtitle),
    thumbnail: str(row.thumbnail),
    status: row.status,
    sales_channel_ids: (row.sales_channels ?? []).map((s: Row) => s?.id).filter(Boolean),
    stars,
    potential_five_star: !!current.potential_five_star,
    group_code: current.group_code,
    producer_name: str(producer.legal_name),
    producer_handle: str(producer.handle),
    producer_type: str(producer.type),
    // The facet's "area": the producer's former district (admin-units.ts areaOfProducer).
    district: str(areaOfProducer(producer)),
    commune: str(producer.commune),
    province: str(producer.province),
    price_vnd: prices.vnd,
    price_usd: prices.usd,
    created_at: iso(row.created_at ?? now),
    certified_until: iso(current.valid_until),
    // Folded, index-only copies (retrievable: false) that the engines match on.
    search_title: cap(foldedText(row.title, titleEn), SEARCH_TEXT_LIMITS.title),
    search_keywords: cap(foldedText(row.subtitle, subtitleEn, tags, ownSynonyms, current.subgroup), SEARCH_TEXT_LIMITS.keywords),
    search_synonyms: cap(uniqueWords(foldedText(synonyms)), SEARCH_TEXT_LIMITS.synonyms),
    search_origin: cap(uniqueWords(
      foldedText(
        producer.legal_name,
        producer.commune,
        producer.former_commune,
        producer.district,
        areaOfProducer(producer),
        producer.province,
        // Searches for "Thừa Thiên Huế" still find Huế's products.
        "Thừa Thiên Huế",
        group?.vi,
        group?.en,
        PRODUCER_TYPE_WORDS[producer.type] ?? [],
        current.geographical_indication,
        current.collective_trademark,
        starWords
      )
    ), SEARCH_TEXT_LIMITS.origin),
    search_body: cap(foldedText(row.description, descriptionEn), SEARCH_TEXT_LIMITS.body),
  }
}

