/**
 * The marketplace's money arithmetic, pure (no I/O; property-tested in
 * money.unit.spec.ts). Everything here works in integer minor units: whole đồng
 * for VND (no minor unit), cents for USD. Medusa stores amounts in major units as
 * decimals; `toMinor` is the one place that converts.
 *
 * The allocation, in one paragraph (the README's "Marketplace money" repeats it
 * with a worked example):
 *
 * 1. A line's item part is Medusa's line `total`: after its promotion
 *    adjustments (Medusa already spreads an order-level promotion over the lines
 *    it applies to) and with tax included.
 * 2. The order's shipping total (after shipping promotions) is split over the
 *    lines in proportion to their item parts, by largest remainder. Each producer
 *    ships its own parcel, so shipping is passed through to it; commission is
 *    charged on the item part only.
 * 3. Every money movement — a capture (card/bank transfer paid, COD cash
 *    collected) or a refund — is split over the 2·n buckets (item part and
 *    shipping part of every line) in proportion to those weights, by largest
 *    remainder, so the slices add up to the movement exactly, to the đồng.
 * 4. Commission on a slice = its item part × the line's frozen rate (basis
 *    points), rounded half away from zero; the producer's net is the slice minus
 *    the commission. A refund is a negative movement, so it appends reversing
 *    entries computed the same way.
 *
 * Hence Σ(net) + Σ(commission) = Σ(captured) − Σ(refunded) exactly, for every
 * order and at every moment.
 */

/** Digits after the decimal point per currency (ISO 4217 minor unit). */
export const MINOR_UNIT_DIGITS: Readonly<Record<string, number>> = Object.freeze({ vnd: 0, usd: 2, eur: 2 })

export const BASIS_POINTS_100_PERCENT = 10_000

export function minorUnitDigits(currencyCode: string): number {
  const digits = MINOR_UNIT_DIGITS[currencyCode.toLowerCase()]
  if (digits === undefined) throw new Error(`Unsupported currency for the marketplace ledger: ${currencyCode}`)
  return digits
}

/**
 * A Medusa amount (number, numeric string, or BigNumber `{ numeric }`) in
 * integer minor units. Rounds through the decimal string so 19.99 stays 1999 and
 * does not become 1998.9999999.
 */
export function toMinor(amount: unknown, currencyCode: string): number {
  const digits = minorUnitDigits(currencyCode)
  let value: unknown = amount
  if (value && typeof value === "object" && "numeric" in (value as Record<string, unknown>)) value = (value as { numeric: unknown }).numeric
  const n = typeof value === "string" ? Number(value) : Number(value ?? 0)
  if (!Number.isFinite(n)) throw new Error(`Not an amount: ${String(amount)}`)
  const minor = Math.round(Number(`${n.toFixed(Math.min(digits + 4, 20))}e${digits}`))
  if (!Number.isSafeInteger(minor)) throw new Error(`Amount out of range: ${String(amount)}`)
  return minor
}

export function fromMinor(minor: number, currencyCode: string): number {
  return minor / 10 ** minorUnitDigits(currencyCode)
}

/**
 * Splits the integer `total` over `weights` (non-negative integers) in
 * proportion, by the largest-remainder method: every share is ⌊total·w/W⌋, and
 * the units left over go one each to the largest fractional remainders, ties to
 * the lower index — deterministic, so the same order always splits the same
 * way. A negative total is split as its absolute value and negated. With all
 * weights zero the total is split evenly. BigInt, because total·w can pass 2^53.
 */
export function allocateLargestRemainder(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total)) throw new Error(`total must be a safe integer, got ${total}`)
  if (!weights.length) {
    if (total !== 0) throw new Error("Cannot allocate a non-zero amount over no weights")
    return []
  }
  for (const w of weights) if (!Number.isSafeInteger(w) || w < 0) throw new Error(`weights must be non-negative integers, got ${w}`)
  const sign = total < 0 ? -1 : 1
  const amount = BigInt(Math.abs(total))
  const allZero = weights.every((w) => w === 0)
  const ws = weights.map((w) => BigInt(allZero ? 1 : w))
  const sum = ws.reduce((a, b) => a + b, 0n)
  const shares = ws.map((w) => (amount * w) / sum)
  const remainders = ws.map((w, i) => ({ i, r: (amount * w) % sum }))
  let left = amount - shares.reduce((a, b) => a + b, 0n)
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1))
  for (const { i } of remainders) {
    if (left <= 0n) break
    shares[i] += 1n
    left -= 1n
  }
  return shares.map((s) => sign * Number(s) + 0)
}

/** `amount` × `rateBp` / 10 000, rounded half away from zero (integer minor units). */
export function commissionOf(amount: number, rateBp: number): number {
  if (!Number.isSafeInteger(amount)) throw new Error(`amount must be a safe integer, got ${amount}`)
  if (!Number.isInteger(rateBp) || rateBp < 0 || rateBp > BASIS_POINTS_100_PERCENT) throw new Error(`rate must be 0–10000 basis points, got ${rateBp}`)
  const sign = amount < 0 ? -1n : 1n
  const abs = BigInt(Math.abs(amount))
  const rounded = (abs * BigInt(rateBp) + 5_000n) / 10_000n
  return Number(sign * rounded) + 0
}

/** One order line as the ledger weighs it. */
export type LedgerLine = {
  line_item_id: string
  producer_id: string
  /** Medusa's line total in minor units (after promotions, tax included). */
  item_total: number
  /** The commission rate frozen on this line when the order was placed. */
  rate_bp: number
}

export type LineWeight = LedgerLine & { shipping_share: number }

/** Step 2 of the allocation: the order's shipping total split over the lines by their item parts. */
export function lineWeights(lines: readonly LedgerLine[], shippingTotal: number): LineWeight[] {
  if (!lines.length) return []
  const shares = allocateLargestRemainder(shippingTotal, lines.map((l) => Math.max(0, l.item_total)))
  return lines.map((l, i) => ({ ...l, shipping_share: shares[i] }))
}

export type MovementSlice = {
  line_item_id: string
  producer_id: string
  rate_bp: number
  /** This line's part of the movement (item part + shipping part); negative for a refund. */
  gross: number
  shipping: number
  commission: number
  /** gross − commission: what the marketplace owes the producer for this slice. */
  net: number
}

/**
 * Steps 3–4: one capture (positive) or refund (negative) of `amount` split over
 * the order's lines. Σ gross = amount and gross = net + commission on every slice.
 */
export function allocateMovement(amount: number, weights: readonly LineWeight[]): MovementSlice[] {
  if (!weights.length) {
    if (amount !== 0) throw new Error("A payment movement on an order without marketplace lines cannot be allocated")
    return []
  }
  const bucketWeights = [...weights.map((w) => Math.max(0, w.item_total)), ...weights.map((w) => Math.max(0, w.shipping_share))]
  const buckets = allocateLargestRemainder(amount, bucketWeights)
  return weights.map((w, i) => {
    const item = buckets[i]
    const shipping = buckets[weights.length + i]
    const commission = commissionOf(item, w.rate_bp)
    const gross = item + shipping
    return { line_item_id: w.line_item_id, producer_id: w.producer_id, rate_bp: w.rate_bp, gross, shipping, commission, net: gross - commission }
  })
}

/** "12.5 %" from 1250 basis points (for statements and the admin). */
export function formatRate(rateBp: number): string {
  return `${(rateBp / 100).toLocaleString("en-US", { maximumFractionDigits: 2 })} %`
}
