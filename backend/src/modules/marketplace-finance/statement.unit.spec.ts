import { describe, expect, it } from "vitest"
import { type Statement, statementCsv, statementHtml } from "./statement"

const statement: Statement = {
  payout: {
    id: "payout_1",
    reference: "OCOPPO 01ABC",
    status: "paid",
    currency_code: "vnd",
    amount: 188_125,
    gross: 215_000,
    commission: 26_875,
    period_end: "2026-11-30T17:00:00Z",
    created_at: "2026-12-01T02:00:00Z",
    paid_at: "2026-12-02T03:00:00Z",
    bank_reference: "FT26336000001",
    bank_name: "Vietcombank",
    account_number: "0011000000001",
    account_name: "HTX MÈ XỬNG",
  },
  producer: { id: "prod_ocop_1", legal_name: 'HTX "Mè xửng", Huế' },
  lines: [
    { occurred_at: "2026-11-10T02:00:00Z", order_display_id: 1042, line_item_id: "ordli_1", product_title: "=HYPERLINK(\"x\")", kind: "earning", payment_method: "cod", gross: 215_000, shipping: 0, commission: 26_875, net: 188_125, rate_bp: 1250 },
  ],
}

describe("payout statement", () => {
  it("CSV: one row per entry plus the total, quoted, formulas defused, whole đồng", () => {
    const rows = statementCsv(statement).trim().split("\r\n")
    expect(rows).toHaveLength(3)
    expect(rows[1]).toContain('"HTX ""Mè xửng"", Huế"')
    expect(rows[1]).toContain(`"'=HYPERLINK(""x"")"`)
    expect(rows[1].endsWith(",12.5 %,215000,0,26875,188125")).toBe(true)
    expect(rows[2].endsWith("TOTAL,,,,215000,,26875,188125")).toBe(true)
  })
  it("printable page: escaped, Vietnamese money format", () => {
    const html = statementHtml(statement, "vi")
    expect(html).toMatch(/188\.125\s₫/)
    expect(html).toContain("HTX &quot;Mè xửng&quot;, Huế")
    expect(html).not.toContain("<script")
  })
})
