import { AdminCreateCertification, isValidIsoDate } from "./validators"

describe("admin OCOP validators", () => {
  it("accepts ISO dates and date-times, rejects impossible or foreign formats", () => {
    expect(isValidIsoDate("2025-03-01")).toBe(true)
    expect(isValidIsoDate("2025-03-01T08:30:00Z")).toBe(true)
    expect(isValidIsoDate("2025-03-01T08:30:00+07:00")).toBe(true)
    expect(isValidIsoDate("2025-02-30")).toBe(false)
    expect(isValidIsoDate("01/03/2025")).toBe(false)
    expect(isValidIsoDate("2025-3-1")).toBe(false)
  })

  it("names the field in a date error and upper-cases certificate numbers", () => {
    const base = {
      product_id: "prod_1",
      certificate_number: "demo-1",
      decision_number: "1/QĐ",
      decision_date: "2025-01-01",
      issuing_authority: "UBND",
      authority_level: "province",
      score: 70,
      stars: 4,
      group_code: "food",
    }
    const ok = AdminCreateCertification.safeParse(base)
    expect(ok.success && ok.data.certificate_number).toBe("DEMO-1")
    const bad = AdminCreateCertification.safeParse({ ...base, decision_date: "2025-13-01" })
    expect(bad.success).toBe(false)
    expect(bad.error!.issues[0].message).toMatch(/^decision_date must be an ISO date/)
    expect(AdminCreateCertification.safeParse({ ...base, score: 100.5 }).success).toBe(false)
    expect(AdminCreateCertification.safeParse({ ...base, extra: 1 }).success).toBe(false)
  })
})
