/**
 * GET /store/ocop/search, translated into Search Module queries.
 *
 * Pure functions (unit-tested in tests/search): the route validates, calls
 * `planSearch`, runs the passes through `query.search` until one finds
 * something, and shapes the answer with `toResponse`.
 */
import type { SearchTypes } from "@medusajs/framework/types"
import { SEARCH_CURRENCIES, type SearchCurrency } from "./_document"
import { PRODUCT_INDEX } from "./_events"
import { normalizeQuery } from "./_text"

export const SEARCH_SORTS = ["relevance", "price_asc", "price_desc", "stars", "newest"] as const
export type SearchSort = (typeof SEARCH_SORTS)[number]

export type OcopSearchParams = {
  q?: string
  stars?: number[]
  group?: string[]
  district?: string[]
  commune?: string[]
  producer_type?: string[]
  price_min?: number
  price_max?: number
  currency: SearchCurrency
  sort: SearchSort
  limit: number
  offset: number
}

/** The fields a hit carries (all stored in the index: no database round-trip). */
export const HIT_FIELDS = [
  "id",
  "handle",
  "title",
  "title_en",
  "subtitle",
  "thumbnail",
  "stars",
  "potential_five_star",
  "group_code",
  "producer_name",
  "producer_handle",
  "producer_type",
  "district",
  "commune",
  "price_vnd",
  "price_usd",
] as const

export const VALUE_FACETS = ["stars", "group_code", "district", "commune", "producer_type"] as const

/** Price buckets per currency for the `price_range` facet: [from, to) in the currency's unit. */
export const PRICE_BUCKETS: Record<SearchCurrency, number[]> = {
  vnd: [0, 50_000, 100_000, 200_000, 500_000, 1_000_000],
  usd: [0, 2, 5, 10, 20, 50],
}

export const priceField = (currency: SearchCurrency) => `price_${currency}` as const

export function priceRanges(currency: SearchCurrency) {
  const bounds = PRICE_BUCKETS[currency]
  return bounds.map((from, i) => {
    const to = bounds[i + 1]
    return { key: to === undefined ? `${from}-` : `${from}-${to}`, from, ...(to === undefined ? {} : { to }) }
  })
}

/** Filters for the validated parameters. `certified_until` hides a lapsed certificate before the expiry job runs. */
export function buildFilters(p: OcopSearchParams, now: Date): SearchTypes.SearchFilters {
  const filters: SearchTypes.SearchFilters = { certified_until: { $gte: now } }
  if (p.stars?.length) filters.stars = { $in: p.stars }
  if (p.group?.length) filters.group_code = { $in: p.group }
  if (p.district?.length) filters.district = { $in: p.district }
  if (p.commune?.length) filters.commune = { $in: p.commune }
  if (p.producer_type?.length) filters.producer_type = { $in: p.producer_type }
  if (p.price_min !== undefined || p.price_max !== undefined) {
    filters[priceField(p.currency)] = {
      ...(p.price_min !== undefined ? { $gte: p.price_min } : {}),
      ...(p.price_max !== undefined ? { $lte: p.price_max } : {}),
    }
  }
  return filters
}

/**
 * Sort orders. `id` last keeps pages stable when the sort key ties; relevance
 * with a query is the engine's own order (score, then id).
 */
export function buildOrder(p: OcopSearchParams, hasQuery: boolean): Record<string, "ASC" | "DESC"> | undefined {
  const price = priceField(p.currency)
  switch (p.sort) {
    case "price_asc":
      return { [price]: "ASC", ...(hasQuery ? { _score: "DESC" } : {}), id: "ASC" }
    case "price_desc":
      return { [price]: "DESC", ...(hasQuery ? { _score: "DESC" } : {}), id: "ASC" }
    case "stars":
      return { stars: "DESC", ...(hasQuery ? { _score: "DESC" } : {}), id: "ASC" }
    case "newest":
      return { created_at: "DESC", ...(hasQuery ? { _score: "DESC" } : {}), id: "ASC" }
    default:
      // Browsing without a query: best-rated first, then newest.
      return hasQuery ? undefined : { stars: "DESC", created_at: "DESC", id: "ASC" }
  }
}

/**
 * One attempt at answering. A "direct" pass is one engine query that pages,
 * counts and facets. A "candidates" pass (typo tolerance) asks the engine for
 * the documents that match the text well enough (`min_score`), at most
 * TYPO_MAX_CANDIDATES of them, and filters, facets, sorts and pages those here:
 * the Postgres provider applies `min_score` to hits but not to counts and
 * facets, and one engine query is also cheaper than a page, a count and facets
 * each re-running trigram similarity.
 */
export type SearchPass =
  | { name: PassName; kind: "direct"; query: SearchTypes.SearchQuery }
  | { name: PassName; kind: "candidates"; query: SearchTypes.SearchQuery }
export type PassName = "exact" | "typo" | "any"

/** Postgres' trigram word similarity is 0–1; one typo in a two-syllable query scores about 0.6, noise about 0.3. */
export const TYPO_MIN_SCORE = 0.45
/** Most candidates a typo-tolerant pass considers (best first); its count and facets cover these. */
export const TYPO_MAX_CANDIDATES = 100
/** What a candidate carries: the hit, plus what filters, facets and sorts read. */
export const CANDIDATE_FIELDS = [...HIT_FIELDS, "created_at"]

/**
 * The passes to try, in order, until one finds something:
 *  1. exact — every (folded) word must match, accents folded and synonyms
 *     indexed, ranked with field weights (title > keywords/synonyms > origin >
 *     description); served by the full-text index;
 *  2. typo — misspellings tolerated (Postgres: trigram word similarity ≥ 0.45;
 *     Meilisearch: its own typo tolerance, which already applied in pass 1),
 *     candidates re-ranked so names that look like the query come first;
 *  3. any — for several words, any of them may match (full-text index again).
 * Browsing (no query) is a single pass.
 */
export function planSearch(p: OcopSearchParams, now: Date = new Date()): { q: string; passes: SearchPass[] } {
  const q = normalizeQuery(p.q)
  const filters = buildFilters(p, now)
  const facets: SearchTypes.SearchFacetRequest[] = [
    ...VALUE_FACETS.map((field) => ({ field, type: "value" as const, limit: 100 })),
    { field: priceField(p.currency), type: "range" as const, ranges: priceRanges(p.currency) },
  ]
  const direct = (name: PassName, extra?: SearchTypes.SearchOptions): SearchPass => ({
    name,
    kind: "direct",
    query: {
      entity: PRODUCT_INDEX,
      fields: [...HIT_FIELDS],
      filters: { ...(q ? { q } : {}), ...filters },
      pagination: { skip: p.offset, take: p.limit, order: buildOrder(p, !!q) },
      // The count comes from a facet over an unfiltered field when there is one (every
      // product has exactly one stars, type, group and district value): one query less.
      search_options: { facets, disjunctive_facets: true, count: countSource(p) ? "none" : "exact", ...extra },
    },
  })
  if (!q) return { q, passes: [direct("exact")] }
  const passes: SearchPass[] = [
    direct("exact", { match_strategy: "all", typo_tolerance: false }),
    {
      name: "typo",
      kind: "candidates",
      query: {
        entity: PRODUCT_INDEX,
        fields: CANDIDATE_FIELDS,
        // Only the always-on filter: the others are applied here, where
        // disjunctive facets need to see past them.
        filters: { q, certified_until: filters.certified_until },
        pagination: { skip: 0, take: TYPO_MAX_CANDIDATES },
        search_options: { match_strategy: "all", typo_tolerance: true, min_score: TYPO_MIN_SCORE, count: "none" },
      },
    },
  ]
  if (q.includes(" ")) passes.push(direct("any", { match_strategy: "any", typo_tolerance: false }))
  return { q, passes }
}

export type SearchFn = (query: SearchTypes.SearchQuery) => Promise<SearchTypes.SearchResult>

const FILTER_OF: Record<(typeof VALUE_FACETS)[number], keyof OcopSearchParams> = {
  stars: "stars",
  producer_type: "producer_type",
  group_code: "group",
  district: "district",
  commune: "commune",
}

/** A facet whose counts add up to the number of matches: one whose field is not filtered (so not relaxed). */
export function countSource(p: OcopSearchParams): (typeof VALUE_FACETS)[number] | undefined {
  return (["stars", "producer_type", "group_code", "district"] as const).find((f) => !(p[FILTER_OF[f]] as unknown[] | undefined)?.length)
}

/** Fills in `metadata.count` from the count-source facet when the engine was not asked for a count. */
export function withCount(result: SearchTypes.SearchResult, p: OcopSearchParams): SearchTypes.SearchResult {
  if (result.metadata?.count !== null && result.metadata?.count !== undefined) return result
  const source = countSource(p)
  const facet = source ? result.facets?.[source] : undefined
  const count = facet?.type === "value" ? facet.values.reduce((n, v) => n + v.count, 0) : result.hits.length
  return { ...result, metadata: { ...result.metadata, count } }
}

const countOf = (r: SearchTypes.SearchResult | undefined) => r?.metadata?.count ?? r?.hits?.length ?? 0

/** Runs the passes until one finds something; returns its result (or the last, empty one) and its name. */
export async function runSearch(
  search: SearchFn,
  p: OcopSearchParams,
  now: Date = new Date()
): Promise<{ pass: PassName; result: SearchTypes.SearchResult }> {
  const { q, passes } = planSearch(p, now)
  let last: { pass: PassName; result: SearchTypes.SearchResult } | undefined
  for (const pass of passes) {
    const found = await search(pass.query)
    const result = pass.kind === "direct" ? withCount(found, p) : refineCandidates(found.hits, p, q)
    last = { pass: pass.name, result }
    if (countOf(result) > 0) return last
  }
  return last!
}

// ---------------------------------------------------------------------------
// Candidates: filtered, faceted, sorted and paged in memory

const trigrams = (word: string) => {
  const padded = `  ${word} `
  const out = new Set<string>()
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3))
  return out
}

/**
 * pg_trgm-style word similarity: the share of the query's trigrams found in the
 * best-matching run of consecutive words of the text (0–1).
 */
export function wordSimilarity(query: string, text: string): number {
  const q = query.split(" ").filter(Boolean)
  const words = text.split(" ").filter(Boolean)
  if (!q.length || !words.length) return 0
  const want = new Set(q.flatMap((w) => [...trigrams(w)]))
  // Per word, the query trigrams it contains (computed once).
  const hits = words.map((w) => [...trigrams(w)].filter((t) => want.has(t)))
  let best = 0
  for (let size = Math.max(1, q.length - 1); size <= q.length + 1; size++) {
    for (let i = 0; i + size <= Math.max(words.length, size); i++) {
      const shared = new Set<string>()
      for (let j = i; j < Math.min(i + size, words.length); j++) for (const t of hits[j]) shared.add(t)
      best = Math.max(best, shared.size / want.size)
    }
  }
  return best
}

type Candidate = { id: string; doc: Record<string, any>; rank: number; name: number }

export function refineCandidates(hits: SearchTypes.SearchHit[], p: OcopSearchParams, q: string): SearchTypes.SearchResult {
  const currency = p.currency
  const price = (c: Candidate): number | null => (c.doc[`price_${currency}`] === null || c.doc[`price_${currency}`] === undefined ? null : Number(c.doc[`price_${currency}`]))
  const candidates: Candidate[] = hits.map((h, rank) => {
    const doc: Record<string, any> = { id: h.id, ...(h.document as Record<string, any>) }
    return { id: h.id, doc, rank, name: wordSimilarity(q, normalizeQuery([doc.title, doc.title_en, doc.subtitle].filter(Boolean).join(" "))) }
  })
  const tests = {
    stars: (c: Candidate) => !p.stars?.length || p.stars.includes(Number(c.doc.stars)),
    group_code: (c: Candidate) => !p.group?.length || p.group.includes(c.doc.group_code),
    district: (c: Candidate) => !p.district?.length || p.district.includes(c.doc.district),
    commune: (c: Candidate) => !p.commune?.length || p.commune.includes(c.doc.commune),
    producer_type: (c: Candidate) => !p.producer_type?.length || p.producer_type.includes(c.doc.producer_type),
    price: (c: Candidate) => {
      if (p.price_min === undefined && p.price_max === undefined) return true
      const v = price(c)
      return v !== null && (p.price_min === undefined || v >= p.price_min) && (p.price_max === undefined || v <= p.price_max)
    },
  }
  type Key = keyof typeof tests
  const passing = (except?: Key) => candidates.filter((c) => (Object.keys(tests) as Key[]).every((k) => k === except || tests[k](c)))

  const valueFacet = (field: (typeof VALUE_FACETS)[number]): SearchTypes.SearchFacetResult => {
    const counts = new Map<string, number>()
    for (const c of passing(field)) {
      const v = c.doc[field]
      if (v !== null && v !== undefined) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1)
    }
    return { type: "value", values: [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([value, count]) => ({ value, count })) }
  }
  const inPriceRange = passing("price")
  const ranges = priceRanges(currency).map((r) => ({
    ...r,
    count: inPriceRange.filter((c) => {
      const v = price(c)
      return v !== null && v >= r.from && (r.to === undefined || v < r.to)
    }).length,
  }))

  const byRelevance = (a: Candidate, b: Candidate) => b.name - a.name || a.rank - b.rank
  const byId = (a: Candidate, b: Candidate) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  const nullsLast = (v: number | null, dir: 1 | -1) => (v === null ? Infinity : dir * v)
  const sorters: Record<SearchSort, (a: Candidate, b: Candidate) => number> = {
    relevance: byRelevance,
    price_asc: (a, b) => nullsLast(price(a), 1) - nullsLast(price(b), 1) || byId(a, b),
    price_desc: (a, b) => nullsLast(price(a), -1) - nullsLast(price(b), -1) || byId(a, b),
    stars: (a, b) => Number(b.doc.stars) - Number(a.doc.stars) || byRelevance(a, b),
    newest: (a, b) => String(b.doc.created_at ?? "").localeCompare(String(a.doc.created_at ?? "")) || byId(a, b),
  }
  const matching = passing().sort(sorters[p.sort])
  return {
    hits: matching.slice(p.offset, p.offset + p.limit).map((c) => ({ id: c.id, document: c.doc })),
    facets: {
      ...Object.fromEntries(VALUE_FACETS.map((f) => [f, valueFacet(f)])),
      [priceField(currency)]: { type: "range", ranges },
    },
    metadata: { skip: p.offset, take: p.limit, count: matching.length },
  }
}

export type OcopSearchHit = { [K in (typeof HIT_FIELDS)[number]]: any }
export type OcopSearchResponse = {
  hits: OcopSearchHit[]
  count: number
  facets: {
    stars: Record<string, number>
    group_code: Record<string, number>
    district: Record<string, number>
    commune: Record<string, number>
    producer_type: Record<string, number>
    price_range: Record<string, number>
  }
}

const num = (v: unknown): number | null => (v === null || v === undefined || v === "" || !Number.isFinite(Number(v)) ? null : Number(v))
const text = (v: unknown): string | null => (typeof v === "string" ? v : null)

export function toHit(doc: Record<string, unknown>, id?: string): OcopSearchHit {
  return {
    id: text(doc.id) ?? id ?? "",
    handle: text(doc.handle),
    title: text(doc.title),
    title_en: text(doc.title_en),
    subtitle: text(doc.subtitle),
    thumbnail: text(doc.thumbnail),
    stars: num(doc.stars),
    potential_five_star: doc.potential_five_star === true || doc.potential_five_star === "true",
    group_code: text(doc.group_code),
    producer_name: text(doc.producer_name),
    producer_handle: text(doc.producer_handle),
    producer_type: text(doc.producer_type),
    district: text(doc.district),
    commune: text(doc.commune),
    price_vnd: num(doc.price_vnd),
    price_usd: num(doc.price_usd),
  }
}

function valueCounts(facet: SearchTypes.SearchFacetResult | undefined): Record<string, number> {
  const out: Record<string, number> = {}
  if (facet?.type !== "value") return out
  for (const { value, count } of facet.values) if (count > 0) out[String(value)] = count
  return out
}

export function toResponse(result: SearchTypes.SearchResult, currency: SearchCurrency): OcopSearchResponse {
  const facets = result.facets ?? {}
  // Every star level is always listed, so the storefront's filter does not jump around.
  const stars: Record<string, number> = { "3": 0, "4": 0, "5": 0, ...valueCounts(facets.stars) }
  const price = facets[priceField(currency)]
  const priceRange: Record<string, number> = {}
  if (price?.type === "range") for (const r of price.ranges) priceRange[r.key] = r.count
  return {
    hits: result.hits.map((h) => toHit({ id: h.id, ...(h.document as Record<string, unknown>) }, h.id)),
    count: result.metadata.count ?? result.hits.length,
    facets: {
      stars,
      group_code: valueCounts(facets.group_code),
      district: valueCounts(facets.district),
      commune: valueCounts(facets.commune),
      producer_type: valueCounts(facets.producer_type),
      price_range: priceRange,
    },
  }
}

export { SEARCH_CURRENCIES }
