import { describe, expect, it } from "vitest"
import { countryName, defaultCountry, normaliseCountry, resolveRegion, shippingCountries, type RegionLike } from "./region"

const vn: RegionLike = { id: "reg_vn", name: "Việt Nam", currency_code: "vnd", countries: [{ iso_2: "vn" }] }
const intl: RegionLike = {
  id: "reg_intl",
  name: "International",
  currency_code: "usd",
  countries: ["us", "ca", "gb", "fr", "de", "jp"].map((iso_2) => ({ iso_2 })),
}

describe("resolveRegion", () => {
  it("maps a known country to its region", () => {
    expect(resolveRegion([vn, intl], "fr", "vi")).toEqual({ region: intl, country: "fr", fellBack: false })
    expect(resolveRegion([vn, intl], "VN", "en")).toEqual({ region: vn, country: "vn", fellBack: false })
  })

  it("uses the locale's default country when none is chosen (vn for vi, us for en)", () => {
    expect(resolveRegion([vn, intl], undefined, "vi")).toMatchObject({ region: vn, country: "vn", fellBack: false })
    expect(resolveRegion([vn, intl], null, "en")).toMatchObject({ region: intl, country: "us", fellBack: false })
  })

  it("falls back (never throws, never loops) for unknown or malformed codes", () => {
    expect(resolveRegion([vn, intl], "zz", "vi")).toMatchObject({ region: vn, country: "vn", fellBack: true })
    expect(resolveRegion([vn, intl], "br", "en")).toMatchObject({ region: intl, country: "us", fellBack: true })
    expect(resolveRegion([vn, intl], "<script>", "en")).toMatchObject({ region: intl, country: "us" })
    expect(resolveRegion([vn, intl], 42, "vi")).toMatchObject({ region: vn })
  })

  it("picks by currency, then the first region, when the default country is not sold to", () => {
    expect(resolveRegion([intl], "vn", "vi")).toMatchObject({ region: intl, country: "us", fellBack: true })
    const eu: RegionLike = { id: "reg_eu", name: "EU", currency_code: "eur", countries: [{ iso_2: "de" }] }
    expect(resolveRegion([eu, intl], undefined, "en")).toMatchObject({ region: intl, country: "us" })
    expect(resolveRegion([eu], undefined, "vi")).toMatchObject({ region: eu, country: "de", fellBack: true })
  })

  it("returns null only when there are no regions at all", () => {
    expect(resolveRegion([], "vn", "vi")).toEqual({ region: null, country: null, fellBack: true })
  })
})

describe("country helpers", () => {
  it("normalises codes", () => {
    expect(normaliseCountry(" US ")).toBe("us")
    expect(normaliseCountry("usa")).toBeNull()
    expect(normaliseCountry("")).toBeNull()
    expect(normaliseCountry(undefined)).toBeNull()
  })

  it("defaults per locale", () => {
    expect(defaultCountry("vi")).toBe("vn")
    expect(defaultCountry("en")).toBe("us")
  })

  it("lists countries with Việt Nam first", () => {
    const list = shippingCountries([intl, vn]).map((c) => c.code)
    expect(list[0]).toBe("vn")
    expect(list).toHaveLength(7)
  })

  it("names countries in the UI language", () => {
    expect(countryName("vn", "en")).toBe("Vietnam")
    expect(countryName("jp", "vi")).toBe("Nhật Bản")
  })
})
