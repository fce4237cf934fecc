import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { NAPAS_BANKS } from "../../../../modules/marketplace-finance/banks"

/** GET /admin/marketplace/banks — the NAPAS bank list producers choose from. */
export const GET = async (_req: MedusaRequest, res: MedusaResponse) => {
  res.json({ banks: NAPAS_BANKS })
}
