import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { OCOP_MODULE } from "../../../modules/ocop"
import type OcopModuleService from "../../../modules/ocop/service"
import { marketplaceSalesChannelId } from "../../../workflows/sellability"

/**
 * POST /admin/sales-channels/:id/products — Medusa's "add products to a sales
 * channel" has no workflow hook, so the OCOP rule is checked here: adding a
 * product that may not be sold (no certification in force, producer not
 * approved) to the storefront's channel is refused with a 400 that says why,
 * before anything is written. Other channels, and removals, pass through.
 */
export async function guardMarketplaceListing(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const add = (req.body as any)?.add
    if (!Array.isArray(add) || !add.length || !add.every((id) => typeof id === "string")) return next()
    if (req.params.id !== (await marketplaceSalesChannelId(req.scope))) return next()
    const ocop: OcopModuleService = req.scope.resolve(OCOP_MODULE)
    const verdicts = await ocop.evaluateSellability([...new Set(add as string[])])
    const blocked = (add as string[]).filter((id) => !verdicts.get(id)?.sellable)
    if (blocked.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Only certified OCOP products can be listed in the storefront's sales channel. Not sellable now: ${blocked.join(", ")} ` +
          `(no OCOP certification in force, or the producer is not approved). Certify them first; they are listed automatically.`
      )
    }
    next()
  } catch (e) {
    next(e)
  }
}
