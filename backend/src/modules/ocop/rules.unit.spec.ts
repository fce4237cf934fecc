import {
  addMonths,
  checkPotentialFiveStar,
  checkValidityWindow,
  checkStarsAgainstScore,
  currentCertification,
  defaultValidUntil,
  effectiveStarsCheck,
  holdsCertificateNumber,
  isCertificationInForce,
  isSellable,
  starsForScore,
} from "./rules"

const day = 86_400_000
const now = new Date("2026-06-15T00:00:00Z")
const cert = (over: Partial<{ status: string; stars: number; valid_from: Date; valid_until: Date; decision_date: Date }> = {}) => ({
  status: "active",
  stars: 4,
  valid_from: new Date(now.getTime() - 100 * day),
  valid_until: new Date(now.getTime() + 100 * day),
  decision_date: new Date(now.getTime() - 100 * day),
  ...over,
})

describe("star bands (148/QĐ-TTg)", () => {
  it.each([
    [0, 1], [29, 1], [30, 2], [49, 2], [50, 3], [69, 3], [70, 4], [89, 4], [90, 5], [100, 5],
  ])("a score of %i is %i★", (score, stars) => {
    expect(starsForScore(score)).toBe(stars)
  })

  it("rejects scores outside 0–100", () => {
    expect(() => starsForScore(101)).toThrow(RangeError)
    expect(() => starsForScore(-1)).toThrow(RangeError)
    expect(checkStarsAgainstScore(4, 120)).toMatch(/between 0 and 100/)
  })

  it("explains a mismatch between stars and score", () => {
    expect(checkStarsAgainstScore(2, 75)).toBe("a score of 75 is rated 4★ under 148/QĐ-TTg, not 2★")
    expect(checkStarsAgainstScore(4, 75)).toBeNull()
    expect(checkStarsAgainstScore(6, 95)).toMatch(/1 to 5/)
  })

  it("records potential 5★ as 4★ with ≥ 90 points", () => {
    expect(effectiveStarsCheck(4, 96, true)).toBeNull()
    expect(effectiveStarsCheck(4, 96, false)).toMatch(/5★/)
    expect(checkPotentialFiveStar(true, 4, 85)).toMatch(/at least 90/)
    expect(checkPotentialFiveStar(true, 5, 95)).toMatch(/already rated 5★/)
    expect(checkPotentialFiveStar(false, 4, 10)).toBeNull()
  })
})

describe("validity", () => {
  it("lasts 36 months from the decision date, clamping month ends", () => {
    expect(defaultValidUntil(new Date("2023-02-24T00:00:00Z")).toISOString()).toBe("2026-02-24T00:00:00.000Z")
    expect(addMonths(new Date("2024-01-31T00:00:00Z"), 1).toISOString()).toBe("2024-02-29T00:00:00.000Z")
  })

  it("is in force only when active, ≥ 3★ and within its dates", () => {
    expect(isCertificationInForce(cert(), now)).toBe(true)
    expect(isCertificationInForce(cert({ stars: 2 }), now)).toBe(false)
    expect(isCertificationInForce(cert({ status: "revoked" }), now)).toBe(false)
    expect(isCertificationInForce(cert({ status: "suspended" }), now)).toBe(false)
    expect(isCertificationInForce(cert({ valid_until: new Date(now.getTime() - 1) }), now)).toBe(false)
    expect(isCertificationInForce(cert({ valid_from: new Date(now.getTime() + day) }), now)).toBe(false)
  })
})

describe("validity window of a decision", () => {
  const from = new Date("2025-03-01T00:00:00Z")
  it("accepts up to exactly 36 months after valid_from", () => {
    expect(checkValidityWindow(from, new Date("2028-03-01T00:00:00Z"))).toBeNull()
    expect(checkValidityWindow(from, new Date("2026-03-01T00:00:00Z"))).toBeNull()
  })
  it("refuses a day more, naming valid_until and the latest date", () => {
    expect(checkValidityWindow(from, new Date("2028-03-02T00:00:00Z"))).toMatch(/^valid_until must be at most 36 months after valid_from.*2028-03-01 at the latest/)
    expect(checkValidityWindow(from, new Date("2099-01-01T00:00:00Z"))).toMatch(/^valid_until/)
  })
  it("refuses an end before the start", () => {
    expect(checkValidityWindow(from, from)).toBe("valid_until must be after valid_from")
  })
})

describe("certificate numbers", () => {
  it("are held by decisions on record, not by submissions under review or rejected", () => {
    for (const s of ["active", "expired", "revoked", "suspended"]) expect(holdsCertificateNumber(s)).toBe(true)
    for (const s of ["pending_review", "rejected"]) expect(holdsCertificateNumber(s)).toBe(false)
  })
})

describe("sellability", () => {
  it("needs an approved producer and one certification in force", () => {
    expect(isSellable([cert()], "approved", now)).toBe(true)
    expect(isSellable([cert()], "suspended", now)).toBe(false)
    expect(isSellable([cert()], "pending", now)).toBe(false)
    expect(isSellable([], "approved", now)).toBe(false)
    expect(isSellable([cert({ status: "expired" }), cert()], "approved", now)).toBe(true)
  })

  it("shows the certification in force, else the latest decision", () => {
    const old = cert({ status: "expired", decision_date: new Date(now.getTime() - 2000 * day) })
    const live = cert({ decision_date: new Date(now.getTime() - 10 * day) })
    const newerRevoked = cert({ status: "revoked", decision_date: new Date(now.getTime() - day) })
    expect(currentCertification([old, live, newerRevoked], now)).toBe(live)
    expect(currentCertification([old, newerRevoked], now)).toBe(newerRevoked)
    expect(currentCertification([], now)).toBeNull()
  })
})
