import { describe, expect, it } from "vitest"
import type { Certification, OcopProduct } from "../types"
import { productJsonLd } from "./jsonld"

const product = {
  id: "prod_1",
  handle: "me-xung",
  title: "Mè xửng",
  subtitle: "Kẹo mè",
  description: "Mô tả",
  thumbnail: "http://b/img.svg",
  images: [{ id: "i", url: "http://b/img.svg" }],
  metadata: { title_en: "Sesame brittle" },
  variants: [
    { id: "v1", sku: "MX-200", calculated_price: { calculated_amount: 45000 }, inventory_quantity: 0, manage_inventory: true },
    { id: "v2", sku: "MX-400", calculated_price: { calculated_amount: 85000 }, inventory_quantity: 4, manage_inventory: true },
  ],
  producer: { id: "p", handle: "thien-huong", legal_name: "Thiên Hương", type: "enterprise", commune: "Phú Cát", district: "TP Huế", province: "Thừa Thiên Huế" },
  certifications: [],
} as unknown as OcopProduct

describe("productJsonLd", () => {
  it("describes the product, its offers and its OCOP certification", () => {
    const ld = productJsonLd(
      product,
      { id: "c", certificate_number: "DEMO-1", stars: 5, status: "active", issuing_authority: "Bộ NN&MT", valid_from: "2025-01-01", valid_until: "2028-01-01" } as Certification,
      "en",
      "usd"
    ) as Record<string, any>
    expect(ld["@type"]).toBe("Product")
    expect(ld.name).toBe("Sesame brittle")
    expect(ld.image).toEqual(["http://b/img.svg"])
    expect(ld.offers).toMatchObject({ "@type": "AggregateOffer", priceCurrency: "USD", lowPrice: 45000, availability: "https://schema.org/InStock" })
    expect(ld.hasCertification).toMatchObject({
      "@type": "Certification",
      certificationIdentification: "DEMO-1",
      certificationStatus: "https://schema.org/CertificationActive",
      certificationRating: { ratingValue: 5, bestRating: 5 },
      issuedBy: { name: "Bộ NN&MT" },
    })
    expect(ld.hasCertification.url).toMatch(/\/en\/verify\/DEMO-1$/)
  })

  it("omits the certification when there is none", () => {
    expect(productJsonLd(product, null, "vi", "vnd").hasCertification).toBeUndefined()
  })
})

describe("productJsonLd gtin", () => {
  it("carries the first variant's GTIN when the product has GTINs, and none otherwise", () => {
    const p = { id: "prod_1", handle: "x", title: "X", variants: [{ id: "v1", sku: "X-1" }, { id: "v2", sku: "X-2" }] } as any
    const gtins = [
      { gtin: "08930000000027", variant_id: "v2" },
      { gtin: "08930000000010", variant_id: "v1" },
    ]
    expect(productJsonLd(p, null, "vi", "vnd", gtins).gtin).toBe("08930000000010")
    expect(productJsonLd(p, null, "vi", "vnd").gtin).toBeUndefined()
  })
})
