import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { parseYymmdd } from "../../../../../../../modules/traceability/gs1"
import { describeIssues } from "../../../../../../utils/validate"
import { resolveLot } from "../../../resolve"
import { INVALID_DIGITAL_LINK, TraceLotParams, TraceLotQuery } from "../../../validators"

/** GET /store/ocop/trace/:gtin/lots/:lot[?17=YYMMDD] — GS1 Digital Link `/01/{gtin}/10/{lot}`: the lot's consumer fields. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const params = TraceLotParams.safeParse(req.params)
  const query = TraceLotQuery.safeParse(req.query)
  if (!params.success) throw new MedusaError(MedusaError.Types.INVALID_DATA, describeIssues(params.error), INVALID_DIGITAL_LINK)
  if (!query.success) throw new MedusaError(MedusaError.Types.INVALID_DATA, describeIssues(query.error), INVALID_DIGITAL_LINK)
  const expiry = query.data["17"] ? parseYymmdd(query.data["17"]) : null
  res.json({ lot: await resolveLot(req.scope, params.data.gtin, params.data.lot, expiry) })
}
