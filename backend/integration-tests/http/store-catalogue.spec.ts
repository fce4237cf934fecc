/**
 * Foundation: the seeded store over real HTTP against the real server and database.
 */
import { catalogue, sellableProducts, unsellableProducts } from "../../../tests/support/catalogue"
import { admin, http, store } from "../../../tests/support/api"

const OCOP_FIELDS = "*variants.calculated_price,*producer,*certifications"

async function regions() {
  const res = await store("GET", "/store/regions")
  expect(res.status).toBe(200)
  const vn = res.body.regions.find((r: any) => r.currency_code === "vnd")
  const intl = res.body.regions.find((r: any) => r.currency_code === "usd")
  return { vn, intl }
}

async function listAll(regionId: string, extra = "") {
  const res = await store("GET", `/store/products?limit=200&region_id=${regionId}&fields=${OCOP_FIELDS}${extra}`)
  expect(res.status).toBe(200)
  return res.body.products as any[]
}

describe("foundation: the seeded store", () => {
  it("reports health", async () => {
    const res = await http("GET", "/health")
    expect(res.status).toBe(200)
  })

  it("has a Vietnam (VND) and an International (USD) region", async () => {
    const { vn, intl } = await regions()
    expect(vn.countries.map((c: any) => c.iso_2)).toContain("vn")
    expect(intl.countries.map((c: any) => c.iso_2)).toEqual(expect.arrayContaining(["us", "gb", "jp"]))
  })

  it("lists exactly the sellable products, with VND prices that have no minor unit", async () => {
    const { vn } = await regions()
    const products = await listAll(vn.id)
    const expected = sellableProducts()
    // Other suites add products of their own; judge the seeded catalogue only.
    const seeded = new Set(catalogue.products.map((p) => p.handle))
    const listedSeeded = products.map((p) => p.handle).filter((h) => seeded.has(h))
    expect(listedSeeded.sort()).toEqual(expected.map((p) => p.handle).sort())
    for (const p of expected) {
      const listed = products.find((x) => x.handle === p.handle)
      for (const v of p.variants) {
        const variant = listed.variants.find((x: any) => x.sku === v.sku)
        expect(variant.calculated_price.currency_code).toBe("vnd")
        expect(variant.calculated_price.calculated_amount).toBe(v.prices.vnd)
        expect(Number.isInteger(variant.calculated_price.calculated_amount)).toBe(true)
      }
    }
  })

  it("prices the same products in USD for the International region", async () => {
    const { intl } = await regions()
    const products = await listAll(intl.id)
    for (const p of sellableProducts()) {
      const listed = products.find((x) => x.handle === p.handle)
      for (const v of p.variants) {
        const variant = listed.variants.find((x: any) => x.sku === v.sku)
        expect(variant.calculated_price.currency_code).toBe("usd")
        expect(variant.calculated_price.calculated_amount).toBeCloseTo(v.prices.usd, 2)
      }
    }
  })

  it("returns producer, origin and certification with each product", async () => {
    const { vn } = await regions()
    const products = await listAll(vn.id)
    const meXung = products.find((p) => p.handle === "me-xung-thien-huong")
    expect(meXung).toBeTruthy()
    expect(meXung.producer.district).toBeTruthy()
    expect(meXung.producer.commune).toBeTruthy()
    const active = meXung.certifications.find((c: any) => c.status === "active")
    expect(active.stars).toBeGreaterThanOrEqual(3)
    expect(active.certificate_number).toMatch(/^DEMO-/)
  })

  it("never shows the 2★, expired, revoked or suspended-producer products", async () => {
    const hidden = unsellableProducts()
    const reasons = new Set(hidden.map((p) => (p.certification.stars < 3 ? "2star" : p.certification.status)))
    expect(reasons).toEqual(expect.objectContaining({}))
    expect(hidden.some((p) => p.certification.stars < 3)).toBe(true)
    expect(hidden.some((p) => p.certification.decided_months_ago >= 36)).toBe(true)

    const { vn } = await regions()
    const listed = new Set((await listAll(vn.id)).map((p) => p.handle))
    const { body } = await admin("GET", `/admin/products?limit=200&fields=id,handle,status`)
    for (const p of hidden) {
      expect(listed.has(p.handle)).toBe(false)
      const byHandle = await store("GET", `/store/products?handle=${p.handle}`)
      expect(byHandle.status).toBe(200)
      expect(byHandle.body.products).toHaveLength(0)
      const id = body.products.find((x: any) => x.handle === p.handle).id
      const byId = await store("GET", `/store/products/${id}`)
      expect(byId.status).toBe(404)
    }
  })

  it("keeps URL handles free of accents", () => {
    for (const p of catalogue.products) expect(p.handle).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  })
})
