import { describe, expect, it } from "vitest"
import type { SearchHit } from "../types"
import { catalogueSearch, foldText, localSearch, pageWindow, parseCatalogueParams, toggleFacet } from "./search"

describe("foldText", () => {
  it("strips Vietnamese diacritics and đ, case-insensitively", () => {
    expect(foldText("Mè xửng Thiên Hương")).toBe("me xung thien huong")
    expect(foldText("ĐẶC SẢN  Huế")).toBe("dac san hue")
    expect(foldText("Nón lá Huế")).toBe("non la hue")
    expect(foldText(null)).toBe("")
  })
})

describe("catalogue URL", () => {
  it("parses shareable params leniently", () => {
    const q = parseCatalogueParams({ q: " mè ", stars: ["4", "9", "5"], group: "food,beverage", sort: "bogus", page: "-3", price_min: "200000", price_max: "50000" })
    expect(q).toEqual({
      q: "mè",
      stars: [4, 5],
      group: ["food", "beverage"],
      district: [],
      commune: [],
      producer_type: [],
      price_min: 50000,
      price_max: 200000,
      sort: "relevance",
      page: 1,
    })
    expect(parseCatalogueParams({}).sort).toBe("newest")
  })

  it("round-trips through the query string and omits defaults", () => {
    const q = parseCatalogueParams({ stars: ["4"], district: "Phong Điền", sort: "price_asc", page: "2" })
    const qs = catalogueSearch(q)
    expect(qs).toBe("?stars=4&district=Phong+%C4%90i%E1%BB%81n&sort=price_asc&page=2")
    const back = parseCatalogueParams(Object.fromEntries(new URLSearchParams(qs).entries()))
    expect(back).toEqual(q)
    expect(catalogueSearch(parseCatalogueParams({}))).toBe("")
  })

  it("toggles a facet and resets the page", () => {
    const q = parseCatalogueParams({ stars: "4", page: "3" })
    expect(toggleFacet(q, "stars", 4)).toMatchObject({ stars: [], page: 1 })
    expect(toggleFacet(q, "group", "food")).toMatchObject({ stars: [4], group: ["food"], page: 1 })
  })

  it("builds a compact page window", () => {
    expect(pageWindow(1, 1)).toEqual([1])
    expect(pageWindow(5, 10)).toEqual([1, "…", 4, 5, 6, "…", 10])
    expect(pageWindow(2, 4)).toEqual([1, 2, 3, 4])
  })
})

const hit = (h: Partial<SearchHit> & { id: string; title: string }): SearchHit => ({ handle: h.id, ...h })
const hits: SearchHit[] = [
  hit({ id: "a", title: "Mè xửng Thiên Hương", stars: 5, group_code: "food", district: "Thành phố Huế", producer_type: "enterprise", price_vnd: 45000 }),
  hit({ id: "b", title: "Trà rau má Quảng Thọ", title_en: "Pennywort tea", stars: 4, group_code: "beverage", district: "Quảng Điền", producer_type: "cooperative", price_vnd: 65000 }),
  hit({ id: "c", title: "Nón lá Huế", stars: 4, group_code: "handicraft", district: "Phú Vang", producer_type: "household", price_vnd: 120000, potential_five_star: true }),
  hit({ id: "d", title: "Mè đen rang", stars: 3, group_code: "food", district: "Phú Vang", producer_type: "household", price_vnd: null }),
]

describe("localSearch (fallback engine)", () => {
  const base = parseCatalogueParams({})

  it("is accent-insensitive: 'me xung' finds mè xửng", () => {
    const r = localSearch(hits, { ...base, q: "me xung", sort: "relevance" }, "vnd")
    expect(r.hits.map((h) => h.id)).toEqual(["a"])
    expect(r.count).toBe(1)
  })

  it("matches English titles too", () => {
    expect(localSearch(hits, { ...base, q: "pennywort" }, "vnd").hits.map((h) => h.id)).toEqual(["b"])
  })

  it("filters by facets and computes disjunctive facet counts", () => {
    const r = localSearch(hits, { ...base, stars: [4] }, "vnd")
    expect(r.hits.map((h) => h.id).sort()).toEqual(["b", "c"])
    // the stars facet ignores its own selection
    expect(r.facets.stars).toEqual({ "5": 1, "4": 2, "3": 1 })
    expect(r.facets.group_code).toEqual({ beverage: 1, handicraft: 1 })
  })

  it("filters by price and sorts", () => {
    const r = localSearch(hits, { ...base, price_min: 50000, sort: "price_desc" }, "vnd")
    expect(r.hits.map((h) => h.id)).toEqual(["c", "b"])
    expect(localSearch(hits, { ...base, sort: "price_asc" }, "vnd").hits.map((h) => h.id)).toEqual(["a", "b", "c", "d"])
    expect(localSearch(hits, { ...base, sort: "stars" }, "vnd").hits[0].id).toBe("a")
  })

  it("paginates", () => {
    const r = localSearch(hits, base, "vnd", 2, 2)
    expect(r.hits.map((h) => h.id)).toEqual(["c", "d"])
    expect(r.count).toBe(4)
  })
})
