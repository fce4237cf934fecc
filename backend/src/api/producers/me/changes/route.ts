import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PRODUCER_PORTAL_MODULE } from "../../../../modules/producer-portal"
import type ProducerPortalModuleService from "../../../../modules/producer-portal/service"
import { producerContext } from "../../helpers"
import type { ProducerListQueryType } from "../../validators"

/**
 * Medusa ids of orders and fulfillments are not the producer's to hold (an order id opens the whole order in the
 * store shortly after checkout: store/orders/order-access.ts); shipments recorded before the log kept the portal's
 * reference still carry them, so they are left out here.
 */
const HIDDEN_KEYS = ["order_id", "fulfillment_id"]

function withoutOrderIds(values: unknown): unknown {
  if (!values || typeof values !== "object" || Array.isArray(values)) return values
  return Object.fromEntries(Object.entries(values).filter(([k]) => !HIDDEN_KEYS.includes(k)))
}

/** GET /producers/me/changes — the producer's own change log (who changed what, when), newest first. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, ProducerListQueryType>, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as ProducerListQueryType
  const portal: ProducerPortalModuleService = req.scope.resolve(PRODUCER_PORTAL_MODULE)
  const [changes, count] = await portal.listAndCountListingChanges(
    { producer_id: producerContext(req).producer.id },
    { take: limit, skip: offset, order: { occurred_at: "DESC" } }
  )
  res.json({
    changes: changes.map((c: any) => ({ ...c, before: withoutOrderIds(c.before), after: withoutOrderIds(c.after) })),
    count,
    limit,
    offset,
  })
}
