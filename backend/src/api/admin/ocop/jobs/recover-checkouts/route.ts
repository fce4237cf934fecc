import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { recoverHalfCompletedCheckouts } from "../../../../../workflows/checkout-recovery"
import type { AdminRecoverCheckoutsType } from "../../validators"

/**
 * POST /admin/ocop/jobs/recover-checkouts — runs the checkout-recovery job now. `older_than_seconds`
 * (default: the job's threshold) lets an operator who knows no checkout is running (e.g. right
 * after a crash of the only server) repair at once.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminRecoverCheckoutsType>, res: MedusaResponse) => {
  const { older_than_seconds } = req.validatedBody
  const result = await recoverHalfCompletedCheckouts(req.scope, { olderThanSeconds: older_than_seconds })
  res.json(result)
}
