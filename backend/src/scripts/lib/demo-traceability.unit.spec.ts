import { DigitalLink } from "digital-link.js"
import { describe, expect, it } from "vitest"
import { isValidGtin, lotDigitalLink, parseLotDigitalLink, toYymmdd } from "../../modules/traceability/gs1"
import { loadCatalogue } from "./catalogue"
import { demoGtin, demoLots } from "./demo-traceability"

const catalogue = loadCatalogue()
const now = new Date()

describe("the demo catalogue's GTINs and lots", () => {
  it("gives every demo variant a distinct, valid GTIN-14 with Vietnam's prefix 893", () => {
    const gtins = catalogue.products.flatMap((p, i) => p.variants.map((_, j) => demoGtin(i, j)))
    expect(new Set(gtins).size).toBe(gtins.length)
    for (const g of gtins) {
      expect(g).toMatch(/^0893\d{10}$/)
      expect(isValidGtin(g)).toBe(true)
    }
  })

  it("gives every demo product a lot whose Digital Link round-trips (create → parse)", () => {
    const lots = demoLots(catalogue, now)
    expect(new Set(lots.map((l) => l.handle))).toEqual(new Set(catalogue.products.map((p) => p.handle)))
    for (const lot of lots) {
      const uri = lotDigitalLink("https://ocop-hue.example", lot)
      expect(DigitalLink(uri).isValid(), uri).toBe(true)
      expect(parseLotDigitalLink(uri, now), uri).toEqual({
        gtin: lot.gtin,
        lot: lot.lot_number,
        expiry: lot.expiry_date ? new Date(lot.expiry_date).toLocaleDateString("sv-SE", { timeZone: "Asia/Ho_Chi_Minh" }) : null,
      })
      if (lot.expiry_date) expect(uri.endsWith(`?17=${toYymmdd(lot.expiry_date)}`)).toBe(true)
      expect(lot.production_date.getTime()).toBeLessThan(now.getTime())
    }
  })
})
