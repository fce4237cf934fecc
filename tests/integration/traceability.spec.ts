/**
 * Provenance that is true today and batch traceability (issue 17), over HTTP against the real
 * backend, database and storefront: producers in current units, GTINs and lots in the portal
 * (validation, isolation, the freeze after a sale, corrections), and the GS1 Digital Link
 * resolver — which refuses malformed links with a 4xx, never a 500, and keeps resolving a lot
 * whose product lost its certificate, saying so.
 */
import { DEMO_PRODUCER_PASSWORD, listingBody, newProducer, producerApplication, registerProducerLogin } from "../support/producer"
import { http, login, store, STOREFRONT_URL } from "../support/api"
import { addItem, completeCart, createCart, prepareCheckout } from "../support/checkout"
import { gs1CheckDigit } from "@hue-ocop/backend/gs1"

const gtinFrom = (n: number) => {
  const body = `893999${String(n).padStart(6, "0")}`
  return body + gs1CheckDigit(body) // GTIN-13, test data
}
const uniqueGtin = () => gtinFrom(Math.floor(Math.random() * 999_999))
const wrongCheckDigit = (gtin: string) => gtin.slice(0, -1) + ((Number(gtin.at(-1)) + 1) % 10)
const today = () => new Date().toISOString().slice(0, 10)

async function listing(token: string) {
  const res = await http("POST", "/producers/me/products", { token, body: listingBody() })
  expect(res.status).toBe(201)
  return res.body.product as { id: string; variants: { id: string }[] }
}

describe("producer addresses in today's units (Resolution 1675/NQ-UBTVQH15)", () => {
  it("places a former commune in its current ward, keeps the former one, and refuses an unknown commune with unknown_admin_unit", async () => {
    const login1 = await registerProducerLogin()
    const placed = await http("POST", "/producers", { token: login1.token, body: producerApplication({ commune: "Phong Hiền", district: "Phong Điền" }) })
    expect(placed.status).toBe(201)
    expect(placed.body.producer).toMatchObject({ commune: "Phong Thái", former_commune: "Phong Hiền", district: "Phong Điền", province: "thành phố Huế" })

    const login2 = await registerProducerLogin()
    const unknown = await http("POST", "/producers", { token: login2.token, body: producerApplication({ commune: "Atlantis", district: "Phú Vang" }) })
    expect(unknown.status).toBe(400)
    expect(unknown.body.code).toBe("unknown_admin_unit")
    // Nothing was written: the same login can still apply with a real unit.
    const retry = await http("POST", "/producers", { token: login2.token, body: producerApplication({ commune: "Phú Hồ", district: undefined }) })
    expect(retry.status).toBe(201)
    expect(retry.body.producer).toMatchObject({ commune: "Phú Hồ", district: "Phú Vang" })
  })

  it("shows demo producers in current units, and names today's authority on decisions dated after 2025", async () => {
    const res = await store("GET", "/store/producers?limit=100")
    expect(res.status).toBe(200)
    const anLo = res.body.producers.find((p: any) => p.handle === "htx-an-lo")
    expect(anLo).toMatchObject({ commune: "Phong Thái", former_commune: "Phong Hiền", province: "thành phố Huế" })
    const cert = await store("GET", "/store/ocop/certificates/DEMO-TTH-2025-0001")
    expect(new Date(cert.body.certificate.decision_date) > new Date("2025-01-01")).toBe(true)
    expect(cert.body.certificate.issuing_authority).toBe("UBND thành phố Huế")
  })
})

describe("GTINs and lots in the producer portal", () => {
  it("validates GTINs and lots, records a lot with its Digital Link, and keeps producers apart (404)", async () => {
    const a = await newProducer()
    const b = await newProducer()
    const product = await listing(a.token)
    const [v1, v2] = product.variants
    const gtin = uniqueGtin()

    const bad = await http("POST", "/producers/me/trade-items", { token: a.token, body: { variant_id: v1.id, gtin: wrongCheckDigit(gtin) } })
    expect(bad.status).toBe(400)
    expect(bad.body.message).toMatch(/check digit/)
    const assigned = await http("POST", "/producers/me/trade-items", { token: a.token, body: { variant_id: v1.id, gtin } })
    expect(assigned.status).toBe(201)
    expect(assigned.body.trade_item.gtin).toBe(gtin.padStart(14, "0"))
    // Another producer can neither take that variant's GTIN slot nor see it.
    expect((await http("POST", "/producers/me/trade-items", { token: b.token, body: { variant_id: v1.id, gtin: uniqueGtin() } })).status).toBe(404)

    const noGtin = await http("POST", "/producers/me/lots", { token: a.token, body: { variant_id: v2.id, lot_number: "T-1", production_date: today(), quantity: 5 } })
    expect(noGtin.status).toBe(400)
    expect(noGtin.body.code).toBe("variant_without_gtin")
    for (const body of [
      { variant_id: v1.id, lot_number: "bad lot!", production_date: today(), quantity: 5 },
      { variant_id: v1.id, lot_number: "T-1", production_date: "2026-02-30", quantity: 5 },
      { variant_id: v1.id, lot_number: "T-1", production_date: today(), quantity: 0 },
      { variant_id: v1.id, lot_number: "T-1", production_date: today(), expiry_date: "2020-01-01", quantity: 5 },
      { variant_id: v1.id, lot_number: "T-1", production_date: "2999-01-01", quantity: 5 },
      { variant_id: v1.id, lot_number: "T-1", production_date: today(), quantity: 5, extra: true },
    ]) {
      const res = await http("POST", "/producers/me/lots", { token: a.token, body })
      expect(res.status, JSON.stringify(body)).toBe(400)
    }
    const lotNumber = `T-${Date.now().toString(36).toUpperCase()}`
    const recorded = await http("POST", "/producers/me/lots", {
      token: a.token,
      body: { variant_id: v1.id, lot_number: lotNumber.toLowerCase(), production_date: today(), expiry_date: "2027-12-31", quantity: 100, notes: "Mè từ xã Quảng Điền" },
    })
    expect(recorded.status).toBe(201)
    const lot = recorded.body.lot
    expect(lot.lot_number).toBe(lotNumber)
    expect(lot.digital_link).toMatch(new RegExp(`/01/${gtin.padStart(14, "0")}/10/${lotNumber}\\?17=271231$`))
    const dup = await http("POST", "/producers/me/lots", { token: a.token, body: { variant_id: v1.id, lot_number: lotNumber, production_date: today(), quantity: 1 } })
    expect(dup.status).toBe(409)

    // Isolation: B sees, edits, corrects, labels none of A's lots, nor records lots on A's variants.
    expect((await http("GET", `/producers/me/lots/${lot.id}`, { token: b.token })).status).toBe(404)
    expect((await http("POST", `/producers/me/lots/${lot.id}`, { token: b.token, body: { quantity: 1 } })).status).toBe(404)
    expect((await http("POST", `/producers/me/lots/${lot.id}/corrections`, { token: b.token, body: { quantity: 1, reason: "not mine" } })).status).toBe(404)
    expect((await http("GET", `/producers/me/lots/${lot.id}/label`, { token: b.token })).status).toBe(404)
    expect((await http("POST", "/producers/me/lots", { token: b.token, body: { variant_id: v1.id, lot_number: "B-1", production_date: today(), quantity: 1 } })).status).toBe(404)
    expect((await http("GET", "/producers/me/lots", { token: b.token })).body.lots.map((l: any) => l.id)).not.toContain(lot.id)

    // Before any sale the lot may be edited (logged); a correction supersedes it with a new entry.
    const edited = await http("POST", `/producers/me/lots/${lot.id}`, { token: a.token, body: { quantity: 120 } })
    expect(edited.status).toBe(200)
    const corrected = await http("POST", `/producers/me/lots/${lot.id}/corrections`, { token: a.token, body: { expiry_date: "2027-11-30", reason: "Wrong best-before on the first entry" } })
    expect(corrected.status).toBe(201)
    expect(corrected.body.lot).toMatchObject({ lot_number: lotNumber, corrects_lot_id: lot.id, status: "live" })
    const old = await http("GET", `/producers/me/lots/${lot.id}`, { token: a.token })
    expect(old.body.lot.status).toBe("superseded")
    expect(old.body.lot.events.map((e: any) => e.action)).toEqual(["recorded", "edited", "superseded"])
    expect((await http("POST", `/producers/me/lots/${lot.id}`, { token: a.token, body: { quantity: 1 } })).body.code).toBe("lot_locked")

    // The label sheet: an SVG download with the Digital Link in it.
    const label = await fetch(`${process.env.OCOP_BACKEND_URL ?? "http://localhost:9000"}/producers/me/lots/${corrected.body.lot.id}/label`, {
      headers: { authorization: `Bearer ${a.token}` },
    })
    expect(label.status).toBe(200)
    expect(label.headers.get("content-type")).toMatch(/image\/svg\+xml/)
    expect(label.headers.get("content-disposition")).toMatch(/attachment/)
    const svg = await label.text()
    expect(svg).toContain(corrected.body.lot.digital_link.replace(/&/g, "&amp;"))
    expect(svg).toContain(`(10) ${lotNumber}`)
  })

  it("freezes a lot once a unit of its variant has been ordered: editing is lot_locked, a correction is a new entry", async () => {
    const token = await login("producer", "anlo@ocop-hue.vn", DEMO_PRODUCER_PASSWORD)
    const mine = await http("GET", "/producers/me/lots?limit=200", { token })
    const demo = mine.body.lots.find((l: any) => l.status === "live" && l.is_demo)
    expect(demo).toBeTruthy()
    // A lot recorded now, on the demo variant (which has a GTIN): earlier orders of that variant (other specs buy the
    // demo products) were placed before it was recorded, so it starts editable.
    const recorded = await http("POST", "/producers/me/lots", {
      token,
      body: { variant_id: demo.variant_id, lot_number: `F-${Date.now().toString(36).toUpperCase()}`, production_date: today(), quantity: 40, notes: "Lúa từ thôn An Lỗ" },
    })
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201)
    const rice = recorded.body.lot
    const before = await http("POST", `/producers/me/lots/${rice.id}`, { token, body: { notes: rice.notes } })
    expect(before.status).toBe(200)

    const { cart } = await createCart("vnd")
    expect((await addItem(cart.id, rice.variant_id, 1)).status).toBe(200)
    await prepareCheckout(cart.id, "pp_cod_cod")
    expect((await completeCart(cart.id)).body.type).toBe("order")

    const locked = await http("POST", `/producers/me/lots/${rice.id}`, { token, body: { quantity: 1 } })
    expect(locked.status).toBe(400)
    expect(locked.body.code).toBe("lot_locked")
    const unchanged = await http("GET", `/producers/me/lots/${rice.id}`, { token })
    expect(unchanged.body.lot.quantity).toBe(rice.quantity)
    const correction = await http("POST", `/producers/me/lots/${rice.id}/corrections`, { token, body: { notes: "Lúa từ thôn An Lỗ (corrected)", reason: "Raw-material origin made precise" } })
    expect(correction.status).toBe(201)
  })
})

describe("the GS1 Digital Link resolver", () => {
  async function demoLot(certificate: string) {
    const res = await store("GET", `/store/ocop/certificates/${certificate}/lots`)
    expect(res.status).toBe(200)
    expect(res.body.lots.length).toBeGreaterThan(0)
    return res.body.lots[0]
  }

  it("resolves every field a consumer should see, with the certificate on the production date and today", async () => {
    const lot = await demoLot("DEMO-TTH-2025-0002")
    const res = await store("GET", `/store/ocop/trace/${lot.gtin}/lots/${lot.lot_number}`)
    expect(res.status).toBe(200)
    const l = res.body.lot
    expect(l.product.title).toBeTruthy()
    expect(l.product.thumbnail).toBeTruthy()
    expect(l.made_by.legal_name).toBeTruthy()
    expect(l.made_by.current_address).toMatch(/thành phố Huế$/)
    expect(l.production_date).toBeTruthy()
    expect(l.lot_number).toBe(lot.lot_number)
    expect(l.certification_on_production_date.certificate_number).toBe("DEMO-TTH-2025-0002")
    expect(l.certification_today).toMatchObject({ certificate_number: "DEMO-TTH-2025-0002", status: "active", in_force: true })
    expect(l.is_demo).toBe(true)
    // The GTIN alone leads to the product.
    const item = await store("GET", `/store/ocop/trace/${lot.gtin}`)
    expect(item.status).toBe(200)
    expect(item.body.trade_item.product.handle).toBe("nuoc-mam-lu-phu-thuan")
  })

  it("keeps resolving a lot whose product's certificate was revoked, and says so", async () => {
    const lot = await demoLot("DEMO-TTH-2025-0009")
    const res = await store("GET", `/store/ocop/trace/${lot.gtin}/lots/${lot.lot_number}`)
    expect(res.status).toBe(200)
    expect(res.body.lot.product.on_sale).toBe(false)
    expect(res.body.lot.product.handle).toBeNull()
    expect(res.body.lot.certification_today).toMatchObject({ status: "revoked", in_force: false })
    const page = await fetch(`${STOREFRONT_URL}/vi/01/${lot.gtin}/10/${lot.lot_number}`)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('data-testid="trace-not-in-force"')
    expect(html).toContain("thu hồi")
  })

  it("answers malformed and unknown links with a 4xx, never a 5xx", async () => {
    const lot = await demoLot("DEMO-TTH-2025-0001")
    const cases: [string, number, string?][] = [
      [`/store/ocop/trace/${wrongCheckDigit(lot.gtin)}/lots/${lot.lot_number}`, 400, "invalid_digital_link"],
      [`/store/ocop/trace/${lot.gtin.slice(1)}/lots/${lot.lot_number}`, 400, "invalid_digital_link"],
      [`/store/ocop/trace/${lot.gtin}/lots/bad%20lot`, 400, "invalid_digital_link"],
      [`/store/ocop/trace/${lot.gtin}/lots/${lot.lot_number}?17=271399`, 400, "invalid_digital_link"],
      [`/store/ocop/trace/${lot.gtin}/lots/${lot.lot_number}?99=1`, 400, "invalid_digital_link"],
      [`/store/ocop/trace/${lot.gtin}/lots/NO-SUCH-LOT`, 404],
      [`/store/ocop/trace/${gtinFrom(424242).padStart(14, "0")}`, 404],
      [`/store/ocop/trace/${lot.gtin}/lots/${"A".repeat(2000)}`, 400],
    ]
    for (const [path, status, code] of cases) {
      const res = await store("GET", path)
      expect(res.status, path.slice(0, 120)).toBe(status)
      if (code) expect(res.body.code, path.slice(0, 120)).toBe(code)
    }
    for (const path of [
      `/01/${wrongCheckDigit(lot.gtin)}/10/${lot.lot_number}`,
      `/01/${lot.gtin}/10/NO-SUCH-LOT`,
      `/01/abc/10/x`,
      `/01/${lot.gtin}/10/${lot.lot_number}?17=991399`,
      `/01/${"9".repeat(2000)}`,
      `/vi/01/${lot.gtin}/10/${"B".repeat(2000)}`,
    ]) {
      const res = await fetch(`${STOREFRONT_URL}${path}`)
      expect(res.status, path.slice(0, 120)).toBeGreaterThanOrEqual(400)
      expect(res.status, path.slice(0, 120)).toBeLessThan(500)
    }
  })
})
