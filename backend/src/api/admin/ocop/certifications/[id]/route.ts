import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { changeCertificationWorkflow } from "../../../../../workflows/certifications"
import { ADMIN_CERTIFICATION_FIELDS } from "../route"

export async function loadCertification(req: AuthenticatedMedusaRequest, id: string) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "certification", fields: ADMIN_CERTIFICATION_FIELDS, filters: { id } })
  if (!data[0]) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Certification ${id} was not found`)
  const cert = data[0] as any
  cert.events = [...(cert.events ?? [])].sort(
    (a: any, b: any) => new Date(a.occurred_at).getTime() - new Date(b.occurred_at).getTime()
  )
  return cert
}

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ certification: await loadCertification(req, req.params.id) })
}

/**
 * POST /admin/ocop/certifications/:id — edits facts that do not change the rating
 * (evidence, sub-group, other marks, validity end). Stars and status change only
 * through /rerate, /revoke, /suspend and /reinstate, so each is in the history.
 */
export const POST = async (req: AuthenticatedMedusaRequest<Record<string, unknown>>, res: MedusaResponse) => {
  const before = await loadCertification(req, req.params.id)
  const body = req.validatedBody
  if (body.valid_until && new Date(body.valid_until as string) <= new Date(before.valid_from)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "valid_until must be after valid_from")
  }
  await changeCertificationWorkflow(req.scope).run({
    input: {
      id: before.id,
      type: "amended",
      changes: { ...body, ...(body.valid_until ? { valid_until: new Date(body.valid_until as string) } : {}) },
      actor: { actor_type: "user", actor_id: req.auth_context.actor_id },
    },
  })
  res.json({ certification: await loadCertification(req, req.params.id) })
}
