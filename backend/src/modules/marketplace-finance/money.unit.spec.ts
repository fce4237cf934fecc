import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  allocateLargestRemainder,
  allocateMovement,
  commissionOf,
  type LedgerLine,
  lineWeights,
  type MovementSlice,
  toMinor,
} from "./money"

describe("allocateLargestRemainder", () => {
  it("splits 100 000 ₫ over 1:1:1 as 33 334 + 33 333 + 33 333 (the leftover đồng to the first)", () => {
    expect(allocateLargestRemainder(100_000, [1, 1, 1])).toEqual([33_334, 33_333, 33_333])
  })
  it("gives leftovers to the largest fractional remainders, not by position", () => {
    // 10 × 1/6 = 1.67, 10 × 2/6 = 3.33, 10 × 3/6 = 5 → 1+3+5 = 9, the 10th unit goes to the 0.67
    expect(allocateLargestRemainder(10, [1, 2, 3])).toEqual([2, 3, 5])
  })
  it("splits a negative amount symmetrically and an all-zero weight list evenly", () => {
    expect(allocateLargestRemainder(-100_000, [1, 1, 1])).toEqual([-33_334, -33_333, -33_333])
    expect(allocateLargestRemainder(5, [0, 0])).toEqual([3, 2])
  })
  it("stays exact beyond 2^53 intermediate products", () => {
    const parts = allocateLargestRemainder(9_000_000_000_000, [3_000_000_000_001, 2, 7])
    expect(parts.reduce((a, b) => a + b, 0)).toBe(9_000_000_000_000)
  })
  it("always sums to the total and never moves a share more than one unit from its exact value", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 12 }), (total, weights) => {
        const parts = allocateLargestRemainder(total, weights)
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total)
        const sum = weights.reduce((a, b) => a + b, 0)
        if (sum > 0) parts.forEach((p, i) => expect(Math.abs(p - (total * weights[i]) / sum)).toBeLessThan(1 + 1e-6))
      })
    )
  })
})

describe("commissionOf", () => {
  it("rounds half away from zero in basis points", () => {
    expect(commissionOf(125_000, 1_000)).toBe(12_500)
    expect(commissionOf(5, 1_000)).toBe(1) // 0.5 → 1
    expect(commissionOf(-5, 1_000)).toBe(-1)
    expect(commissionOf(1_999, 1_250)).toBe(250) // 249.875
  })
  it("refuses a rate outside 0–100 %", () => {
    expect(() => commissionOf(100, -1)).toThrow(/basis points/)
    expect(() => commissionOf(100, 10_001)).toThrow(/basis points/)
  })
})

describe("toMinor", () => {
  it("converts Medusa's decimal amounts exactly", () => {
    expect(toMinor(19.99, "usd")).toBe(1999)
    expect(toMinor("0.1", "usd") + toMinor("0.2", "usd")).toBe(30)
    expect(toMinor({ numeric: 125000 }, "vnd")).toBe(125_000)
    expect(() => toMinor(1, "xyz")).toThrow(/Unsupported currency/)
  })
})

/**
 * The reconciliation property of issue 18: for random orders across producers,
 * currencies, promotions, partial captures, partial refunds and returns,
 * Σ(producer net) + Σ(commission) = Σ(captured or collected) − Σ(refunded),
 * exactly, after every movement.
 */
describe("ledger reconciliation (property)", () => {
  const producerIds = ["prod_a", "prod_b", "prod_c", "prod_d"]
  const order = fc
    .record({
      currency: fc.constantFrom("vnd", "usd"),
      lines: fc.array(
        fc.record({
          producer: fc.constantFrom(...producerIds),
          unit: fc.integer({ min: 1, max: 5_000_000 }),
          quantity: fc.integer({ min: 1, max: 20 }),
          rate_bp: fc.integer({ min: 0, max: 10_000 }),
        }),
        { minLength: 1, maxLength: 8 }
      ),
      promotion_percent: fc.integer({ min: 0, max: 100 }),
      shipping: fc.integer({ min: 0, max: 200_000 }),
      movements: fc.array(fc.record({ kind: fc.constantFrom("capture", "refund"), fraction: fc.double({ min: 0, max: 1, noNaN: true }) }), {
        minLength: 1,
        maxLength: 10,
      }),
    })
    .map((o) => {
      // An order-level promotion, spread over the lines the way Medusa does (by line subtotal).
      const subtotals = o.lines.map((l) => l.unit * l.quantity)
      const subtotal = subtotals.reduce((a, b) => a + b, 0)
      const discount = Math.floor((subtotal * o.promotion_percent) / 100)
      const discounts = allocateLargestRemainder(discount, subtotals)
      const lines: LedgerLine[] = o.lines.map((l, i) => ({
        line_item_id: `item_${i}`,
        producer_id: l.producer,
        item_total: subtotals[i] - discounts[i],
        rate_bp: l.rate_bp,
      }))
      return { ...o, lines }
    })

  it("Σ net + Σ commission = Σ captured − Σ refunded, to the đồng and the cent, at every moment", () => {
    fc.assert(
      fc.property(order, ({ lines, shipping, movements }) => {
        const weights = lineWeights(lines, shipping)
        const orderTotal = lines.reduce((a, l) => a + l.item_total, 0) + shipping
        const entries: MovementSlice[] = []
        let captured = 0
        let refunded = 0
        for (const m of movements) {
          let amount: number
          if (m.kind === "capture") {
            amount = Math.floor((orderTotal - captured) * m.fraction)
            captured += amount
          } else {
            amount = -Math.floor((captured - refunded) * m.fraction)
            refunded -= amount
          }
          const slices = allocateMovement(amount, weights)
          for (const s of slices) {
            expect(Number.isSafeInteger(s.gross) && Number.isSafeInteger(s.commission) && Number.isSafeInteger(s.net)).toBe(true)
            expect(s.net + s.commission).toBe(s.gross)
          }
          entries.push(...slices)
          const net = entries.reduce((a, e) => a + e.net, 0)
          const commission = entries.reduce((a, e) => a + e.commission, 0)
          expect(net + commission).toBe(captured - refunded)
          // Per producer, the books close too: what each producer earned adds up to its slices.
          for (const p of producerIds) {
            const mine = entries.filter((e) => e.producer_id === p)
            expect(mine.reduce((a, e) => a + e.net + e.commission, 0)).toBe(mine.reduce((a, e) => a + e.gross, 0))
          }
        }
      }),
      { numRuns: 300 }
    )
  })

  it("a full capture gives each line its item total plus its shipping share, and commission within one unit of rate × item", () => {
    fc.assert(
      fc.property(order, ({ lines, shipping }) => {
        const weights = lineWeights(lines, shipping)
        const total = lines.reduce((a, l) => a + l.item_total, 0) + shipping
        const slices = allocateMovement(total, weights)
        slices.forEach((s, i) => {
          expect(s.gross).toBe(weights[i].item_total + weights[i].shipping_share)
          expect(s.shipping).toBe(weights[i].shipping_share)
          expect(Math.abs(s.commission - (weights[i].item_total * weights[i].rate_bp) / 10_000)).toBeLessThanOrEqual(0.5)
        })
        // Capturing everything and refunding everything leaves every producer at exactly zero.
        const reversed = allocateMovement(-total, weights)
        slices.forEach((s, i) => {
          expect(s.net + reversed[i].net).toBe(0)
          expect(s.commission + reversed[i].commission).toBe(0)
        })
      })
    )
  })
})
