/**
 * A payout statement as CSV (for the bank's and the producer's books) and as a printable
 * HTML page, pure (statement.unit.spec.ts). Amounts are in minor units and shown in the
 * shared display format (`125.000 ₫`).
 */
import { formatDate, formatMoney } from "../../contract/display"
import { formatRate, fromMinor } from "./money"

export type StatementLine = {
  occurred_at: string | Date
  order_display_id: number | null
  line_item_id: string
  product_title: string | null
  kind: "earning" | "reversal"
  payment_method: string | null
  gross: number
  shipping: number
  commission: number
  net: number
  rate_bp: number
}

export type Statement = {
  payout: {
    id: string
    reference: string
    status: string
    currency_code: string
    amount: number
    gross: number
    commission: number
    period_end: string | Date
    created_at: string | Date
    paid_at: string | Date | null
    bank_reference: string | null
    bank_name: string | null
    account_number: string | null
    account_name: string | null
  }
  producer: { id: string; legal_name: string }
  lines: StatementLine[]
}

/** Quotes a CSV field when needed and defuses spreadsheet formulas (=, +, -, @ at the start). */
function csvField(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? "" : String(value)
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** Amounts in major units with a dot (machine-readable), one row per ledger entry, totals last. */
export function statementCsv(s: Statement): string {
  const c = s.payout.currency_code
  const money = (minor: number) => String(fromMinor(minor, c))
  const rows: (string | number | null)[][] = [
    ["payout", "reference", "producer", "currency", "date", "order", "line_item", "product", "kind", "payment_method", "commission_rate", "gross", "shipping", "commission", "net"],
    ...s.lines.map((l) => [
      s.payout.id,
      s.payout.reference,
      s.producer.legal_name,
      c.toUpperCase(),
      new Date(l.occurred_at).toISOString(),
      l.order_display_id === null ? "" : `#${l.order_display_id}`,
      l.line_item_id,
      l.product_title ?? "",
      l.kind,
      l.payment_method ?? "",
      formatRate(l.rate_bp),
      money(l.gross),
      money(l.shipping),
      money(l.commission),
      money(l.net),
    ]),
    [s.payout.id, s.payout.reference, s.producer.legal_name, c.toUpperCase(), "", "", "", "TOTAL", "", "", "", money(s.payout.gross), "", money(s.payout.commission), money(s.payout.amount)],
  ]
  return rows.map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n"
}

const escapeHtml = (v: string | number | null | undefined) =>
  String(v ?? "").replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!)

const LABELS = {
  vi: {
    title: "Bảng kê thanh toán",
    producer: "Chủ thể",
    reference: "Nội dung chuyển khoản",
    status: "Trạng thái",
    period: "Tính đến",
    account: "Tài khoản nhận",
    date: "Ngày",
    order: "Đơn",
    product: "Sản phẩm",
    kind: "Loại",
    rate: "Hoa hồng %",
    gross: "Doanh thu",
    commission: "Hoa hồng",
    net: "Thực nhận",
    total: "Tổng",
    earning: "Doanh thu",
    reversal: "Hoàn tiền",
    paid: "Đã chuyển",
    bankRef: "Mã giao dịch",
  },
  en: {
    title: "Payout statement",
    producer: "Producer",
    reference: "Transfer reference",
    status: "Status",
    period: "Up to",
    account: "Paid to",
    date: "Date",
    order: "Order",
    product: "Product",
    kind: "Kind",
    rate: "Commission %",
    gross: "Gross",
    commission: "Commission",
    net: "Net",
    total: "Total",
    earning: "Sale",
    reversal: "Refund",
    paid: "Paid",
    bankRef: "Bank reference",
  },
}

/** A self-contained printable page (no scripts, inline print CSS). */
export function statementHtml(s: Statement, locale: "vi" | "en" = "vi"): string {
  const t = LABELS[locale]
  const c = s.payout.currency_code
  const m = (minor: number) => escapeHtml(formatMoney(fromMinor(minor, c), c, locale))
  const d = (v: string | Date | null) => escapeHtml(v ? formatDate(v, locale) : "")
  const rows = s.lines
    .map(
      (l) => `<tr><td>${d(l.occurred_at)}</td><td>${l.order_display_id === null ? "" : `#${l.order_display_id}`}</td><td>${escapeHtml(
        l.product_title ?? l.line_item_id
      )}</td><td>${t[l.kind]}</td><td class="n">${escapeHtml(formatRate(l.rate_bp))}</td><td class="n">${m(l.gross)}</td><td class="n">${m(
        l.commission
      )}</td><td class="n">${m(l.net)}</td></tr>`
    )
    .join("")
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${t.title} ${escapeHtml(s.payout.reference)}</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#111}table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ccc;padding:.3rem .5rem;text-align:left}.n{text-align:right;font-variant-numeric:tabular-nums}tfoot td{font-weight:700}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}@media print{body{margin:0}}</style>
</head><body>
<h1>${t.title}</h1>
<dl>
<dt>${t.producer}</dt><dd>${escapeHtml(s.producer.legal_name)}</dd>
<dt>${t.reference}</dt><dd>${escapeHtml(s.payout.reference)}</dd>
<dt>${t.status}</dt><dd>${escapeHtml(s.payout.status)}${s.payout.paid_at ? ` — ${t.paid} ${d(s.payout.paid_at)}` : ""}${
    s.payout.bank_reference ? ` — ${t.bankRef} ${escapeHtml(s.payout.bank_reference)}` : ""
  }</dd>
<dt>${t.period}</dt><dd>${d(s.payout.period_end)}</dd>
<dt>${t.account}</dt><dd>${escapeHtml([s.payout.bank_name, s.payout.account_number, s.payout.account_name].filter(Boolean).join(" · "))}</dd>
</dl>
<table><thead><tr><th>${t.date}</th><th>${t.order}</th><th>${t.product}</th><th>${t.kind}</th><th class="n">${t.rate}</th><th class="n">${t.gross}</th><th class="n">${
    t.commission
  }</th><th class="n">${t.net}</th></tr></thead>
<tbody>${rows}</tbody>
<tfoot><tr><td colspan="5">${t.total}</td><td class="n">${m(s.payout.gross)}</td><td class="n">${m(s.payout.commission)}</td><td class="n">${m(s.payout.amount)}</td></tr></tfoot>
</table></body></html>`
}
