import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { notifyAdminDigestWorkflow } from "../../../../../workflows/notifications"

/** POST /admin/ocop/jobs/admin-digest — sends today's digest now (idempotent per admin and day). */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await notifyAdminDigestWorkflow(req.scope).run({ input: {} })
  res.json(result)
}
