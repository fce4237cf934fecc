import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { updateProducerWorkflow } from "../../../../workflows/producers"
import { withConflicts } from "../../../utils/errors"
import { ADMIN_PRODUCER_FIELDS } from "../route"

export async function loadProducer(req: AuthenticatedMedusaRequest, id: string) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "producer", fields: ADMIN_PRODUCER_FIELDS, filters: { id } })
  if (!data[0]) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Producer ${id} was not found`)
  return data[0]
}

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ producer: await loadProducer(req, req.params.id) })
}

export const POST = async (req: AuthenticatedMedusaRequest<Record<string, unknown>>, res: MedusaResponse) => {
  await loadProducer(req, req.params.id)
  await withConflicts(() => updateProducerWorkflow(req.scope).run({ input: { id: req.params.id, ...req.validatedBody } }))
  res.json({ producer: await loadProducer(req, req.params.id) })
}
