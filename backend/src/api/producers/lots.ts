/**
 * Shared reads of the portal's traceability routes: a producer sees and changes only its own
 * GTINs and lots; any other id is a 404, exactly like one that does not exist.
 */
import type { MedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { TRACEABILITY_MODULE } from "../../modules/traceability"
import { lotDigitalLink } from "../../modules/traceability/gs1"
import { lotStatus } from "../../modules/traceability/rules"
import type TraceabilityModuleService from "../../modules/traceability/service"
import { storefrontOrigin } from "../utils/storefront-origin"
import { producerContext } from "./helpers"

export const LOT_FIELDS = [
  "id",
  "gtin",
  "product_id",
  "variant_id",
  "lot_number",
  "production_date",
  "expiry_date",
  "quantity",
  "notes",
  "corrects_lot_id",
  "superseded_at",
  "is_demo",
  "created_at",
] as const

export function traceService(req: MedusaRequest): TraceabilityModuleService {
  return req.scope.resolve(TRACEABILITY_MODULE)
}

export function presentLot(lot: Record<string, any>): Record<string, any> & { status: string; digital_link: string } {
  return { ...lot, status: lotStatus(lot), digital_link: lotDigitalLink(storefrontOrigin(), lot as any) }
}

/** The producer's own lot, or 404. */
export async function ownLot(req: MedusaRequest, id: string, relations: string[] = []) {
  const { producer } = producerContext(req)
  const [lot] = await traceService(req).listLots({ id, producer_id: producer.id }, { select: [...LOT_FIELDS], relations })
  if (!lot) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Lot ${id} was not found`)
  return lot as Record<string, any>
}
