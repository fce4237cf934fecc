import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createProducerWorkflow } from "../../../workflows/producers"
import { withConflicts } from "../../utils/errors"
import type { AdminCreateProducerType, AdminListProducersType } from "../ocop/validators"

export const ADMIN_PRODUCER_FIELDS = ["*", "products.id", "products.title", "products.handle", "products.status"]

/** GET /admin/producers — all producers, filterable by status (e.g. pending applications). */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListProducersType>, res: MedusaResponse) => {
  const q = req.validatedQuery as AdminListProducersType
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const filters: Record<string, unknown> = {}
  if (q.status) filters.status = q.status
  if (q.q) filters.$or = [{ legal_name: { $ilike: `%${q.q}%` } }, { handle: { $ilike: `%${q.q}%` } }]
  const { data, metadata } = await query.graph({
    entity: "producer",
    fields: ADMIN_PRODUCER_FIELDS,
    filters,
    pagination: { take: q.limit, skip: q.offset, order: { created_at: "DESC" } },
  })
  res.json({ producers: data, count: metadata?.count ?? data.length, limit: q.limit, offset: q.offset })
}

/** POST /admin/producers — an admin registers a producer (approved straight away). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateProducerType>, res: MedusaResponse) => {
  const { result } = await withConflicts(() =>
    // normalizeProducerAddress (api/utils/producer-address.ts) has set the district by now.
    createProducerWorkflow(req.scope).run({ input: { ...req.validatedBody, district: req.validatedBody.district!, status: "approved" } })
  )
  res.status(201).json({ producer: result })
}
