import type { Certification, OcopProduct } from "../types"
import { minPrice } from "./cards"
import type { Locale } from "./locale"
import { localizedProduct } from "./ocop"
import { siteUrl } from "./site"

/** schema.org Product with `hasCertification` (schema.org Certification) and offers. */
export function productJsonLd(
  p: OcopProduct,
  cert: Certification | null,
  locale: Locale,
  currency: string,
  /** GS1 GTINs of the variants (traceability module): `gtin` is the first variant's, as `sku` is. */
  gtins: { gtin: string; variant_id: string }[] = []
) {
  const text = localizedProduct(p, locale)
  const base = siteUrl()
  const url = `${base}/${locale}/products/${p.handle}`
  const price = minPrice(p)
  const inStock = (p.variants ?? []).some((v) => {
    const q = (v as { inventory_quantity?: number | null; manage_inventory?: boolean | null }).inventory_quantity
    const managed = (v as { manage_inventory?: boolean | null }).manage_inventory
    return managed === false || q === null || q === undefined || q > 0
  })
  const data: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "Product",
    name: text.title,
    description: text.description ?? text.subtitle ?? undefined,
    url,
    sku: p.variants?.[0]?.sku ?? undefined,
    gtin: (gtins.find((g) => g.variant_id === p.variants?.[0]?.id) ?? gtins[0])?.gtin ?? undefined,
    image: [...new Set([p.thumbnail, ...(p.images ?? []).map((i) => i.url)].filter(Boolean))],
    brand: p.producer ? { "@type": "Brand", name: p.producer.legal_name } : undefined,
    manufacturer: p.producer
      ? {
          "@type": "Organization",
          name: p.producer.legal_name,
          address: {
            "@type": "PostalAddress",
            addressLocality: [p.producer.commune, p.producer.district].filter(Boolean).join(", ") || undefined,
            addressRegion: p.producer.province ?? undefined,
            addressCountry: "VN",
          },
        }
      : undefined,
    countryOfOrigin: { "@type": "Country", name: "VN" },
    offers:
      price !== null
        ? {
            "@type": "AggregateOffer",
            priceCurrency: currency.toUpperCase(),
            lowPrice: price,
            offerCount: p.variants?.length ?? 1,
            availability: inStock ? "https://schema.org/InStock" : "https://schema.org/OutOfStock",
            url,
          }
        : undefined,
    hasCertification: cert
      ? {
          "@type": "Certification",
          name: `OCOP ${cert.stars}★`,
          certificationIdentification: cert.certificate_number,
          certificationStatus: cert.status === "active" ? "https://schema.org/CertificationActive" : "https://schema.org/CertificationInactive",
          issuedBy: { "@type": "Organization", name: cert.issuing_authority ?? "OCOP" },
          validFrom: cert.valid_from ?? undefined,
          expires: cert.valid_until ?? undefined,
          certificationRating: { "@type": "Rating", ratingValue: cert.stars, bestRating: 5, worstRating: 1 },
          url: `${base}/${locale}/verify/${encodeURIComponent(cert.certificate_number)}`,
        }
      : undefined,
  }
  return data
}
