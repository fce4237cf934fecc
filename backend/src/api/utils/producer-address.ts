/**
 * Puts a producer address from a request body into today's units (modules/ocop/admin-units.ts)
 * after its zod schema has run: the commune becomes one of the 40 current wards/communes of
 * thành phố Huế, the former commune is kept, the district (the "area") is derived when missing.
 * A commune that cannot be placed is a 400 with code `unknown_admin_unit` and nothing is written.
 */
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { resolveAddressInput } from "../../modules/ocop/admin-units"

export const UNKNOWN_ADMIN_UNIT = "unknown_admin_unit"

export function normalizeProducerAddress(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const body = (req.validatedBody ?? {}) as Record<string, any>
  if (body.commune === undefined) {
    // A partial update without the commune: nothing to re-place, but a former commune alone
    // cannot be checked against a unit, and the province can only be Huế's.
    if (body.former_commune != null) {
      return next(new MedusaError(MedusaError.Types.INVALID_DATA, "former_commune: send it with the commune it became", UNKNOWN_ADMIN_UNIT))
    }
    if (body.province !== undefined) {
      const check = resolveAddressInput({ province: body.province, commune: "Phú Xuân" })
      if (!check.ok) return next(new MedusaError(MedusaError.Types.INVALID_DATA, check.problem, UNKNOWN_ADMIN_UNIT))
      body.province = check.value.province
    }
    return next()
  }
  const resolved = resolveAddressInput(body)
  if (!resolved.ok) return next(new MedusaError(MedusaError.Types.INVALID_DATA, resolved.problem, UNKNOWN_ADMIN_UNIT))
  Object.assign(body, resolved.value)
  req.validatedBody = body as MedusaRequest["validatedBody"]
  next()
}
