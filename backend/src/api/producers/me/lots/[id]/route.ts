import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { lotDatesProblem } from "../../../../../modules/traceability/rules"
import { editLotWorkflow } from "../../../../../workflows/traceability"
import { withConflicts } from "../../../../utils/errors"
import { producerContext, requireListingRights } from "../../../helpers"
import type { ProducerEditLotType } from "../../../lots-validators"
import { ownLot, presentLot, traceService } from "../../../lots"

/** GET /producers/me/lots/:id — one of the producer's own lots with its change log (404 otherwise). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const lot = await ownLot(req, req.params.id)
  const events = await traceService(req).listLotEvents({ lot_id: lot.id } as any, {
    select: ["id", "action", "actor_type", "actor_id", "before", "after", "reason", "created_at"],
    order: { created_at: "ASC" },
  })
  res.json({ lot: { ...presentLot(lot), events } })
}

/**
 * POST /producers/me/lots/:id — edit a lot in place, only while no unit of its variant has been
 * ordered since it was recorded (else 400 `lot_locked`: record a correction). Logged.
 */
export const POST = async (req: AuthenticatedMedusaRequest<ProducerEditLotType>, res: MedusaResponse) => {
  requireListingRights(req)
  const lot = await ownLot(req, req.params.id)
  const changes = req.validatedBody
  const problem = lotDatesProblem(changes.production_date ?? lot.production_date, changes.expiry_date !== undefined ? changes.expiry_date : lot.expiry_date)
  if (problem) throw new MedusaError(MedusaError.Types.INVALID_DATA, problem)
  const { result } = await withConflicts(() =>
    editLotWorkflow(req.scope).run({ input: { id: lot.id, changes: changes as any, actor: producerContext(req).actor } })
  )
  res.json({ lot: presentLot(result as any) })
}
