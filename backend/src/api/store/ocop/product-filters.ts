import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { OCOP_MODULE } from "../../../modules/ocop"
import type OcopModuleService from "../../../modules/ocop/service"
import { publicOcopFieldsParam, STORE_PRODUCT_OCOP_ALLOWED } from "../../utils/public-fields"
import { describeIssues } from "../../utils/validate"
import { respondWithCurrentCertification } from "./current-certification"
import { StoreProductOcopFilters } from "./validators"

const OCOP_KEYS = Object.keys(StoreProductOcopFilters.shape)
const NO_MATCH = "prod_no_match"

/**
 * Lets GET /store/products take OCOP filters (`ocop_stars`, `ocop_group`,
 * `district`, `province`, `producer_type`) and OCOP fields (`*producer`,
 * `*certifications`). The filters are validated, removed from the query and
 * turned into an `id` filter, so Medusa's own validator and route do the rest.
 * The OCOP fields are allowed as public leaves only, and `fields` is rewritten so
 * any "whole relation" spelling selects exactly those (utils/public-fields.ts).
 * Products answered with their certifications also carry `current_certification`.
 */
export async function storeProductOcop(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  try {
    req.allowed = [...(req.allowed ?? []), ...STORE_PRODUCT_OCOP_ALLOWED]
    respondWithCurrentCertification(res)
    const query = req.query as Record<string, unknown>
    if (typeof query.fields === "string") query.fields = publicOcopFieldsParam(query.fields)
    else if (Array.isArray(query.fields)) query.fields = query.fields.map((f) => (typeof f === "string" ? publicOcopFieldsParam(f) : f))
    const present = OCOP_KEYS.filter((k) => query[k] !== undefined)
    if (!present.length) return next()

    const raw = Object.fromEntries(present.map((k) => [k, query[k]]))
    for (const k of present) delete query[k]
    const parsed = StoreProductOcopFilters.safeParse(raw)
    if (!parsed.success) throw new MedusaError(MedusaError.Types.INVALID_DATA, describeIssues(parsed.error))
    const f = parsed.data

    const ocop: OcopModuleService = req.scope.resolve(OCOP_MODULE)
    let producerIds: string[] | undefined
    if (f.district?.length || f.province?.length || f.producer_type?.length) {
      const producers = await ocop.listProducers(
        {
          status: "approved",
          ...(f.district?.length ? { district: f.district } : {}),
          ...(f.province?.length ? { province: f.province } : {}),
          ...(f.producer_type?.length ? { type: f.producer_type } : {}),
        },
        { select: ["id"] }
      )
      producerIds = producers.map((p) => p.id)
    }
    const now = new Date()
    const certs =
      producerIds && !producerIds.length
        ? []
        : await ocop.listCertifications(
            {
              status: "active",
              valid_from: { $lte: now },
              valid_until: { $gte: now },
              stars: f.ocop_stars?.length ? f.ocop_stars : { $gte: 3 },
              ...(f.ocop_group?.length ? { group_code: f.ocop_group } : {}),
              ...(producerIds ? { producer_id: producerIds } : {}),
            },
            { select: ["product_id"] }
          )
    let ids = [...new Set(certs.map((c) => c.product_id))]
    if (query.id !== undefined) {
      const requested = new Set(Array.isArray(query.id) ? (query.id as string[]) : [typeof query.id === "string" ? query.id : ""])
      ids = ids.filter((id) => requested.has(id))
    }
    query.id = ids.length ? ids : [NO_MATCH]
    next()
  } catch (e) {
    next(e)
  }
}
