import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { describeIssues } from "../../../../utils/validate"
import { resolveGtin } from "../resolve"
import { INVALID_DIGITAL_LINK, TraceGtinParams } from "../validators"

/** GET /store/ocop/trace/:gtin — GS1 Digital Link `/01/{gtin}` without a lot: the product. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const parsed = TraceGtinParams.safeParse(req.params)
  if (!parsed.success) throw new MedusaError(MedusaError.Types.INVALID_DATA, describeIssues(parsed.error), INVALID_DIGITAL_LINK)
  res.json({ trade_item: await resolveGtin(req.scope, parsed.data.gtin) })
}
