import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CURRENT_TAXONOMY_VERSION, OCOP_GROUPS } from "../../../../modules/ocop/taxonomy"

/** GET /store/ocop/groups — the six OCOP product groups of 148/QĐ-TTg. */
export const GET = async (_req: MedusaRequest, res: MedusaResponse) => {
  res.json({ taxonomy_version: CURRENT_TAXONOMY_VERSION, groups: OCOP_GROUPS })
}
