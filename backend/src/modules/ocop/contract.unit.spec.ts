import { describe, expect, it } from "vitest"
import { addCurrentCertification } from "../../api/store/ocop/current-certification"
import { toCurrentCertificate, type PublicCertification } from "@hue-ocop/backend/ocop-contract"

const now = new Date("2026-06-01T00:00:00Z")
const cert = (c: Partial<PublicCertification>): PublicCertification => ({
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

describe("the current certificate (OCOP contract)", () => {
  it("is the latest decision in force, even when an earlier one has more stars (a downgrade)", () => {
    const earlierFive = cert({ id: "five", stars: 5, score: 92, decision_date: "2025-01-01T00:00:00Z" })
    const laterFour = cert({ id: "four", stars: 4, score: 75, decision_date: "2026-03-01T00:00:00Z" })
    expect(toCurrentCertificate([earlierFive, laterFour], now)).toMatchObject({ id: "four", stars: 4, in_force: true })
    expect(toCurrentCertificate([laterFour, earlierFive], now)?.id).toBe("four")
  })

  it("falls back to the latest decision, marked not in force, when none is in force", () => {
    const revoked = cert({ id: "revoked", status: "revoked", decision_date: "2026-01-01T00:00:00Z" })
    const expired = cert({ id: "expired", valid_until: "2026-01-01T00:00:00Z", decision_date: "2024-01-01T00:00:00Z" })
    expect(toCurrentCertificate([expired, revoked], now)).toMatchObject({ id: "revoked", in_force: false })
    expect(toCurrentCertificate([null, undefined], now)).toBeNull()
    expect(toCurrentCertificate(undefined, now)).toBeNull()
  })

  it("is added to store product responses that carry certifications, and only to those", () => {
    const five = cert({ id: "five", stars: 5, score: 92, decision_date: "2025-01-01T00:00:00Z" })
    const four = cert({ id: "four", decision_date: "2026-03-01T00:00:00Z" })
    const list = addCurrentCertification({ products: [{ id: "p1", certifications: [five, four] }, { id: "p2" }], count: 2 }, now) as {
      products: { id: string; current_certification?: { id: string } | null }[]
    }
    expect(list.products[0].current_certification?.id).toBe("four")
    expect("current_certification" in list.products[1]).toBe(false)
    const one = addCurrentCertification({ product: { id: "p1", certifications: [] } }, now) as { product: { current_certification: unknown } }
    expect(one.product.current_certification).toBeNull()
  })
})
