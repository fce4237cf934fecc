import { z } from "@medusajs/framework/zod"

/** A Medusa order id: the only key the shopper's order routes take. */
export const StoreOrderIdParam = z.object({
  id: z.string().trim().regex(/^order_[0-9A-Za-z]{1,64}$/, "an order id looks like order_01H…"),
})
