import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, ProductStatus } from "@medusajs/framework/utils"
import { submitListingCertificationWorkflow } from "../../../../../../workflows/producer-portal"
import { withConflicts } from "../../../../../utils/errors"
import { assertOwnProduct, conflict, hueStockLocationId, producerContext, requireListingRights } from "../../../../helpers"
import { loadListing } from "../../../../listings"
import type { ProducerSubmitCertificationType } from "../../../../validators"

/**
 * POST /producers/me/products/:id/certification — the producer submits its
 * OCOP decision with the evidence document; it waits in `pending_review` until
 * an admin approves it (POST /admin/ocop/certifications/:id/approve).
 */
export const POST = async (req: AuthenticatedMedusaRequest<ProducerSubmitCertificationType>, res: MedusaResponse) => {
  await assertOwnProduct(req, req.params.id)
  requireListingRights(req)
  const { producer, actor } = producerContext(req)
  const body = req.validatedBody
  const locationId = await hueStockLocationId(req.scope)
  const listing = await loadListing(req.scope, req.params.id, locationId)
  if (listing.certifications.some((c: any) => c.status === "pending_review")) {
    throw conflict("A certification of this listing is already waiting for review; wait for the OCOP office's decision.")
  }
  const group = body.group_code ?? listing.group
  if (!group) throw new MedusaError(MedusaError.Types.INVALID_DATA, "group_code: set the listing's OCOP group first")
  if (listing.group && group !== listing.group) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `group_code: the listing is in the "${listing.group}" group; change the listing's group first (it is reviewed)`
    )
  }
  const unpublish = listing.status === ProductStatus.PUBLISHED
  const { result } = await withConflicts(() =>
    submitListingCertificationWorkflow(req.scope).run({
      input: {
        certification: { ...body, product_id: listing.id, group_code: group } as any,
        actor,
        unpublish,
        change: {
          producer_id: producer.id,
          product_id: listing.id,
          subject: "certification",
          action: "submitted",
          actor,
          fields: ["certification", ...(unpublish ? ["status"] : [])],
          before: unpublish ? { status: listing.status } : null,
          requires_review: true,
        },
      },
    })
  )
  res.status(201).json({ certification: result, product: await loadListing(req.scope, listing.id, locationId) })
}
