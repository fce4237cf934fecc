/**
 * Marketplace money (issue 18), over real HTTP against the real server:
 *  1. bad input is a 4xx with a code and writes nothing (rates outside 0–100 %, overlapping
 *     validity, an unknown bank BIN or account number, a payout to an unverified account);
 *  2. a real two-producer checkout books the ledger only when the money is in (bank transfer
 *     when captured, COD when the cash is collected), with each producer's frozen rate, and a
 *     partial refund appends reversals — Σ net + Σ commission = captured − refunded, to the đồng;
 *  3. a bank account change resets its verification and is logged;
 *  4. two payout runs at once create one payout per producer, each entry paid once; the VND
 *     payout carries a VietQR to the verified account; paid, failed and reopened;
 *  5. a producer sees only its own payouts and statements (another's is a 404).
 */
import { decodeVietQrPayload } from "../../backend/src/modules/payment-bank-transfer/vietqr"
import { admin, http, store } from "../support/api"
import { addItem, completeCart, createCart, prepareCheckout } from "../support/checkout"
import { listingBody, newProducer, producerCertificationBody } from "../support/producer"
import { until } from "../support/wait"

const COD = "pp_cod_cod"
const BANK = "pp_bank-transfer_bank-transfer"

type Seller = Awaited<ReturnType<typeof newProducer>> & { variantId: string }

const as = (token: string) => ({
  get: (path: string) => http("GET", path, { token }),
  post: (path: string, body: unknown = {}) => http("POST", path, { token, body }),
})

async function sellerWithListing(): Promise<Seller> {
  const p = await newProducer()
  const created = await as(p.token).post("/producers/me/products", listingBody())
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  const productId = created.body.product.id
  const cert = await as(p.token).post(`/producers/me/products/${productId}/certification`, producerCertificationBody())
  expect(cert.status, JSON.stringify(cert.body)).toBe(201)
  expect((await admin("POST", `/admin/ocop/certifications/${cert.body.certification.id}/approve`, {})).status).toBe(200)
  // A submission sends the listing to review; the office publishes it once the certificate is in force.
  expect((await admin("POST", `/admin/products/${productId}`, { status: "published" })).status).toBe(200)
  await until(async () => (await store("GET", `/store/products/${productId}`)).status === 200, { what: "the listing in the store" })
  return { ...p, variantId: created.body.product.variants[0].id }
}

async function ledgerOf(orderId: string) {
  const res = await admin("GET", `/admin/marketplace/ledger?order_id=${orderId}&limit=200`)
  expect(res.status).toBe(200)
  return res.body.entries as any[]
}

async function paymentOf(orderId: string) {
  const res = await admin("GET", `/admin/orders/${orderId}?fields=id,total,*payment_collections.payments`)
  expect(res.status).toBe(200)
  return { id: res.body.order.payment_collections[0].payments[0].id as string, orderTotal: Number(res.body.order.total) }
}

const sum = (xs: any[], k: string) => xs.reduce((a, x) => a + x[k], 0)

let a: Seller
let b: Seller
const RATE_A = 1250 // 12.5 %
const RATE_B = 800 // 8 %

beforeAll(async () => {
  ;[a, b] = [await sellerWithListing(), await sellerWithListing()]
  const since = new Date(Date.now() - 86_400_000).toISOString()
  for (const [seller, rate] of [[a, RATE_A], [b, RATE_B]] as const) {
    const rule = await admin("POST", "/admin/marketplace/commission-rules", { scope: "producer", producer_id: seller.producer.id, rate_bp: rate, valid_from: since })
    expect(rule.status, JSON.stringify(rule.body)).toBe(201)
  }
})

describe("1. bad input: a clear 4xx with a code, nothing written", () => {
  it("refuses negative and >100 % rates and a rule whose validity overlaps another of the same scope", async () => {
    const count = async () => (await admin("GET", `/admin/marketplace/commission-rules?producer_id=${a.producer.id}`)).body.count
    const before = await count()
    for (const rate_bp of [-1, 10_001, 12.5]) {
      const res = await admin("POST", "/admin/marketplace/commission-rules", { scope: "producer", producer_id: a.producer.id, rate_bp, valid_from: "2030-01-01" })
      expect([res.status, res.body.type], JSON.stringify(res.body)).toEqual([400, "invalid_data"])
      expect(res.body.message).toMatch(/rate_bp/)
    }
    const overlap = await admin("POST", "/admin/marketplace/commission-rules", { scope: "producer", producer_id: a.producer.id, rate_bp: 500, valid_from: "2030-01-01" })
    expect([overlap.status, overlap.body.code], JSON.stringify(overlap.body)).toEqual([400, "commission_rule_overlap"])
    const noGroup = await admin("POST", "/admin/marketplace/commission-rules", { scope: "group", rate_bp: 500, valid_from: "2030-01-01" })
    expect([noGroup.status, noGroup.body.type]).toEqual([400, "invalid_data"])
    expect(await count()).toBe(before)
  })

  it("refuses a bank account with a BIN outside the NAPAS list or an account number VietQR cannot carry", async () => {
    const bad = await as(b.token).post("/producers/me/bank-account", { bank_bin: "123456", account_number: "0011000000001", account_name: "HTX THU" })
    expect([bad.status, bad.body.code], JSON.stringify(bad.body)).toEqual([400, "unknown_bank_bin"])
    const badNumber = await as(b.token).post("/producers/me/bank-account", { bank_bin: "970436", account_number: "0011 0000-01", account_name: "HTX THU" })
    expect([badNumber.status, badNumber.body.code]).toEqual([400, "invalid_account_number"])
    expect((await as(b.token).get("/producers/me/bank-account")).body.bank_account).toBeNull()
  })

  it("refuses a payout run for a producer whose account is not verified, creating no payout", async () => {
    const res = await admin("POST", "/admin/marketplace/payout-runs", { producer_ids: [b.producer.id], holding_days: 0 })
    expect([res.status, res.body.code], JSON.stringify(res.body)).toEqual([400, "bank_account_not_verified"])
    expect((await admin("GET", `/admin/marketplace/payouts?producer_id=${b.producer.id}`)).body.count).toBe(0)
  })
})

let bankOrder: { id: string; display_id: number }

describe("2. the ledger after real checkouts", () => {
  it("books a two-producer bank-transfer order when the transfer is captured, each line at its producer's frozen rate", async () => {
    const { cart } = await createCart("vnd")
    expect((await addItem(cart.id, a.variantId, 2)).status).toBe(200)
    expect((await addItem(cart.id, b.variantId, 1)).status).toBe(200)
    await prepareCheckout(cart.id, BANK)
    const done = await completeCart(cart.id)
    expect(done.body.type, JSON.stringify(done.body)).toBe("order")
    bankOrder = done.body.order

    // Placed but not paid: nothing earned yet.
    const { id: paymentId, orderTotal } = await paymentOf(bankOrder.id)
    expect(await ledgerOf(bankOrder.id)).toEqual([])

    // A later rule change must not re-price this order.
    const rules = await admin("GET", `/admin/marketplace/commission-rules?producer_id=${a.producer.id}`)
    const ruleA = rules.body.commission_rules.find((r: any) => r.valid_until === null)
    expect((await admin("POST", `/admin/marketplace/commission-rules/${ruleA.id}/end`, { valid_until: new Date().toISOString() })).status).toBe(200)
    expect((await admin("POST", "/admin/marketplace/commission-rules", { scope: "producer", producer_id: a.producer.id, rate_bp: 3000, valid_from: new Date().toISOString() })).status).toBe(201)

    expect((await admin("POST", `/admin/payments/${paymentId}/capture`, {})).status).toBe(200)
    const entries = await until(async () => {
      const e = await ledgerOf(bankOrder.id)
      return e.length === 2 && e
    }, { what: "the capture's ledger entries" })
    expect(sum(entries, "gross")).toBe(orderTotal)
    expect(sum(entries, "net") + sum(entries, "commission")).toBe(orderTotal)
    const ofA = entries.find((e) => e.producer_id === a.producer.id)
    const ofB = entries.find((e) => e.producer_id === b.producer.id)
    expect([ofA.rate_bp, ofB.rate_bp]).toEqual([RATE_A, RATE_B])
    for (const e of entries) {
      expect(e).toMatchObject({ kind: "earning", source_type: "capture", currency_code: "vnd", payment_method: "bank_transfer" })
      expect(Number.isInteger(e.gross) && Number.isInteger(e.commission)).toBe(true)
      expect(e.commission).toBe(Math.round(((e.gross - e.shipping) * e.rate_bp) / 10_000))
    }

    // Producer A ships its part now that the transfer is in (B does not ship).
    const shipped = await as(a.token).post(`/producers/me/orders/${bankOrder.display_id}/ship`, { carrier: "VNPost", tracking_number: "VNPOST-A-1" })
    expect(shipped.status, JSON.stringify(shipped.body)).toBe(200)
  })

  it("appends reversing entries for a partial refund: Σ net + Σ commission = captured − refunded, exactly", async () => {
    const { id: paymentId, orderTotal } = await paymentOf(bankOrder.id)
    const refund = 33_333
    const res = await admin("POST", `/admin/payments/${paymentId}/refund`, { amount: refund })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const entries = await until(async () => {
      const e = await ledgerOf(bankOrder.id)
      return e.length === 4 && e
    }, { what: "the refund's reversals" })
    const reversals = entries.filter((e) => e.kind === "reversal")
    expect(reversals).toHaveLength(2)
    expect(sum(reversals, "gross")).toBe(-refund)
    expect(sum(entries, "net") + sum(entries, "commission")).toBe(orderTotal - refund)
  })

  it("books a COD order only when the cash is collected", async () => {
    const { cart } = await createCart("vnd")
    expect((await addItem(cart.id, a.variantId, 1)).status).toBe(200)
    await prepareCheckout(cart.id, COD)
    const done = await completeCart(cart.id)
    expect(done.body.type).toBe("order")
    const order = done.body.order
    const { id: paymentId, orderTotal } = await paymentOf(order.id)
    // Shipped on credit (COD ships before it is paid) — still nothing earned.
    expect((await as(a.token).post(`/producers/me/orders/${order.display_id}/ship`, { tracking_number: "VNPOST-COD-1" })).status).toBe(200)
    expect(await ledgerOf(order.id)).toEqual([])
    expect((await admin("POST", `/admin/payments/${paymentId}/capture`, {})).status).toBe(200)
    const entries = await until(async () => {
      const e = await ledgerOf(order.id)
      return e.length === 1 && e
    }, { what: "the COD collection's ledger entry" })
    expect(entries[0]).toMatchObject({ producer_id: a.producer.id, payment_method: "cod", gross: orderTotal })
    // The rule in force when this order was placed is the new 30 %.
    expect(entries[0].rate_bp).toBe(3000)
  })
})

describe("3. bank accounts", () => {
  it("a change resets verification and is logged; the office verifies the number it checked", async () => {
    const set = await as(a.token).post("/producers/me/bank-account", { bank_bin: "970436", account_number: "0011000000001", account_name: "HTX Thử A" })
    expect(set.status, JSON.stringify(set.body)).toBe(200)
    expect(set.body.bank_account).toMatchObject({ status: "unverified", bank_name: "Vietcombank" })
    const stale = await admin("POST", `/admin/marketplace/producers/${a.producer.id}/bank-account/verify`, { account_number: "999" })
    expect([stale.status, stale.body.code]).toEqual([400, "bank_account_changed"])
    const ok = await admin("POST", `/admin/marketplace/producers/${a.producer.id}/bank-account/verify`, { account_number: "0011000000001" })
    expect([ok.status, ok.body.bank_account.status]).toEqual([200, "verified"])

    const changed = await as(a.token).post("/producers/me/bank-account", { bank_bin: "970415", account_number: "1020304050", account_name: "HTX Thử A" })
    expect(changed.body.bank_account.status).toBe("unverified")
    const log = await admin("GET", `/admin/marketplace/producers/${a.producer.id}/bank-account`)
    expect(log.body.history.map((h: any) => h.action)).toEqual(["changed", "verified", "created"])
    expect((await admin("POST", `/admin/marketplace/producers/${a.producer.id}/bank-account/verify`, { account_number: "1020304050" })).status).toBe(200)
  })
})

describe("4. payout runs", () => {
  it("two runs at once create one payout per producer; each entry is paid once; VietQR to the verified account", async () => {
    // Producer A shipped its part of the two-producer order; B did not (and has no verified account).
    const body = { holding_days: 0, cutoff: new Date(Date.now() + 60_000).toISOString() }
    const [r1, r2] = await Promise.all([admin("POST", "/admin/marketplace/payout-runs", body), admin("POST", "/admin/marketplace/payout-runs", body)])
    expect([r1.status, r2.status], JSON.stringify([r1.body, r2.body])).toEqual([201, 201])
    const created = [...r1.body.payouts, ...r2.body.payouts].filter((p: any) => p.producer_id === a.producer.id)
    expect(created).toHaveLength(1)
    const list = await admin("GET", `/admin/marketplace/payouts?producer_id=${a.producer.id}`)
    expect(list.body.count).toBe(1)
    const payout = list.body.payouts[0]

    // A's entries (two earnings, one reversal of the two-producer order; the COD earning) — each once.
    const ledgerA = (await admin("GET", `/admin/marketplace/ledger?producer_id=${a.producer.id}&limit=200`)).body.entries
    expect(payout.entry_count).toBe(ledgerA.length)
    expect(payout.amount).toBe(sum(ledgerA, "net"))
    const statement = (await admin("GET", `/admin/marketplace/payouts/${payout.id}/statement`)).body.statement
    expect(new Set(statement.lines.map((l: any) => l.line_item_id + l.kind + l.occurred_at)).size).toBe(statement.lines.length)

    const qr = decodeVietQrPayload(payout.vietqr_payload)
    expect(qr).toMatchObject({ bankBin: "970415", accountNumber: "1020304050", amount: payout.amount, currency: "704", crcValid: true })
    expect(qr.reference?.replace(/\s/g, "")).toBe(payout.reference.replace(/\s/g, ""))

    // A third run finds nothing new for A.
    const again = await admin("POST", "/admin/marketplace/payout-runs", body)
    expect(again.body.payouts.filter((p: any) => p.producer_id === a.producer.id)).toEqual([])
    expect(again.body.skipped_producer_ids).not.toContain(a.producer.id)
  })

  it("marks a payout paid with the bank reference, refuses paying twice, reopens a returned transfer", async () => {
    const payout = (await admin("GET", `/admin/marketplace/payouts?producer_id=${a.producer.id}`)).body.payouts[0]
    const paid = await admin("POST", `/admin/marketplace/payouts/${payout.id}/mark-paid`, { bank_reference: "FT26337123456" })
    expect([paid.status, paid.body.payout.status, paid.body.payout.bank_reference]).toEqual([200, "paid", "FT26337123456"])
    const twice = await admin("POST", `/admin/marketplace/payouts/${payout.id}/mark-paid`, { bank_reference: "FT-AGAIN" })
    expect([twice.status, twice.body.code]).toEqual([400, "payout_not_pending"])
    const notFailed = await admin("POST", `/admin/marketplace/payouts/${payout.id}/reopen`, {})
    expect([notFailed.status, notFailed.body.code]).toEqual([400, "payout_not_failed"])
    const failed = await admin("POST", `/admin/marketplace/payouts/${payout.id}/mark-failed`, { reason: "Returned by the bank: account closed" })
    expect(failed.body.payout.status).toBe("failed")
    const reopened = await admin("POST", `/admin/marketplace/payouts/${payout.id}/reopen`, {})
    expect([reopened.status, reopened.body.payout.status, reopened.body.payout.bank_reference]).toEqual([200, "pending", null])
    const history = (await admin("GET", `/admin/marketplace/payouts/${payout.id}`)).body.history.map((h: any) => h.action)
    expect(history).toEqual(["reopen", "mark_failed", "mark_paid", "created"])
  })
})

describe("5. isolation: a producer sees only its own money", () => {
  it("another producer's payout and statement are a 404; its own statement downloads as CSV and a printable page", async () => {
    const payout = (await admin("GET", `/admin/marketplace/payouts?producer_id=${a.producer.id}`)).body.payouts[0]
    for (const path of [`/producers/me/payouts/${payout.id}`, `/producers/me/payouts/${payout.id}/statement`, `/producers/me/payouts/${payout.id}/statement?format=csv`]) {
      const res = await as(b.token).get(path)
      expect([res.status, res.body?.type], path).toEqual([404, "not_found"])
    }
    expect((await as(b.token).get("/producers/me/payouts")).body.payouts).toEqual([])
    const earningsB = (await as(b.token).get("/producers/me/earnings")).body
    const ledgerB = (await admin("GET", `/admin/marketplace/ledger?producer_id=${b.producer.id}&limit=200`)).body.entries
    expect(sum(earningsB.months, "net")).toBe(sum(ledgerB, "net"))
    expect(earningsB.next_payout).toBeNull()

    const csv = await as(a.token).get(`/producers/me/payouts/${payout.id}/statement?format=csv`)
    expect(csv.status).toBe(200)
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/)
    expect(String(csv.body)).toContain(payout.reference)
    expect(String(csv.body).trim().split("\r\n")).toHaveLength(payout.entry_count + 2)
    const page = await http("GET", `/producers/me/payouts/${payout.id}/statement?format=html`, { token: a.token, headers: { "accept-language": "vi" } })
    expect(page.headers.get("content-type")).toMatch(/text\/html/)
    expect(String(page.body)).toContain("Bảng kê thanh toán")
    expect(String(page.body)).toMatch(/\d{1,3}(\.\d{3})*\s₫/)
    const earningsA = (await as(a.token).get("/producers/me/earnings")).body
    expect(earningsA.next_payout?.id).toBe(payout.id)
    // Shoppers and anonymous callers never reach the portal's money.
    expect((await store("GET", "/producers/me/earnings")).status).toBe(401)
  })

  it("the portal's Earnings page downloads a statement through the storefront, with the producer's own session only", async () => {
    const payout = (await admin("GET", `/admin/marketplace/payouts?producer_id=${a.producer.id}`)).body.payouts[0]
    const storefront = (process.env.OCOP_STOREFRONT_URL ?? "http://localhost:8000").replace(/\/$/, "")
    const download = (path: string, token?: string) =>
      fetch(`${storefront}${path}`, { headers: token ? { cookie: `ocop_producer_token=${token}` } : {}, redirect: "manual" })
    const csvPath = `/vi/producer/payouts/${payout.id}/statement?format=csv`

    const csv = await download(csvPath, a.token)
    expect(csv.status).toBe(200)
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/)
    expect(csv.headers.get("cache-control")).toContain("no-store")
    expect(await csv.text()).toContain(payout.reference)
    const page = await download(`/vi/producer/payouts/${payout.id}/statement?format=html`, a.token)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain("Bảng kê thanh toán")

    // Another producer's session: the backend's 404; no session: 401; a malformed id or format: 400.
    expect((await download(csvPath, b.token)).status).toBe(404)
    expect((await download(csvPath)).status).toBe(401)
    expect((await download(`/vi/producer/payouts/${payout.id}/statement?format=pdf`, a.token)).status).toBe(400)
    expect((await download(`/vi/producer/payouts/bad%20id%3B/statement?format=csv`, a.token)).status).toBe(400)
  })
})
