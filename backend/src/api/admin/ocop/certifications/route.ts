import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createCertificationWorkflow } from "../../../../workflows/certifications"
import { withConflicts } from "../../../utils/errors"
import type { AdminCreateCertificationType, AdminListCertificationsType } from "../validators"

export const ADMIN_CERTIFICATION_FIELDS = [
  "*",
  "producer.id",
  "producer.handle",
  "producer.legal_name",
  "producer.status",
  "product.id",
  "product.title",
  "product.handle",
  "product.status",
  "product.thumbnail",
  "events.*",
]

/** GET /admin/ocop/certifications — filter by status, product, producer, or `expiring_within_days`. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListCertificationsType>, res: MedusaResponse) => {
  const q = req.validatedQuery as AdminListCertificationsType
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const filters: Record<string, unknown> = {}
  if (q.status) filters.status = q.status
  if (q.product_id) filters.product_id = q.product_id
  if (q.producer_id) filters.producer_id = q.producer_id
  if (q.q) filters.$or = [{ certificate_number: { $ilike: `%${q.q}%` } }, { decision_number: { $ilike: `%${q.q}%` } }]
  if (q.expiring_within_days !== undefined) {
    const now = new Date()
    const until = new Date(now.getTime() + q.expiring_within_days * 86_400_000)
    filters.status = q.status ?? ["active"]
    filters.valid_until = { $gte: now, $lte: until }
  }
  const { data, metadata } = await query.graph({
    entity: "certification",
    fields: ADMIN_CERTIFICATION_FIELDS,
    filters,
    pagination: {
      take: q.limit,
      skip: q.offset,
      order: q.expiring_within_days !== undefined ? { valid_until: "ASC" } : { created_at: "DESC" },
    },
  })
  res.json({ certifications: data, count: metadata?.count ?? data.length, limit: q.limit, offset: q.offset })
}

/** POST /admin/ocop/certifications — record a certification decision for a product. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateCertificationType>, res: MedusaResponse) => {
  const { result } = await withConflicts(() =>
    createCertificationWorkflow(req.scope).run({
      input: { ...req.validatedBody, actor: { actor_type: "user", actor_id: req.auth_context.actor_id } },
    })
  )
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "certification", fields: ADMIN_CERTIFICATION_FIELDS, filters: { id: result.id } })
  res.status(201).json({ certification: data[0] })
}
