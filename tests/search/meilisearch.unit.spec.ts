/**
 * The Meilisearch provider (src/modules/search-meilisearch: the
 * @rokmohar/medusa-plugin-meilisearch provider under the identifier
 * "meilisearch"), with its HTTP client replaced by a recorder: the index
 * settings it derives from our product index definition, and how it
 * translates the queries GET /store/ocop/search sends.
 */
import { describe, expect, it } from "vitest"
import { OcopMeilisearchProviderService, toPluginOptions, translateQuery } from "../../backend/src/modules/search-meilisearch/service"
import { productIndexSettings, productSearchFields } from "../../backend/src/search/_definition"
import { planSearch, type OcopSearchParams } from "../../backend/src/search/_query"

const NOW = new Date("2026-06-01T00:00:00Z")
const index = {
  name: "product",
  entity: "product",
  primary_key: "id",
  provider: "meilisearch",
  physical_name: "product_v1",
  definition_hash: "test",
  fields: productSearchFields.toFields(),
  settings: productIndexSettings,
  seed: async function* () {},
} as any

function recordingProvider() {
  const calls = { settings: [] as any[], queries: [] as any[][] }
  const provider = new OcopMeilisearchProviderService({}, { host: "http://meilisearch.test", apiKey: "key" })
  ;(provider as any).client_ = {
    getRawIndex: async () => ({ primaryKey: "id" }),
    index: () => ({ updateSettings: async (s: any) => (calls.settings.push(s), { taskUid: 1, indexUid: "product_v1", status: "enqueued" }) }),
    multiSearch: async ({ queries }: any) => {
      calls.queries.push(queries)
      return { results: queries.map(() => ({ hits: [], estimatedTotalHits: 0, totalHits: 0, facetDistribution: {}, processingTimeMs: 1 })) }
    },
  }
  return { provider, calls }
}

/** What the Search Module hands a provider for a `query.search` call (normalizeSearchQuery). */
function providerQuery(q: any) {
  const { q: text, ...filters } = q.filters ?? {}
  return {
    index,
    attributes_to_retrieve: q.fields,
    q: text,
    filters: Object.keys(filters).length ? filters : undefined,
    pagination: q.pagination,
    search_options: { ...q.search_options, facets: q.search_options?.facets },
  }
}
const params = (p: Partial<OcopSearchParams>): OcopSearchParams => ({ currency: "vnd", sort: "relevance", limit: 24, offset: 0, ...p })

describe("Meilisearch provider options", () => {
  it("accepts medusa-config's { host, apiKey } as well as the plugin's own { config }", () => {
    expect(toPluginOptions({ host: "http://m:7700", apiKey: "k" })).toEqual({ config: { host: "http://m:7700", apiKey: "k" } })
    expect(toPluginOptions({ config: { host: "http://m:7700" } })).toEqual({ config: { host: "http://m:7700" } })
    expect(() => toPluginOptions({})).toThrow(/MEILISEARCH_HOST/)
  })

  it("is registered under the identifier medusa-config names as the default provider", () => {
    expect(OcopMeilisearchProviderService.identifier).toBe("meilisearch")
  })
})

describe("Meilisearch index settings from the product index", () => {
  it("derives searchable, filterable, sortable and displayed attributes, typo tolerance, synonyms and ranking", async () => {
    const { provider, calls } = recordingProvider()
    await (provider as any).upsertIndex({ index })
    const s = calls.settings[0]
    expect(s.searchableAttributes).toEqual(["search_title", "search_keywords", "search_synonyms", "search_origin", "search_body"])
    expect(s.filterableAttributes).toEqual(
      expect.arrayContaining(["id", "stars", "group_code", "district", "producer_type", "price_vnd", "price_usd", "status", "sales_channel_ids", "certified_until__ts"])
    )
    expect(s.sortableAttributes).toEqual(expect.arrayContaining(["id", "stars", "price_vnd", "price_usd", "created_at__ts"]))
    expect(s.displayedAttributes).toEqual(expect.arrayContaining(["title", "title_en", "price_vnd", "producer_name"]))
    expect(s.displayedAttributes.filter((a: string) => a.startsWith("search_"))).toEqual([])
    expect(s.typoTolerance).toEqual({ enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } })
    expect(s.rankingRules[0]).toBe("sort")
    expect(s.synonyms["cajeput oil"]).toEqual(expect.arrayContaining(["dau tram", "tinh dau tram"]))
    expect(s.synonyms["conical hat"]).toContain("non la")
    expect(s.synonyms["non bai tho"]).toContain("non la")
  })
})

describe("Meilisearch query translation", () => {
  it("turns filters, facets and sorts into Meilisearch syntax", async () => {
    const { provider, calls } = recordingProvider()
    const { passes } = planSearch(
      params({ q: "nước mắm", stars: [4, 5], group: ["food"], district: ['Phú "Vang"'], price_min: 50000, price_max: 150000, sort: "price_asc" }),
      NOW
    )
    await provider.search(providerQuery((passes[0] as any).query))
    const [main, ...ranges] = calls.queries[0]
    expect(main.q).toBe("nuoc mam")
    expect(main.filter).toContain(`certified_until__ts >= ${NOW.getTime()}`)
    expect(main.filter).toContain("stars IN [4, 5]")
    expect(main.filter).toContain('group_code IN ["food"]')
    expect(main.filter).toContain('district IN ["Phú \\"Vang\\""]')
    expect(main.filter).toContain("price_vnd >= 50000")
    expect(main.filter).toContain("price_vnd <= 150000")
    expect(main.sort).toEqual(["price_vnd:asc", "id:asc"])
    expect(main.facets).toEqual(["stars", "group_code", "district", "commune", "producer_type"])
    expect(main.matchingStrategy).toBe("all")
    expect(main.offset).toBe(0)
    expect(main.limit).toBe(24)
    // No separate count (it comes from the unfiltered producer_type facet), one count per price bucket.
    expect(ranges.length).toBe(6)
    expect(ranges.some((r: any) => /price_vnd >= 50000 AND price_vnd < 100000/.test(r.filter))).toBe(true)
  })

  it("accepts the typo-tolerant pass: typo tolerance is an index setting there", async () => {
    const { provider, calls } = recordingProvider()
    const { passes } = planSearch(params({ q: "me xumg" }), NOW)
    await provider.search(providerQuery((passes[1] as any).query))
    const [main] = calls.queries[0]
    expect(main.rankingScoreThreshold).toBe(0.45)
    expect(main.limit).toBe(100)
    expect(main.attributesToRetrieve).toEqual(expect.arrayContaining(["id", "title", "stars", "price_vnd", "created_at"]))
    expect(main.facets).toBeUndefined()
  })

  it("runs the any-word pass with Meilisearch's frequency strategy", async () => {
    const { provider, calls } = recordingProvider()
    const { passes } = planSearch(params({ q: "non la gia re" }), NOW)
    await provider.search(providerQuery((passes[2] as any).query))
    expect(calls.queries[0][0].matchingStrategy).toBe("frequency")
  })

  it("leaves other queries untouched", () => {
    const q = { index, q: "x", search_options: { match_strategy: "last" as const } } as any
    expect(translateQuery(q)).toBe(q)
    expect(translateQuery({ ...q, search_options: { typo_tolerance: false, match_strategy: "all" } }).search_options).toEqual({ match_strategy: "all" })
  })
})
