import { describe, expect, it } from "vitest"
import { isPayable, resolveCommissionRule, scopeKey, windowsOverlap, type CommissionRuleLike } from "./rules"

const rule = (over: Partial<CommissionRuleLike>): CommissionRuleLike => ({
  id: "r",
  scope: "default",
  scope_key: "default",
  group_code: null,
  producer_id: null,
  rate_bp: 1000,
  valid_from: "2026-01-01T00:00:00Z",
  valid_until: null,
  ...over,
})

describe("commission rules", () => {
  const rules = [
    rule({ id: "default-old", valid_until: "2026-06-01T00:00:00Z", rate_bp: 800 }),
    rule({ id: "default", valid_from: "2026-06-01T00:00:00Z", rate_bp: 1000 }),
    rule({ id: "group-01", scope: "group", scope_key: scopeKey("group", { group_code: "01" }), group_code: "01", rate_bp: 500 }),
    rule({ id: "producer-x", scope: "producer", scope_key: "producer:x", producer_id: "x", rate_bp: 300, valid_until: "2026-09-01T00:00:00Z" }),
  ]
  it("prefers the producer's override, then the group's, then the default, within validity", () => {
    const at = new Date("2026-07-01T00:00:00Z")
    expect(resolveCommissionRule(rules, { producer_id: "x", group_code: "01" }, at)?.id).toBe("producer-x")
    expect(resolveCommissionRule(rules, { producer_id: "y", group_code: "01" }, at)?.id).toBe("group-01")
    expect(resolveCommissionRule(rules, { producer_id: "y", group_code: "02" }, at)?.id).toBe("default")
    expect(resolveCommissionRule(rules, { producer_id: "y", group_code: null }, new Date("2026-03-01T00:00:00Z"))?.id).toBe("default-old")
    // After the producer's override ends, its group's rate applies again.
    expect(resolveCommissionRule(rules, { producer_id: "x", group_code: "01" }, new Date("2026-09-01T00:00:00Z"))?.id).toBe("group-01")
    expect(resolveCommissionRule(rules, { producer_id: "x", group_code: "01" }, new Date("2025-01-01T00:00:00Z"))).toBeNull()
  })
  it("treats windows as half-open: one may start exactly when the other ends", () => {
    expect(windowsOverlap({ valid_from: "2026-01-01", valid_until: "2026-06-01" }, { valid_from: "2026-06-01", valid_until: null })).toBe(false)
    expect(windowsOverlap({ valid_from: "2026-01-01", valid_until: "2026-06-02" }, { valid_from: "2026-06-01", valid_until: null })).toBe(true)
    expect(windowsOverlap({ valid_from: "2026-01-01", valid_until: null }, { valid_from: "2030-01-01", valid_until: null })).toBe(true)
  })
})

describe("payout eligibility", () => {
  const cutoff = new Date("2026-12-01T00:00:00Z")
  it("pays an earning only once shipped and past the holding period", () => {
    expect(isPayable({ kind: "earning", occurred_at: "2026-11-01", shipped_at: null }, cutoff, 7)).toBe(false)
    expect(isPayable({ kind: "earning", occurred_at: "2026-11-01", shipped_at: "2026-11-20T00:00:00Z" }, cutoff, 7)).toBe(true)
    expect(isPayable({ kind: "earning", occurred_at: "2026-11-01", shipped_at: "2026-11-25T00:00:01Z" }, cutoff, 7)).toBe(false)
    expect(isPayable({ kind: "earning", occurred_at: "2026-11-28", shipped_at: "2026-11-01" }, cutoff, 0)).toBe(true)
  })
  it("settles a reversal as soon as it happened", () => {
    expect(isPayable({ kind: "reversal", occurred_at: "2026-11-30", shipped_at: null }, cutoff, 7)).toBe(true)
  })
})
