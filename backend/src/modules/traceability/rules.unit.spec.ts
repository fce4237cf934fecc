import { describe, expect, it } from "vitest"
import { certificationInForceOn, lotDatesProblem, lotEditProblem, lotStatus } from "./rules"

describe("lot rules", () => {
  it("freezes a lot once any unit of its variant was ordered since it was recorded", () => {
    expect(lotEditProblem(0)).toBeNull()
    expect(lotEditProblem(1)).toMatch(/correction/)
  })

  it("refuses a production date in the future and an expiry not after production", () => {
    const now = new Date("2026-12-03T05:00:00Z")
    expect(lotDatesProblem(new Date("2026-12-01"), new Date("2027-12-01"), now)).toBeNull()
    expect(lotDatesProblem(new Date("2026-12-10"), null, now)).toMatch(/future/)
    expect(lotDatesProblem(new Date("2026-12-01"), new Date("2026-12-01"), now)).toMatch(/after/)
  })

  it("says whether a lot was superseded by a correction", () => {
    expect(lotStatus({ superseded_at: null })).toBe("live")
    expect(lotStatus({ superseded_at: "2026-12-01" })).toBe("superseded")
  })
})

describe("the certificate in force on a lot's production date", () => {
  const cert = (over: Record<string, unknown>) => ({
    status: "active",
    stars: 4,
    valid_from: "2024-01-01",
    valid_until: "2027-01-01",
    decision_date: "2024-01-01",
    events: [] as { type: string; to_status: string | null; occurred_at: string }[],
    ...over,
  })

  it("is the one whose validity covers the day, revoked later or not", () => {
    const revokedLater = cert({ status: "revoked", events: [{ type: "revoked", to_status: "revoked", occurred_at: "2026-06-01" }] })
    expect(certificationInForceOn([revokedLater], "2025-05-01")).toBe(revokedLater)
    expect(certificationInForceOn([revokedLater], "2026-07-01")).toBeNull()
  })

  it("is none before the decision, after validity, or below 3 stars; the latest decision wins", () => {
    const a = cert({})
    const b = cert({ decision_date: "2025-01-01", valid_from: "2025-01-01", valid_until: "2028-01-01", stars: 5 })
    expect(certificationInForceOn([a], "2023-06-01")).toBeNull()
    expect(certificationInForceOn([a], "2027-06-01")).toBeNull()
    expect(certificationInForceOn([cert({ stars: 2 })], "2025-06-01")).toBeNull()
    expect(certificationInForceOn([a, b], "2025-06-01")).toBe(b)
  })
})
