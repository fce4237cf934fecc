import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Cash } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Input, Table, Text, toast } from "@medusajs/ui"
import { useEffect, useMemo, useState } from "react"
import { formatMoney } from "../../../contract/display"
import { formatRate, fromMinor } from "../../../modules/marketplace-finance/money"
import { useOcopAction, useOcopList } from "../../lib/queries"
import { OCOP_GROUPS, errorMessage, formatDate } from "../../lib/sdk"

type Rule = { id: string; scope: "default" | "group" | "producer"; group_code: string | null; producer_id: string | null; rate_bp: number; valid_from: string; valid_until: string | null; note: string | null }
type Payout = {
  id: string
  producer_id: string
  currency_code: string
  amount: number
  commission: number
  entry_count: number
  status: "pending" | "paid" | "failed"
  reference: string
  bank_name: string | null
  account_number: string | null
  account_name: string | null
  vietqr_payload: string | null
  bank_reference: string | null
  failure_reason: string | null
  created_at: string
}
type Row = { producer_id: string; producer_name: string; month: string; currency_code: string; gross: number; commission: number; net: number; due: number; paid: number }
type Account = { producer_id: string; producer_name: string; bank_name: string | null; bank_bin: string; account_number: string; account_name: string; status: string; updated_at: string }

/** Amounts arrive in minor units (whole đồng, cents). */
const money = (minor: number, currency: string) => formatMoney(fromMinor(minor, currency), currency, "vi")

/** Bars per month (GMV, commission), one chart per currency: a trend is easier seen than read. */
function MonthChart({ rows, currency }: { rows: Row[]; currency: string }) {
  const months = [...new Set(rows.map((r) => r.month))].sort()
  const totals = months.map((m) => {
    const of = rows.filter((r) => r.month === m)
    return { month: m, gmv: of.reduce((a, r) => a + r.gross, 0), commission: of.reduce((a, r) => a + r.commission, 0) }
  })
  const max = Math.max(1, ...totals.map((t) => t.gmv))
  const w = 48
  return (
    <svg role="img" aria-label={`GMV and commission per month (${currency.toUpperCase()})`} width={Math.max(240, months.length * w + 20)} height={180}>
      {totals.map((t, i) => {
        const h = (t.gmv / max) * 130
        const hc = (t.commission / max) * 130
        return (
          <g key={t.month} transform={`translate(${10 + i * w},0)`}>
            <title>{`${t.month}: GMV ${money(t.gmv, currency)}, commission ${money(t.commission, currency)}`}</title>
            <rect x={4} y={150 - h} width={18} height={h} fill="#2563eb" />
            <rect x={24} y={150 - hc} width={18} height={hc} fill="#f59e0b" />
            <text x={w / 2 - 2} y={168} fontSize={10} textAnchor="middle">{t.month.slice(2)}</text>
          </g>
        )
      })}
    </svg>
  )
}

const MarketplaceMoneyPage = () => {
  const rulesQuery = useOcopList<{ commission_rules: Rule[] }>("/admin/marketplace/commission-rules", { limit: 200 })
  const payoutsQuery = useOcopList<{ payouts: Payout[] }>("/admin/marketplace/payouts", { limit: 100 })
  const dashboardQuery = useOcopList<{ rows: Row[] }>("/admin/marketplace/dashboard", { months: 12 })
  const accountsQuery = useOcopList<{ bank_accounts: Account[] }>("/admin/marketplace/bank-accounts", { status: "unverified", limit: 100 })
  const failure = [rulesQuery, payoutsQuery, dashboardQuery, accountsQuery].find((q) => q.error)?.error
  useEffect(() => {
    if (failure) toast.error(errorMessage(failure))
  }, [failure])
  const rules = rulesQuery.data?.commission_rules ?? []
  const payouts = payoutsQuery.data?.payouts ?? []
  const rows = useMemo(() => dashboardQuery.data?.rows ?? [], [dashboardQuery.data])
  const accounts = accountsQuery.data?.bank_accounts ?? []
  const [form, setForm] = useState({ scope: "default", group_code: "", producer_id: "", rate_percent: "10", valid_from: new Date().toISOString().slice(0, 10), valid_until: "" })
  const [holdingDays, setHoldingDays] = useState("7")

  // Each action names its own outcome; the shared hook refreshes every OCOP/money query after it.
  const action = useOcopAction({ success: null })
  const post = async (path: string, body: Record<string, unknown>, done = "Saved") => {
    if ((await action.run(path, body)) !== null) toast.success(done)
  }

  const addRule = () =>
    post("/admin/marketplace/commission-rules", {
      scope: form.scope,
      ...(form.scope === "group" ? { group_code: form.group_code } : {}),
      ...(form.scope === "producer" ? { producer_id: form.producer_id.trim() } : {}),
      rate_bp: Math.round(Number(form.rate_percent.replace(",", ".")) * 100),
      valid_from: form.valid_from,
      ...(form.valid_until ? { valid_until: form.valid_until } : {}),
    })

  const currencies = useMemo(() => [...new Set(rows.map((r) => r.currency_code))], [rows])

  return (
    <div className="flex flex-col gap-y-4">
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading>Marketplace money — dashboard</Heading>
          <Text size="small" className="text-ui-fg-subtle">GMV = captured or collected less refunded. Blue: GMV, amber: commission.</Text>
        </div>
        <div className="flex flex-wrap gap-6 px-6 py-4">
          {currencies.map((c) => (
            <div key={c}>
              <Text size="small" weight="plus">{c.toUpperCase()}</Text>
              <MonthChart rows={rows.filter((r) => r.currency_code === c)} currency={c} />
            </div>
          ))}
          {!currencies.length && <Text size="small">No earnings yet.</Text>}
        </div>
        <div className="px-6 py-4">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Month</Table.HeaderCell>
                <Table.HeaderCell>Producer</Table.HeaderCell>
                <Table.HeaderCell className="text-right">GMV</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Commission</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Producer net</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Due</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Paid</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((r) => (
                <Table.Row key={`${r.producer_id}${r.month}${r.currency_code}`}>
                  <Table.Cell>{r.month}</Table.Cell>
                  <Table.Cell>{r.producer_name}</Table.Cell>
                  <Table.Cell className="text-right">{money(r.gross, r.currency_code)}</Table.Cell>
                  <Table.Cell className="text-right">{money(r.commission, r.currency_code)}</Table.Cell>
                  <Table.Cell className="text-right">{money(r.net, r.currency_code)}</Table.Cell>
                  <Table.Cell className="text-right">{money(r.due, r.currency_code)}</Table.Cell>
                  <Table.Cell className="text-right">{money(r.paid, r.currency_code)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      </Container>

      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h2">Commission rules</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            A producer's rule beats its OCOP group's, which beats the default. Rules of one scope may not overlap; end one before the next starts. The rate in force when an order is placed stays on that order.
          </Text>
        </div>
        <div className="flex flex-wrap items-end gap-2 px-6 py-4">
          <label className="flex flex-col text-xs">
            Scope
            <select className="rounded border px-2 py-1" value={form.scope} onChange={(e) => setForm({ ...form, scope: e.target.value })}>
              <option value="default">Default</option>
              <option value="group">OCOP group</option>
              <option value="producer">Producer</option>
            </select>
          </label>
          {form.scope === "group" && (
            <label className="flex flex-col text-xs">
              Group
              <select className="rounded border px-2 py-1" value={form.group_code} onChange={(e) => setForm({ ...form, group_code: e.target.value })}>
                <option value="">—</option>
                {OCOP_GROUPS.map((g) => (
                  <option key={g.code} value={g.code}>{g.label}</option>
                ))}
              </select>
            </label>
          )}
          {form.scope === "producer" && (
            <label className="flex flex-col text-xs">
              Producer id
              <Input size="small" value={form.producer_id} onChange={(e) => setForm({ ...form, producer_id: e.target.value })} />
            </label>
          )}
          <label className="flex flex-col text-xs">
            Rate %
            <Input size="small" inputMode="decimal" value={form.rate_percent} onChange={(e) => setForm({ ...form, rate_percent: e.target.value })} />
          </label>
          <label className="flex flex-col text-xs">
            Valid from
            <Input size="small" type="date" value={form.valid_from} onChange={(e) => setForm({ ...form, valid_from: e.target.value })} />
          </label>
          <label className="flex flex-col text-xs">
            Valid until (optional)
            <Input size="small" type="date" value={form.valid_until} onChange={(e) => setForm({ ...form, valid_until: e.target.value })} />
          </label>
          <Button size="small" onClick={addRule}>Add rule</Button>
        </div>
        <div className="px-6 py-4">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Scope</Table.HeaderCell>
                <Table.HeaderCell>Rate</Table.HeaderCell>
                <Table.HeaderCell>Valid</Table.HeaderCell>
                <Table.HeaderCell />
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rules.map((r) => (
                <Table.Row key={r.id}>
                  <Table.Cell>{r.scope === "default" ? "Default" : r.scope === "group" ? `Group ${r.group_code}` : `Producer ${r.producer_id}`}</Table.Cell>
                  <Table.Cell>{formatRate(r.rate_bp)}</Table.Cell>
                  <Table.Cell>{formatDate(r.valid_from)} – {r.valid_until ? formatDate(r.valid_until) : "…"}</Table.Cell>
                  <Table.Cell>
                    {!r.valid_until && (
                      <Button size="small" variant="secondary" onClick={() => post(`/admin/marketplace/commission-rules/${r.id}/end`, { valid_until: new Date().toISOString() }, "Rule ended")}>
                        End now
                      </Button>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      </Container>

      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h2">Bank accounts to verify</Heading>
          <Text size="small" className="text-ui-fg-subtle">Payouts go only to a verified account; any change by the producer needs a new check.</Text>
        </div>
        <div className="px-6 py-4">
          {accounts.length ? (
            <Table>
              <Table.Body>
                {accounts.map((a) => (
                  <Table.Row key={a.producer_id}>
                    <Table.Cell>{a.producer_name}</Table.Cell>
                    <Table.Cell>{a.bank_name ?? a.bank_bin}</Table.Cell>
                    <Table.Cell>{a.account_number}</Table.Cell>
                    <Table.Cell>{a.account_name}</Table.Cell>
                    <Table.Cell>
                      <Button size="small" onClick={() => post(`/admin/marketplace/producers/${a.producer_id}/bank-account/verify`, { account_number: a.account_number }, "Verified")}>
                        Verified with the bank
                      </Button>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          ) : (
            <Text size="small">Nothing to verify.</Text>
          )}
        </div>
      </Container>

      <Container className="divide-y p-0">
        <div className="flex items-end justify-between px-6 py-4">
          <div>
            <Heading level="h2">Payouts</Heading>
            <Text size="small" className="text-ui-fg-subtle">A run pays what is shipped and past the holding period, once per producer and currency.</Text>
          </div>
          <div className="flex items-end gap-2">
            <label className="flex flex-col text-xs">
              Holding days
              <Input size="small" inputMode="numeric" value={holdingDays} onChange={(e) => setHoldingDays(e.target.value)} />
            </label>
            <Button size="small" onClick={() => post("/admin/marketplace/payout-runs", { holding_days: Number(holdingDays) }, "Payout run done")}>Run payouts</Button>
          </div>
        </div>
        <div className="px-6 py-4">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Created</Table.HeaderCell>
                <Table.HeaderCell>Reference</Table.HeaderCell>
                <Table.HeaderCell>To</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Amount</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
                <Table.HeaderCell />
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {payouts.map((p) => (
                <Table.Row key={p.id}>
                  <Table.Cell>{formatDate(p.created_at)}</Table.Cell>
                  <Table.Cell>
                    <span title={p.vietqr_payload ?? ""}>{p.reference}</span>
                  </Table.Cell>
                  <Table.Cell>{[p.bank_name, p.account_number, p.account_name].filter(Boolean).join(" · ")}</Table.Cell>
                  <Table.Cell className="text-right">{money(p.amount, p.currency_code)}</Table.Cell>
                  <Table.Cell>
                    <Badge color={p.status === "paid" ? "green" : p.status === "failed" ? "red" : "orange"}>{p.status}</Badge>
                    {p.bank_reference ? ` ${p.bank_reference}` : ""}
                  </Table.Cell>
                  <Table.Cell className="flex gap-1">
                    <a className="text-ui-fg-interactive text-xs" href={`/admin/marketplace/payouts/${p.id}/statement?format=html`} target="_blank" rel="noreferrer">Statement</a>
                    <a className="text-ui-fg-interactive text-xs" href={`/admin/marketplace/payouts/${p.id}/statement?format=csv`}>CSV</a>
                    {p.vietqr_payload && p.status === "pending" && (
                      <Button size="small" variant="transparent" onClick={() => void navigator.clipboard.writeText(p.vietqr_payload!).then(() => toast.success("VietQR payload copied"))}>
                        Copy VietQR
                      </Button>
                    )}
                    {p.status === "pending" && (
                      <Button
                        size="small"
                        onClick={() => {
                          const ref = window.prompt("Bank transaction reference (mã giao dịch)")
                          if (ref) void post(`/admin/marketplace/payouts/${p.id}/mark-paid`, { bank_reference: ref }, "Marked paid")
                        }}
                      >
                        Mark paid
                      </Button>
                    )}
                    {p.status !== "failed" && (
                      <Button
                        size="small"
                        variant="danger"
                        onClick={() => {
                          const reason = window.prompt("Why did the transfer fail or come back?")
                          if (reason) void post(`/admin/marketplace/payouts/${p.id}/mark-failed`, { reason }, "Marked failed")
                        }}
                      >
                        Failed
                      </Button>
                    )}
                    {p.status === "failed" && (
                      <Button size="small" variant="secondary" onClick={() => post(`/admin/marketplace/payouts/${p.id}/reopen`, {}, "Reopened")}>
                        Reopen
                      </Button>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Marketplace money",
  icon: Cash,
})

export default MarketplaceMoneyPage
