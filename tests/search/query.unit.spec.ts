import { describe, expect, it } from "vitest"
import {
  buildFilters,
  buildOrder,
  planSearch,
  countSource,
  withCount,
  refineCandidates,
  runSearch,
  toResponse,
  wordSimilarity,
  type OcopSearchParams,
} from "../../backend/src/search/_query"

const NOW = new Date("2026-06-01T00:00:00Z")
const params = (p: Partial<OcopSearchParams> = {}): OcopSearchParams => ({ currency: "vnd", sort: "relevance", limit: 24, offset: 0, ...p })

/** What the storefront's product card and search box read from a hit (the public search contract). */
const CARD_FIELDS = ["id", "handle", "title", "title_en", "thumbnail", "stars", "potential_five_star", "producer_name", "producer_handle", "price_vnd", "price_usd"]
/** What filtering, faceting and sorting candidates in memory needs besides the card. */
const REFINE_FIELDS = ["group_code", "district", "producer_type", "created_at"]

describe("query translation", () => {
  it("always hides certificates that have lapsed, then adds the requested filters", () => {
    expect(buildFilters(params(), NOW)).toEqual({ certified_until: { $gte: NOW } })
    expect(
      buildFilters(params({ stars: [4, 5], group: ["food"], district: ["Phú Vang"], producer_type: ["household"], price_min: 1000, price_max: 90000 }), NOW)
    ).toEqual({
      certified_until: { $gte: NOW },
      stars: { $in: [4, 5] },
      group_code: { $in: ["food"] },
      district: { $in: ["Phú Vang"] },
      producer_type: { $in: ["household"] },
      price_vnd: { $gte: 1000, $lte: 90000 },
    })
    expect(buildFilters(params({ currency: "usd", price_max: 5 }), NOW).price_usd).toEqual({ $lte: 5 })
  })

  it("maps each sort to an engine order, with a stable tie-breaker", () => {
    expect(buildOrder(params(), true)).toBeUndefined()
    expect(buildOrder(params(), false)).toEqual({ stars: "DESC", created_at: "DESC", id: "ASC" })
    expect(buildOrder(params({ sort: "price_asc" }), true)).toEqual({ price_vnd: "ASC", _score: "DESC", id: "ASC" })
    expect(buildOrder(params({ sort: "price_desc", currency: "usd" }), false)).toEqual({ price_usd: "DESC", id: "ASC" })
    expect(buildOrder(params({ sort: "stars" }), true)).toEqual({ stars: "DESC", _score: "DESC", id: "ASC" })
    expect(buildOrder(params({ sort: "newest" }), false)).toEqual({ created_at: "DESC", id: "ASC" })
  })

  it("browses in one pass with facets, disjunctive and counted", () => {
    const { q, passes } = planSearch(params({ stars: [4] }), NOW)
    expect(q).toBe("")
    expect(passes).toHaveLength(1)
    const pass = passes[0] as any
    expect(pass.kind).toBe("direct")
    expect(pass.query.fields).toEqual(expect.arrayContaining(CARD_FIELDS))
    expect(pass.query.filters.q).toBeUndefined()
    // The count comes from the (unfiltered) producer_type facet, not a query of its own.
    expect(pass.query.search_options).toMatchObject({ disjunctive_facets: true, count: "none" })
    const allFiltered = planSearch(params({ stars: [4], group: ["food"], district: ["x"], producer_type: ["household"] }), NOW).passes[0] as any
    expect(allFiltered.query.search_options.count).toBe("exact")
    expect(pass.query.search_options.facets.map((f: any) => f.field)).toEqual(["stars", "group_code", "district", "commune", "producer_type", "price_vnd"])
    // Price buckets in đồng: contiguous from 0, so every price falls in exactly one.
    const ranges = pass.query.search_options.facets[5].ranges as { from?: number; to?: number }[]
    expect(ranges[0].from).toBe(0)
    for (let i = 1; i < ranges.length; i++) expect(ranges[i].from).toBe(ranges[i - 1].to)
    expect(ranges.some((r) => r.from! <= 45_000 && (r.to === undefined || 45_000 < r.to))).toBe(true)
  })

  it("folds the query and plans exact, typo-tolerant and any-word passes", () => {
    const { q, passes } = planSearch(params({ q: "  MÈ XỬNG  Huế ", group: ["food"] }), NOW)
    expect(q).toBe("me xung hue")
    expect(passes.map((p) => [p.name, p.kind])).toEqual([["exact", "direct"], ["typo", "candidates"], ["any", "direct"]])
    const [exact, typo, any] = passes as any[]
    expect(exact.query.filters).toEqual({ q: "me xung hue", certified_until: { $gte: NOW }, group_code: { $in: ["food"] } })
    expect(exact.query.search_options).toMatchObject({ match_strategy: "all", typo_tolerance: false })
    // Candidates: only the always-on filter, best first, no count or facets from the engine.
    expect(typo.query.filters).toEqual({ q: "me xung hue", certified_until: { $gte: NOW } })
    expect(typo.query.fields).toEqual(expect.arrayContaining([...CARD_FIELDS, ...REFINE_FIELDS]))
    // A bounded candidate set, from the best match on: enough for a page, never the catalogue.
    expect(typo.query.pagination.skip).toBe(0)
    expect(typo.query.pagination.take).toBeGreaterThanOrEqual(24)
    expect(typo.query.pagination.take).toBeLessThanOrEqual(500)
    expect(typo.query.search_options).toMatchObject({ match_strategy: "all", typo_tolerance: true, count: "none" })
    // The similarity floor keeps a one-letter slip ("me xumg" for "mè xửng") and drops an unrelated name.
    const floor = typo.query.search_options.min_score as number
    expect(wordSimilarity("me xumg", "me xung thien huong")).toBeGreaterThanOrEqual(floor)
    expect(wordSimilarity("me xumg", "tom chua hue")).toBeLessThan(floor)
    expect(any.query.search_options).toMatchObject({ match_strategy: "any", typo_tolerance: false })
    expect(planSearch(params({ q: "tra" }), NOW).passes.map((p) => p.name)).toEqual(["exact", "typo"])
  })
})

describe("typo candidates, refined in memory", () => {
  const hit = (id: string, doc: Record<string, any>) => ({ id, document: { handle: id, title: id, stars: 4, group_code: "food", district: "Phú Vang", producer_type: "cooperative", price_vnd: 50000, price_usd: 2, created_at: "2026-01-01T00:00:00Z", ...doc } })
  const hits = [
    hit("c-other", { title: "Ớt chưng", producer_name: "Mè xửng Thiên Hương", stars: 3, price_vnd: 45000 }),
    hit("a-mexung", { title: "Mè xửng Thiên Hương", stars: 5, price_vnd: 45000, created_at: "2026-03-01T00:00:00Z" }),
    hit("b-tom", { title: "Tôm chua", group_code: "beverage", district: "Phú Lộc", price_vnd: 120000 }),
  ]

  it("ranks names that look like the query first, then the engine's order", () => {
    const r = refineCandidates(hits, params({ q: "me xumg" }), "me xumg")
    expect(r.hits.map((h: any) => h.id)).toEqual(["a-mexung", "c-other", "b-tom"])
    expect(r.metadata.count).toBe(3)
  })

  it("filters, facets disjunctively, sorts and pages", () => {
    const r = refineCandidates(hits, params({ q: "x", group: ["food"], sort: "price_desc", limit: 1, offset: 1 }), "x")
    expect(r.metadata.count).toBe(2)
    expect(r.hits.map((h: any) => h.id)).toEqual(["c-other"])
    expect((r.facets!.group_code as any).values).toEqual([{ value: "food", count: 2 }, { value: "beverage", count: 1 }])
    expect((r.facets!.district as any).values).toEqual([{ value: "Phú Vang", count: 2 }])
    expect((r.facets!.price_vnd as any).ranges.find((x: any) => x.key === "0-50000").count).toBe(2)
    const cheap = refineCandidates(hits, params({ q: "x", price_max: 50000, sort: "newest" }), "x")
    expect(cheap.hits.map((h: any) => h.id)).toEqual(["a-mexung", "c-other"])
    expect((cheap.facets!.price_vnd as any).ranges.find((x: any) => x.key === "100000-200000").count).toBe(1)
  })

  it("measures word similarity like pg_trgm", () => {
    expect(wordSimilarity("me xung", "me xung thien huong")).toBe(1)
    expect(wordSimilarity("me xumg", "me xung thien huong")).toBeCloseTo(0.625, 2)
    expect(wordSimilarity("me xumg", "tom chua hue")).toBeLessThan(0.3)
    expect(wordSimilarity("", "x")).toBe(0)
  })
})

describe("running the passes", () => {
  const result = (ids: string[], count = ids.length, facets: any = {}) => ({
    hits: ids.map((id) => ({ id, document: { id, handle: id, title: id, stars: 4 } })),
    facets,
    metadata: { skip: 0, take: 24, count },
  })

  it("stops at the first pass that finds something", async () => {
    const seen: any[] = []
    const out = await runSearch(async (q) => (seen.push(q), result(["p1"])), params({ q: "me xung" }), NOW)
    expect(out.pass).toBe("exact")
    expect(seen).toHaveLength(1)
  })

  it("falls back to typo candidates, refined here", async () => {
    const seen: any[] = []
    const engine = async (q: any) => {
      seen.push(q)
      return q.search_options?.typo_tolerance ? result(["c", "a", "b"], 0) : result([], 0)
    }
    const out = await runSearch(engine, params({ q: "me xumg", limit: 2, offset: 1 }), NOW)
    expect(out.pass).toBe("typo")
    expect(out.result.hits.map((h: any) => h.id)).toEqual(["a", "b"])
    expect(out.result.metadata.count).toBe(3)
    expect(seen).toHaveLength(2)
  })

  it("returns an empty result when nothing matches at all", async () => {
    const out = await runSearch(async () => result([], 0), params({ q: "xqzv wplk" }), NOW)
    expect(out.pass).toBe("any")
    expect(out.result.hits).toEqual([])
  })
})

describe("the count", () => {
  it("adds up a facet over an unfiltered field when the engine was not asked for one", () => {
    const facets = { stars: { type: "value", values: [{ value: "4", count: 2 }] }, producer_type: { type: "value", values: [{ value: "household", count: 1 }, { value: "enterprise", count: 3 }] } }
    const r = { hits: [], facets, metadata: { skip: 0, take: 24, count: null } } as any
    expect(withCount(r, params({})).metadata.count).toBe(2)
    expect(withCount(r, params({ stars: [4] })).metadata.count).toBe(4)
    expect(countSource(params({ stars: [4], producer_type: ["household"] }))).toBe("group_code")
    expect(withCount({ ...r, metadata: { count: 7 } }, params({})).metadata.count).toBe(7)
  })
})

describe("the response", () => {
  it("shapes hits and facets for the storefront", () => {
    const res = toResponse(
      {
        hits: [{ id: "p1", document: { handle: "h", title: "T", stars: "4", price_vnd: "45000", potential_five_star: true, extra: "dropped" } }],
        facets: {
          stars: { type: "value", values: [{ value: "4", count: 1 }] },
          group_code: { type: "value", values: [{ value: "food", count: 1 }, { value: "tourism", count: 0 }] },
          district: { type: "value", values: [] },
          price_vnd: { type: "range", ranges: [{ key: "0-50000", from: 0, to: 50000, count: 1 }] },
        },
        metadata: { skip: 0, take: 24, count: 1 },
      } as any,
      "vnd"
    )
    // The card's fields, and nothing the search documents carry for internal use ("extra").
    expect(Object.keys(res.hits[0])).toEqual(expect.arrayContaining(CARD_FIELDS))
    expect(res.hits[0]).not.toHaveProperty("extra")
    expect(res.hits[0]).toMatchObject({ id: "p1", stars: 4, price_vnd: 45000, price_usd: null, potential_five_star: true, title_en: null })
    expect(res.facets).toEqual({
      stars: { "3": 0, "4": 1, "5": 0 },
      group_code: { food: 1 },
      district: {},
      commune: {},
      producer_type: {},
      price_range: { "0-50000": 1 },
    })
    expect(res.count).toBe(1)
  })
})
