import { z } from "@medusajs/framework/zod"
import { PRODUCER_TYPES } from "../../../modules/ocop/taxonomy"
import { findParams } from "../../utils/list-query"

export const StoreListProducers = findParams(
  {
    district: z.string().trim().min(1).max(100).optional(),
    type: z.enum(PRODUCER_TYPES).optional(),
  },
  { defaultLimit: 50, maxLimit: 100 }
)
export type StoreListProducersType = z.infer<typeof StoreListProducers>

export const ProducerHandleParam = z.object({
  handle: z.string().trim().min(1).max(120).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "a producer handle is lowercase letters, digits and hyphens"),
})
