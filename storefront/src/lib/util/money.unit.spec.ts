import { describe, expect, it } from "vitest"
import { formatMoney, isZeroDecimal } from "./money"

const NBSP = "\u00a0"

describe("formatMoney", () => {
  it("formats VND the Vietnamese way, in major units, with a no-break space before ₫", () => {
    expect(formatMoney(125000, "vnd", "vi")).toBe(`125.000${NBSP}₫`)
    // the exact code points, so nobody "fixes" the space into a normal one by accident
    expect([...formatMoney(125000, "vnd", "vi")].map((c) => c.codePointAt(0))).toEqual([
      0x31, 0x32, 0x35, 0x2e, 0x30, 0x30, 0x30, 0xa0, 0x20ab,
    ])
  })

  it("keeps vi-VN formatting for VND even on the English site (never ₫125,000)", () => {
    expect(formatMoney(125000, "VND", "en")).toBe(`125.000${NBSP}₫`)
    expect(formatMoney(125000, "vnd", "en")).not.toContain(",")
  })

  it("rounds VND to whole đồng (zero-decimal currency)", () => {
    expect(formatMoney(45000.4, "vnd", "vi")).toBe(`45.000${NBSP}₫`)
    expect(formatMoney(1250000, "vnd", "vi")).toBe(`1.250.000${NBSP}₫`)
    expect(formatMoney(0, "vnd", "vi")).toBe(`0${NBSP}₫`)
  })

  it("formats USD with two decimals from major units (5.5 = $5.50)", () => {
    expect(formatMoney(5, "usd", "en")).toBe("$5.00")
    expect(formatMoney(5.5, "usd", "en")).toBe("$5.50")
    expect(formatMoney(1234.5, "usd", "vi")).toBe("$1,234.50")
  })

  it("accepts numeric strings and degrades for missing amounts", () => {
    expect(formatMoney("125000", "vnd", "vi")).toBe(`125.000${NBSP}₫`)
    expect(formatMoney(null, "vnd", "vi")).toBe("—")
    expect(formatMoney(undefined, "usd", "en")).toBe("—")
    expect(formatMoney("abc", "usd", "en")).toBe("—")
  })

  it("uses the UI locale for other currencies and survives unknown codes", () => {
    expect(formatMoney(5.5, "eur", "vi")).toBe(`5,50${NBSP}€`)
    expect(formatMoney(5.5, "eur", "en")).toBe("€5.50")
    expect(formatMoney(5, "zzzz", "en")).toBe("5.00 ZZZZ")
  })

  it("knows zero-decimal currencies", () => {
    expect(isZeroDecimal("VND")).toBe(true)
    expect(isZeroDecimal("usd")).toBe(false)
  })
})
