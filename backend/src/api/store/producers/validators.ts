import { z } from "@medusajs/framework/zod"
import { PRODUCER_TYPES } from "../../../modules/ocop/taxonomy"

export const StoreListProducers = z
  .object({
    district: z.string().trim().min(1).max(100).optional(),
    type: z.enum(PRODUCER_TYPES).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    offset: z.coerce.number().int().min(0).max(100000).default(0),
  })
  .strict()
export type StoreListProducersType = z.infer<typeof StoreListProducers>

export const ProducerHandleParam = z.object({
  handle: z.string().trim().min(1).max(120).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "a producer handle is lowercase letters, digits and hyphens"),
})
