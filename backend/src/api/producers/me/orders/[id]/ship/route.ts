import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { shipProducerItemsWorkflow } from "../../../../../../workflows/producer-portal"
import { ORDER_NOT_PAID, unpaidShippingProblem } from "../../../../../../modules/producer-portal/payment-status"
import { conflict, producerContext, requireShippingRights } from "../../../../helpers"
import { loadProducerOrder } from "../../../../orders"
import type { ProducerShipItemsType } from "../../../../validators"

/**
 * POST /producers/me/orders/:id/ship — the producer ships its own items (all
 * that remain, or the given quantities): a Medusa fulfillment from the Huế
 * warehouse, marked shipped with the tracking number. Other producers' items are untouched.
 * A bank-transfer, card or invoice order ships only once it is paid (400
 * `order_not_paid`); cash on delivery ships before (modules/producer-portal/payment-status.ts).
 */
export const POST = async (req: AuthenticatedMedusaRequest<ProducerShipItemsType>, res: MedusaResponse) => {
  const { producer, actor } = producerContext(req)
  const { orderId, order } = await loadProducerOrder(req.scope, producer.id, req.params.id)
  requireShippingRights(req)
  if (order.status === "canceled") throw conflict("This order was canceled; there is nothing to ship.")
  const unpaid = unpaidShippingProblem({ status: order.payment_status, method: order.payment_method, can_ship: order.can_ship })
  if (unpaid) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, unpaid, ORDER_NOT_PAID)
  const body = req.validatedBody
  const byId = new Map(order.items.map((i) => [i.id, i]))
  let items: { id: string; quantity: number }[]
  if (body.items) {
    for (const wanted of body.items) {
      const item = byId.get(wanted.id)
      if (!item) throw new MedusaError(MedusaError.Types.INVALID_DATA, `items: ${wanted.id} is not one of your items in this order`)
      if (wanted.quantity > item.remaining_quantity) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `items: only ${item.remaining_quantity} of "${item.product_title}" remain to be shipped, not ${wanted.quantity}`
        )
      }
    }
    items = body.items
  } else {
    items = order.items.filter((i) => i.remaining_quantity > 0).map((i) => ({ id: i.id, quantity: i.remaining_quantity }))
  }
  if (!items.length) throw conflict("All your items in this order have already been shipped.")
  await shipProducerItemsWorkflow(req.scope).run({
    input: {
      order_id: orderId,
      order_reference: order.id,
      producer_id: producer.id,
      actor,
      items,
      carrier: body.carrier ?? null,
      labels: body.tracking_number
        ? [{ tracking_number: body.tracking_number, tracking_url: body.tracking_url ?? "", label_url: "" }]
        : [],
    },
  })
  res.json({ order: (await loadProducerOrder(req.scope, producer.id, orderId)).order })
}
