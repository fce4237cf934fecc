import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PRODUCER_PORTAL_MODULE } from "../../../../modules/producer-portal"
import type ProducerPortalModuleService from "../../../../modules/producer-portal/service"
import type { AdminListListingChangesType } from "../../../producers/validators"

/**
 * GET /admin/ocop/listing-changes — what producers changed through the portal
 * (filter by producer, product, subject, or `requires_review=true` for the review queue).
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListListingChangesType>, res: MedusaResponse) => {
  const q = req.validatedQuery as AdminListListingChangesType
  const portal: ProducerPortalModuleService = req.scope.resolve(PRODUCER_PORTAL_MODULE)
  const filters: Record<string, unknown> = {}
  if (q.producer_id) filters.producer_id = q.producer_id
  if (q.product_id) filters.product_id = q.product_id
  if (q.subject) filters.subject = q.subject
  if (q.requires_review !== undefined) filters.requires_review = q.requires_review
  const [changes, count] = await portal.listAndCountListingChanges(filters, {
    take: q.limit,
    skip: q.offset,
    order: { occurred_at: "DESC" },
  })
  res.json({ changes, count, limit: q.limit, offset: q.offset })
}
