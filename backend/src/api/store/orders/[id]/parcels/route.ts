import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { orderParcels } from "../../parcels"
import { StoreOrderIdParam } from "../../validators"

/**
 * GET /store/orders/:id/parcels — the order as one parcel per producer, with status and tracking.
 * Readable exactly when `GET /store/orders/:id` is (middlewares.ts: order-access.ts).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const parsed = StoreOrderIdParam.safeParse(req.params)
  if (!parsed.success) throw new MedusaError(MedusaError.Types.INVALID_DATA, parsed.error.issues[0].message)
  const parcels = await orderParcels(req.scope, parsed.data.id)
  if (!parcels) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order id not found: ${parsed.data.id}`)
  res.json({ parcels })
}
