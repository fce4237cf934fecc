import type { MedusaResponse } from "@medusajs/framework/http"
import { toCurrentCertificate, type PublicCertification } from "../../../modules/ocop/contract"

type WithCertifications = { certifications?: (PublicCertification | null)[] | null }

/** Adds `current_certification` to a product that was loaded with its certifications. */
function withCurrent<P extends WithCertifications>(product: P, now: Date): P {
  if (!product || !Array.isArray(product.certifications)) return product
  return { ...product, current_certification: toCurrentCertificate(product.certifications, now) }
}

/** The store response with each product's current certificate (see `toCurrentCertificate`). */
export function addCurrentCertification(body: unknown, now: Date = new Date()): unknown {
  if (!body || typeof body !== "object") return body
  const b = body as { products?: WithCertifications[]; product?: WithCertifications }
  if (Array.isArray(b.products)) return { ...b, products: b.products.map((p) => withCurrent(p, now)) }
  if (b.product && typeof b.product === "object") return { ...b, product: withCurrent(b.product, now) }
  return body
}

/**
 * Medusa's store product routes answer with `res.json` from inside their own handler, and offer
 * no hook to add a computed field: the response is wrapped so that the OCOP rule — the current
 * certificate is the latest decision in force — is applied by the backend, and the storefront
 * only shows what it is given.
 */
export function respondWithCurrentCertification(res: MedusaResponse) {
  const json = res.json.bind(res)
  res.json = ((body: unknown) => json(addCurrentCertification(body))) as typeof res.json
}
