import { ProducerApply, ProducerCreateListing, ProducerShipItems, ProducerSubmitCertification, ProducerUpdateListing } from "./validators"

const listing = {
  title_vi: "Mè xửng",
  title_en: "Sesame candy",
  description_vi: "Kẹo",
  description_en: "Candy",
  group: "food",
  variants: [{ title: "Hộp", prices: { vnd: 45000, usd: 1.8 }, stock: 3 }],
}

const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (r.error?.issues ?? []).map((i) => `${i.path.join(".")}: ${i.message}`)

describe("producer portal validators", () => {
  it("accepts a complete listing and defaults images to none", () => {
    const r = ProducerCreateListing.safeParse(listing)
    expect(r.success).toBe(true)
    expect(r.data?.images).toEqual([])
  })

  it("names the field of every problem", () => {
    const r = ProducerCreateListing.safeParse({
      ...listing,
      images: ["javascript:alert(1)"],
      variants: [{ title: "Hộp", prices: { vnd: 4500.5, usd: 1.234 }, stock: -1 }],
    })
    const found = issues(r).join("\n")
    expect(found).toMatch(/images\.0/)
    expect(found).toMatch(/variants\.0\.prices\.vnd/)
    expect(found).toMatch(/variants\.0\.prices\.usd/)
    expect(found).toMatch(/variants\.0\.stock/)
  })

  it("refuses unknown fields, duplicate variants and a status set by the producer", () => {
    expect(ProducerCreateListing.safeParse({ ...listing, status: "published" }).success).toBe(false)
    expect(
      ProducerCreateListing.safeParse({ ...listing, variants: [listing.variants[0], { ...listing.variants[0], title: "hộp" }] }).success
    ).toBe(false)
    expect(ProducerUpdateListing.safeParse({}).success).toBe(false)
    expect(ProducerUpdateListing.safeParse({ variants: [{ id: "v1", prices: { eur: 3 } }] }).success).toBe(false)
  })

  it("requires the owner and the legal data in an application", () => {
    const ok = ProducerApply.safeParse({
      legal_name: "HTX",
      type: "cooperative",
      registration_number: "1",
      commune: "Phong Hiền",
      district: "Phong Điền",
      owner: { first_name: "Lan", last_name: "Trần" },
    })
    expect(ok.success).toBe(true)
    expect(ok.data?.province).toBe("thành phố Huế")
    expect(ProducerApply.safeParse({ legal_name: "HTX", type: "cooperative" }).success).toBe(false)
  })

  it("requires evidence for a certification and never lets the producer choose its status", () => {
    const base = {
      certificate_number: "demo-1",
      decision_number: "1/QĐ",
      decision_date: "2025-03-01",
      issuing_authority: "UBND",
      authority_level: "province",
      score: 72,
      stars: 4,
    }
    expect(ProducerSubmitCertification.safeParse(base).success).toBe(false)
    const ok = ProducerSubmitCertification.safeParse({ ...base, evidence_url: "https://example.org/a.pdf" })
    expect(ok.success).toBe(true)
    expect(ok.data?.certificate_number).toBe("DEMO-1")
    expect(ProducerSubmitCertification.safeParse({ ...base, evidence_url: "https://example.org/a.pdf", status: "active" }).success).toBe(false)
  })

  it("bounds a submitted valid_until by the 36-month rule", () => {
    const base = {
      certificate_number: "demo-1",
      decision_number: "1/QĐ",
      decision_date: "2025-03-01",
      issuing_authority: "UBND",
      authority_level: "province",
      score: 72,
      stars: 4,
      evidence_url: "https://example.org/a.pdf",
    }
    expect(ProducerSubmitCertification.safeParse({ ...base, valid_until: "2028-03-01" }).success).toBe(true)
    const long = ProducerSubmitCertification.safeParse({ ...base, valid_until: "2099-01-01" })
    expect(long.success).toBe(false)
    expect(long.error?.issues.map((i) => i.path.join("."))).toEqual(["valid_until"])
    // Counted from valid_from when given.
    expect(ProducerSubmitCertification.safeParse({ ...base, valid_from: "2025-06-01", valid_until: "2028-06-01" }).success).toBe(true)
    expect(ProducerSubmitCertification.safeParse({ ...base, valid_from: "2025-06-01", valid_until: "2028-06-02" }).success).toBe(false)
  })

  it("ships all remaining items by default, or given quantities", () => {
    expect(ProducerShipItems.safeParse({}).success).toBe(true)
    expect(ProducerShipItems.safeParse({ items: [{ id: "i", quantity: 0 }] }).success).toBe(false)
    expect(ProducerShipItems.safeParse({ items: [{ id: "i", quantity: 1 }, { id: "i", quantity: 1 }] }).success).toBe(false)
  })
})
