import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { expireCertificationsWorkflow } from "../../../../../workflows/certification-expiry"

/** POST /admin/ocop/jobs/expire-certifications — runs the hourly expiry job now (idempotent). */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await expireCertificationsWorkflow(req.scope).run({ input: {} })
  res.json({ expired: result.expired, reminders: result.reminders })
}
