import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { currentAddress } from "../../../../../../modules/ocop/admin-units"
import { lotLabelSheetSvg } from "../../../../../../modules/traceability/label"
import { ownLot, presentLot } from "../../../../lots"

/** GET /producers/me/lots/:id/label — the lot's printable label sheet (SVG, A4), as a download. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const lot = presentLot(await ownLot(req, req.params.id))
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: ["id", "title", "producer.legal_name", "producer.street", "producer.commune", "producer.district", "producer.province", "variants.id", "variants.title"],
    filters: { id: lot.product_id },
  })
  const product = data[0] as any
  const variant = (product?.variants ?? []).find((v: any) => v?.id === lot.variant_id)
  const svg = await lotLabelSheetSvg({
    uri: lot.digital_link,
    gtin: lot.gtin,
    lot_number: lot.lot_number,
    production_date: lot.production_date,
    expiry_date: lot.expiry_date,
    product_title: [product?.title, variant?.title].filter(Boolean).join(" — "),
    producer_name: product?.producer?.legal_name ?? "",
    producer_address: product?.producer ? currentAddress(product.producer) : "",
    is_demo: lot.is_demo,
  })
  res.setHeader("Content-Type", "image/svg+xml; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="lot-${lot.gtin}-${lot.lot_number}.svg"`)
  res.setHeader("X-Content-Type-Options", "nosniff")
  res.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
  res.send(svg)
}
