import { describe, expect, it } from "vitest"
import { minPrices, toSearchDocument } from "../../backend/src/search/_document"

const NOW = new Date("2026-06-01T00:00:00Z")
const monthsFromNow = (m: number) => new Date(Date.UTC(2026, 5 + m, 1)).toISOString()

function row(overrides: Record<string, any> = {}) {
  return {
    id: "prod_1",
    handle: "me-xung-thien-huong",
    title: "Mè xửng Thiên Hương",
    subtitle: "Kẹo mè xửng dẻo, đặc sản Huế",
    description: "Mạch nha, đường và đậu phộng rang.",
    thumbnail: "http://x/me.svg",
    status: "published",
    created_at: "2026-01-02T03:04:05.000Z",
    metadata: {
      title_en: "Thiên Hương mè xửng sesame candy",
      subtitle_en: "Chewy Huế sesame and peanut candy",
      description_en: "Malt syrup, sugar and roasted peanuts.",
      tags: ["me xung", "hue gift"],
      search_synonyms: ["mè xững"],
    },
    tags: [{ value: "keo" }],
    sales_channels: [{ id: "sc_1" }],
    variants: [
      { prices: [{ amount: 85000, currency_code: "vnd", rules_count: 0 }, { amount: 3.4, currency_code: "usd", rules_count: 0 }] },
      { prices: [{ amount: 45000, currency_code: "vnd", rules_count: 0 }, { amount: 1.8, currency_code: "usd", rules_count: 0 }, { amount: 40000, currency_code: "vnd", rules_count: 1 }] },
    ],
    producer: { id: "prod_ocop_1", handle: "thien-huong", legal_name: "Công ty TNHH Mè xửng Thiên Hương", type: "enterprise", status: "approved", commune: "Phú Cát", district: "Thành phố Huế", province: "Thừa Thiên Huế" },
    certifications: [
      { id: "c1", producer_id: "prod_ocop_1", status: "active", stars: 5, potential_five_star: false, group_code: "food", subgroup: "Bánh kẹo", decision_date: monthsFromNow(-6), valid_from: monthsFromNow(-6), valid_until: monthsFromNow(30) },
    ],
    ...overrides,
  }
}
const cert = (overrides: Record<string, any>) => [{ ...row().certifications[0], ...overrides }]

describe("the search document", () => {
  it("carries the store's fields and folded, synonym-expanded text", () => {
    const doc = toSearchDocument(row(), NOW)!
    expect(doc).toMatchObject({
      id: "prod_1",
      handle: "me-xung-thien-huong",
      title: "Mè xửng Thiên Hương",
      title_en: "Thiên Hương mè xửng sesame candy",
      stars: 5,
      group_code: "food",
      producer_type: "enterprise",
      district: "Thành phố Huế",
      price_vnd: 45000,
      price_usd: 1.8,
      status: "published",
      sales_channel_ids: ["sc_1"],
      certified_until: monthsFromNow(30),
    })
    expect(doc.search_title).toBe("me xung thien huong thien huong me xung sesame candy")
    expect(doc.search_keywords).toContain("keo")
    expect(doc.search_synonyms).toContain("sesame brittle")
    expect(doc.search_origin).toContain("thanh pho hue")
    expect(doc.search_origin).toContain("5 sao")
    expect(doc.search_origin).toContain("doanh nghiep")
    expect(doc.search_body).toContain("malt syrup")
  })

  it("prefers list prices to prices with rules, per currency", () => {
    expect(minPrices(row())).toEqual({ vnd: 45000, usd: 1.8 })
    expect(minPrices({ variants: [{ prices: [{ amount: 9, currency_code: "VND", rules_count: 2 }] }] })).toEqual({ vnd: 9, usd: null })
  })

  it.each([
    ["a draft", { status: "draft" }],
    ["no certification", { certifications: [] }],
    ["a 2★ evaluation", { certifications: cert({ stars: 2 }) }],
    ["a lapsed certificate", { certifications: cert({ valid_until: monthsFromNow(-1) }) }],
    ["a revoked certificate", { certifications: cert({ status: "revoked" }) }],
    ["a suspended certificate", { certifications: cert({ status: "suspended" }) }],
    ["a certificate not yet in force", { certifications: cert({ valid_from: monthsFromNow(1) }) }],
    ["a suspended producer", { producer: { ...row().producer, status: "suspended" } }],
    ["no producer", { producer: null }],
    ["a producer other than the certified one", { producer: { ...row().producer, id: "prod_ocop_2" } }],
  ])("is not produced for %s (the product leaves the index)", (_label, overrides) => {
    expect(toSearchDocument(row(overrides), NOW)).toBeNull()
  })

  it("uses the certification in force when there is a history", () => {
    const history = [
      { ...row().certifications[0], id: "old", stars: 3, status: "expired", decision_date: monthsFromNow(-40), valid_from: monthsFromNow(-40), valid_until: monthsFromNow(-4) },
      { ...row().certifications[0], id: "new", stars: 4, decision_date: monthsFromNow(-2), valid_from: monthsFromNow(-2), valid_until: monthsFromNow(34) },
    ]
    expect(toSearchDocument(row({ certifications: history }), NOW)).toMatchObject({ stars: 4, certified_until: monthsFromNow(34) })
  })
})
