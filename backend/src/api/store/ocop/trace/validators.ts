/**
 * The store's GS1 Digital Link resolver inputs. A malformed GTIN (not 14 digits, wrong check
 * digit), lot or expiry is a 400 with code `invalid_digital_link`; a well-formed one that the
 * shop does not know is a 404. Never a 500 for what a scanner may send.
 */
import { z } from "@medusajs/framework/zod"
import { isValidGtin, isValidLotNumber, parseYymmdd } from "../../../../modules/traceability/gs1"

export const INVALID_DIGITAL_LINK = "invalid_digital_link"

export const TraceGtinParams = z.object({
  gtin: z.string().regex(/^\d{14}$/, "gtin: GS1 Digital Link uses GTIN-14 (14 digits)").refine(isValidGtin, "gtin: the check digit is wrong"),
})
export const TraceLotParams = TraceGtinParams.extend({
  lot: z.string().max(20, "lot: at most 20 characters").refine(isValidLotNumber, "lot: letters, digits and hyphens only"),
})
export const TraceLotQuery = z
  .object({ "17": z.string().refine((v) => parseYymmdd(v) !== null, "17: the expiry must be YYMMDD").optional() })
  .strict()
