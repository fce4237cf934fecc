import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { isPublicCertificationStatus, PUBLIC_CERTIFICATION_FIELDS, PUBLIC_EVENT_FIELDS, PUBLIC_PRODUCER_FIELDS } from "../../../../utils/public-fields"
import { filterStoreVisible, PRODUCT_SUMMARY_FIELDS } from "../../../../utils/sellable-products"
import { CertificateNumberParam } from "../../validators"
import { isCertificationInForce } from "../../../../../modules/ocop/rules"

/**
 * GET /store/ocop/certificates/:number — public verification (the QR target).
 * Expired, revoked and suspended certificates are shown too, with their status;
 * the product is linked only while it is on sale.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const parsed = CertificateNumberParam.safeParse(req.params)
  if (!parsed.success) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, parsed.error.issues.map((i) => i.message).join("; "))
  }
  const number = parsed.data.number.toUpperCase()
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "certification",
    fields: [
      ...PUBLIC_CERTIFICATION_FIELDS,
      "product_id",
      ...PUBLIC_PRODUCER_FIELDS.map((f) => `producer.${f}`),
      ...PUBLIC_EVENT_FIELDS.map((f) => `events.${f}`),
      ...PRODUCT_SUMMARY_FIELDS.map((f) => `product.${f}`),
    ],
    // Several rows may carry a number (a producer's submission under review beside the decision
    // on record, rules.ts holdsCertificateNumber): only the one on record is public.
    filters: { certificate_number: number, status: { $nin: ["pending_review", "rejected"] } } as any,
  })
  const cert = data[0] as any
  if (!cert || !isPublicCertificationStatus(cert.status)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No OCOP certificate with number ${number} was found`)
  }
  const visible = cert.product ? await filterStoreVisible(req.scope, [cert.product]) : []
  const sellable = visible.length > 0
  const { product, product_id: _productId, events, ...rest } = cert
  res.json({
    certificate: {
      ...rest,
      in_force: isCertificationInForce(cert),
      sellable,
      product: product
        ? {
            id: sellable ? product.id : null,
            handle: sellable ? product.handle : null,
            title: product.title,
            subtitle: product.subtitle,
            thumbnail: product.thumbnail,
            metadata: { title_en: product.metadata?.title_en ?? null },
          }
        : null,
      events: [...(events ?? [])].sort((a, b) => new Date(a.occurred_at).getTime() - new Date(b.occurred_at).getTime()),
    },
  })
}
