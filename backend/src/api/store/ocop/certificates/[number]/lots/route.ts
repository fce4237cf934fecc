import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { describeIssues } from "../../../../../utils/validate"
import { lotsOfProduct } from "../../../trace/resolve"
import { CertificateNumberParam } from "../../../validators"

/** GET /store/ocop/certificates/:number/lots — the lots (and their Digital Links) of the certified product. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const parsed = CertificateNumberParam.safeParse(req.params)
  if (!parsed.success) throw new MedusaError(MedusaError.Types.INVALID_DATA, describeIssues(parsed.error))
  const number = parsed.data.number.toUpperCase()
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "certification",
    fields: ["id", "product_id", "status"],
    filters: { certificate_number: number, status: { $nin: ["pending_review", "rejected"] } } as any,
  })
  const cert = data[0] as any
  if (!cert) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No OCOP certificate with number ${number} was found`)
  res.json({ lots: await lotsOfProduct(req.scope, cert.product_id) })
}
