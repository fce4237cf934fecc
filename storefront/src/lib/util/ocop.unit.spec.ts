import { describe, expect, it } from "vitest"
import type { Certification } from "../types"
import { shownStatus } from "./certificate"
import { clampStars, labellingOf, localizedProduct, pickLang } from "./ocop"

const now = new Date("2026-06-01T00:00:00Z")
const cert = (c: Partial<Certification>): Certification => ({
  id: "c",
  certificate_number: "DEMO-1",
  decision_number: "DEMO-1/QĐ-UBND",
  decision_date: "2025-01-01T00:00:00Z",
  issuing_authority: "UBND tỉnh (demo)",
  authority_level: "province",
  score: 75,
  stars: 4,
  potential_five_star: false,
  taxonomy_version: "148/QĐ-TTg:2023",
  group_code: "food",
  subgroup: null,
  valid_from: "2025-01-01T00:00:00Z",
  valid_until: "2028-01-01T00:00:00Z",
  status: "active",
  geographical_indication: null,
  collective_trademark: null,
  is_demo: true,
  ...c,
})

// Which certificate a product shows is the backend's decision (`current_certification`, tested in
// backend/src/modules/ocop/contract.unit.spec.ts and tests/integration/contract.spec.ts).
describe("certificates", () => {
  it("shows plain statuses, including expired-by-date and below-standard", () => {
    expect(shownStatus(cert({}), now)).toBe("active")
    expect(shownStatus(cert({ status: "revoked" }), now)).toBe("revoked")
    expect(shownStatus(cert({ status: "suspended" }), now)).toBe("suspended")
    expect(shownStatus(cert({ status: "expired" }), now)).toBe("expired")
    expect(shownStatus(cert({ valid_until: "2026-05-01T00:00:00Z" }), now)).toBe("expired")
    expect(shownStatus(cert({ valid_from: "2026-07-01T00:00:00Z" }), now)).toBe("not_yet")
    expect(shownStatus(cert({ stars: 2 }), now)).toBe("below_standard")
  })

  it("clamps stars", () => {
    expect(clampStars(4)).toBe(4)
    expect(clampStars("5")).toBe(5)
    expect(clampStars(9)).toBe(5)
    expect(clampStars(undefined)).toBe(0)
  })
})

describe("bilingual product content", () => {
  const p = {
    title: "Mè xửng",
    subtitle: "Kẹo mè",
    description: "Mô tả",
    metadata: { title_en: "Sesame brittle", subtitle_en: "", labelling: { net_quantity: "200 g", ingredients_vi: "Mè, đường", ingredients_en: "Sesame, sugar", storage_vi: "Nơi khô ráo" } },
  }
  it("uses metadata *_en on the English site and falls back to Vietnamese", () => {
    expect(localizedProduct(p, "en")).toEqual({ title: "Sesame brittle", subtitle: "Kẹo mè", description: "Mô tả" })
    expect(localizedProduct(p, "vi")).toEqual({ title: "Mè xửng", subtitle: "Kẹo mè", description: "Mô tả" })
  })
  it("reads labelling facts per language", () => {
    const l = labellingOf(p)
    expect(l?.net_quantity).toBe("200 g")
    expect(pickLang(l, "ingredients", "en")).toBe("Sesame, sugar")
    expect(pickLang(l, "storage", "en")).toBe("Nơi khô ráo")
    expect(labellingOf({ metadata: null })).toBeNull()
  })
})
