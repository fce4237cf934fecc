import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { lotDatesProblem } from "../../../../../../modules/traceability/rules"
import { correctLotWorkflow } from "../../../../../../workflows/traceability"
import { withConflicts } from "../../../../../utils/errors"
import { producerContext, requireListingRights } from "../../../../helpers"
import type { ProducerCorrectLotType } from "../../../../lots-validators"
import { ownLot, presentLot } from "../../../../lots"

/**
 * POST /producers/me/lots/:id/corrections — a correction is a new entry: the lot is superseded
 * (and keeps resolving, saying it was corrected) and a new lot recorded in its place, both logged
 * with the reason. Always allowed, also after sales.
 */
export const POST = async (req: AuthenticatedMedusaRequest<ProducerCorrectLotType>, res: MedusaResponse) => {
  requireListingRights(req)
  const lot = await ownLot(req, req.params.id)
  const { reason, ...changes } = req.validatedBody
  const problem = lotDatesProblem(changes.production_date ?? lot.production_date, changes.expiry_date !== undefined ? changes.expiry_date : lot.expiry_date)
  if (problem) throw new MedusaError(MedusaError.Types.INVALID_DATA, problem)
  const { result } = await withConflicts(() =>
    correctLotWorkflow(req.scope).run({ input: { id: lot.id, changes: changes as any, reason, actor: producerContext(req).actor } })
  )
  res.status(201).json({ lot: presentLot(result as any) })
}
