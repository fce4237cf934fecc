import { DigitalLink } from "digital-link.js"
import { describe, expect, it } from "vitest"
import { gs1CheckDigit, isValidGtin, isValidLotNumber, lotDigitalLink, parseLotDigitalLink, parseYymmdd, toGtin14, toYymmdd } from "./gs1"

const ORIGIN = "https://ocop-hue.example"

describe("GTIN", () => {
  it("accepts GTIN-8/12/13/14 with the right check digit and stores GTIN-14", () => {
    const body = "893456789012"
    const gtin13 = body + gs1CheckDigit(body)
    expect(gtin13).toBe("8934567890120")
    expect(isValidGtin(gtin13)).toBe(true)
    expect(toGtin14(gtin13)).toBe("08934567890120")
    expect(isValidGtin("08934567890120")).toBe(true)
    expect(isValidGtin("96385074")).toBe(true) // GTIN-8 from GS1's examples
  })

  it("refuses a wrong check digit, wrong lengths and non-digits", () => {
    expect(isValidGtin("8934567890121")).toBe(false)
    expect(isValidGtin("893456789012")).toBe(false) // 12 digits whose last is not its check digit
    expect(isValidGtin("89345678901200")).toBe(false)
    expect(isValidGtin("893456789012a")).toBe(false)
    expect(isValidGtin("")).toBe(false)
    expect(toGtin14("8934567890121")).toBeNull()
  })
})

describe("lot numbers and dates", () => {
  it("takes upper-case letters, digits and hyphens, 1–20 characters", () => {
    expect(isValidLotNumber("AL-2026-03")).toBe(true)
    expect(isValidLotNumber("a1")).toBe(false)
    expect(isValidLotNumber("-A")).toBe(false)
    expect(isValidLotNumber("A".repeat(21))).toBe(false)
    expect(isValidLotNumber("LÔ1")).toBe(false)
    expect(isValidLotNumber("A/B")).toBe(false)
  })

  it("writes YYMMDD in Vietnam's time zone and reads it back, day 00 being the month's last", () => {
    expect(toYymmdd("2027-03-30T20:00:00Z")).toBe("270331")
    expect(parseYymmdd("270331", new Date("2026-12-03"))).toBe("2027-03-31")
    expect(parseYymmdd("270200", new Date("2026-12-03"))).toBe("2027-02-28")
    expect(parseYymmdd("270230", new Date("2026-12-03"))).toBeNull()
    expect(parseYymmdd("271301", new Date("2026-12-03"))).toBeNull()
    expect(parseYymmdd("99x101")).toBeNull()
  })
})

describe("GS1 Digital Link", () => {
  it("builds /01/{gtin14}/10/{lot}?17={YYMMDD} on the shop's domain, valid for digital-link.js, and parses it back", () => {
    const uri = lotDigitalLink(ORIGIN, { gtin: "08934567890120", lot_number: "AL-2026-03", expiry_date: "2027-03-31T00:00:00+07:00" })
    expect(uri).toBe(`${ORIGIN}/01/08934567890120/10/AL-2026-03?17=270331`)
    expect(DigitalLink(uri).isValid()).toBe(true)
    expect(parseLotDigitalLink(uri, new Date("2026-12-03"))).toEqual({ gtin: "08934567890120", lot: "AL-2026-03", expiry: "2027-03-31" })
    expect(parseLotDigitalLink("/01/08934567890120")).toEqual({ gtin: "08934567890120", lot: null, expiry: null })
  })

  it("refuses what the shop never issues, without throwing", () => {
    for (const bad of [
      "/01/08934567890121/10/AL-1", // check digit
      "/01/0893456789012/10/AL-1", // 13 digits after 01 is not GTIN-14
      "/01/abc/10/AL-1",
      "/01/08934567890120/10/al-1", // lower case
      "/01/08934567890120/21/SERIAL", // serial numbers are not issued
      "/01/08934567890120/10/AL-1?17=271301", // month 13
      "/01/08934567890120/99/X",
      "/" + "a".repeat(2000),
      "/01/" + "0".repeat(2000),
      "",
      "not a uri",
    ]) {
      expect(parseLotDigitalLink(bad), bad.slice(0, 60)).toBeNull()
    }
  })
})
