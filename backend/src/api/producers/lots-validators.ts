/** Strict zod schemas of the portal's traceability routes (GTINs and lots). */
import { z } from "@medusajs/framework/zod"
import { isValidGtin, LOT_NUMBER_PATTERN } from "../../modules/traceability/gs1"
import { isValidIsoDate } from "../admin/ocop/validators"

const id = z.string().trim().min(1).max(100)
/** A calendar day, "2026-11-30": lots are dated by the day, in Vietnam. */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date such as 2026-11-30")
  .refine(isValidIsoDate, { error: (issue) => `${issue.path?.join(".") || "date"} is not a real date` })
  .transform((d) => new Date(`${d}T00:00:00+07:00`))

export const ProducerAssignGtin = z
  .object({
    variant_id: id,
    gtin: z
      .string()
      .trim()
      .refine(isValidGtin, { error: "gtin: must be a GTIN-8, -12, -13 or -14 with a valid check digit" }),
  })
  .strict()
export type ProducerAssignGtinType = z.infer<typeof ProducerAssignGtin>

const lotNumber = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(LOT_NUMBER_PATTERN, "1–20 letters, digits and hyphens, starting with a letter or digit"))
const quantity = z.number().int().min(1).max(10_000_000)
const notes = z.string().trim().max(2000).nullish()

export const ProducerRecordLot = z
  .object({
    variant_id: id,
    lot_number: lotNumber,
    production_date: day,
    expiry_date: day.nullish(),
    quantity,
    notes,
  })
  .strict()
export type ProducerRecordLotType = z.infer<typeof ProducerRecordLot>

const changes = {
  lot_number: lotNumber.optional(),
  production_date: day.optional(),
  expiry_date: day.nullish(),
  quantity: quantity.optional(),
  notes,
}

export const ProducerEditLot = z
  .object(changes)
  .strict()
  .refine((v) => Object.keys(v).length > 0, { error: "send at least one field to change" })
export type ProducerEditLotType = z.infer<typeof ProducerEditLot>

export const ProducerCorrectLot = z
  .object({ ...changes, reason: z.string().trim().min(3).max(1000) })
  .strict()
  .refine((v) => Object.keys(v).some((k) => k !== "reason"), { error: "send at least one field to correct" })
export type ProducerCorrectLotType = z.infer<typeof ProducerCorrectLot>

export const ProducerListLots = z
  .object({
    product_id: id.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .strict()
export type ProducerListLotsType = z.infer<typeof ProducerListLots>

export const ProducerListTradeItems = z.object({ product_id: id.optional() }).strict()
