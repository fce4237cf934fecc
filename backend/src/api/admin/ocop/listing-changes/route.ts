import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PRODUCER_PORTAL_MODULE } from "../../../../modules/producer-portal"
import type ProducerPortalModuleService from "../../../../modules/producer-portal/service"
import type { AdminListListingChangesType } from "../../../producers/validators"

/**
 * GET /admin/ocop/listing-changes — what producers changed through the portal
 * (filter by producer, product, subject, `requires_review=true`, and `reviewed=false` for the
 * office's review queue). Each change carries its product's title, handle and status, so the
 * queue can be read without a request per row.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListListingChangesType>, res: MedusaResponse) => {
  const q = req.validatedQuery as AdminListListingChangesType
  const portal: ProducerPortalModuleService = req.scope.resolve(PRODUCER_PORTAL_MODULE)
  const filters: Record<string, unknown> = {}
  if (q.producer_id) filters.producer_id = q.producer_id
  if (q.product_id) filters.product_id = q.product_id
  if (q.subject) filters.subject = q.subject
  if (q.requires_review !== undefined) filters.requires_review = q.requires_review
  if (q.reviewed !== undefined) filters.reviewed_at = q.reviewed ? { $ne: null } : null
  const [changes, count] = await portal.listAndCountListingChanges(filters, {
    take: q.limit,
    skip: q.offset,
    order: { occurred_at: "DESC" },
  })
  const productIds = [...new Set(changes.map((c) => c.product_id).filter((id): id is string => !!id))]
  const products = new Map<string, { id: string; title: string; handle: string; status: string }>()
  if (productIds.length) {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "product", fields: ["id", "title", "handle", "status"], filters: { id: productIds } })
    for (const p of data) products.set(p.id, { id: p.id, title: p.title, handle: p.handle, status: p.status })
  }
  res.json({
    changes: changes.map((c) => ({ ...c, product: c.product_id ? products.get(c.product_id) ?? null : null })),
    count,
    limit: q.limit,
    offset: q.offset,
  })
}
