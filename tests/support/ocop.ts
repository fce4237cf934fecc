import { admin, uniq } from "./api"

export async function approvedProducerId(): Promise<string> {
  const res = await admin("GET", "/admin/producers?status=approved&limit=1")
  if (res.status !== 200 || !res.body.producers.length) throw new Error(`no approved producer: ${JSON.stringify(res.body)}`)
  return res.body.producers[0].id
}

export function monthsAgo(months: number): string {
  const d = new Date()
  d.setUTCMonth(d.getUTCMonth() - months)
  return d.toISOString()
}

/** A draft product linked to a producer, priced in VND and USD, with stock not managed. */
export async function createDraftProduct(producerId: string, overrides: Record<string, unknown> = {}) {
  const suffix = uniq()
  const res = await admin("POST", "/admin/products", {
    title: `Sản phẩm thử ${suffix}`,
    handle: `san-pham-thu-${suffix}`,
    status: "draft",
    options: [{ title: "Cỡ", values: ["Hộp"] }],
    variants: [
      {
        title: "Hộp",
        sku: `TEST-${suffix}`.toUpperCase(),
        options: { "Cỡ": "Hộp" },
        manage_inventory: false,
        prices: [
          { amount: 120000, currency_code: "vnd" },
          { amount: 4.8, currency_code: "usd" },
        ],
      },
    ],
    additional_data: { producer_id: producerId },
    ...overrides,
  })
  if (res.status !== 200) throw new Error(`product create failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.product as { id: string; handle: string; title: string; variants: { id: string }[] }
}

export function certificationBody(productId: string, overrides: Record<string, unknown> = {}) {
  const suffix = uniq().toUpperCase()
  return {
    product_id: productId,
    certificate_number: `DEMO-TEST-${suffix}`,
    decision_number: `DEMO-${suffix}/QĐ-UBND`,
    decision_date: monthsAgo(6),
    issuing_authority: "UBND tỉnh Thừa Thiên Huế (demo)",
    authority_level: "province",
    score: 75,
    stars: 4,
    group_code: "food",
    ...overrides,
  }
}

/** Draft product → certification → published: a sellable product of our own for a test. */
export async function createSellableProduct(
  overrides: { certification?: Record<string, unknown>; producerId?: string; product?: Record<string, unknown> } = {}
) {
  const producerId = overrides.producerId ?? (await approvedProducerId())
  const product = await createDraftProduct(producerId, overrides.product)
  const cert = await admin("POST", "/admin/ocop/certifications", certificationBody(product.id, overrides.certification))
  if (cert.status !== 201) throw new Error(`certification failed: ${cert.status} ${JSON.stringify(cert.body)}`)
  const pub = await admin("POST", `/admin/products/${product.id}`, { status: "published" })
  if (pub.status !== 200) throw new Error(`publish failed: ${pub.status} ${JSON.stringify(pub.body)}`)
  return { product, certification: cert.body.certification, producerId }
}
