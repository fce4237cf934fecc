/**
 * Delivers `order.placed` again to the notification workflows for the given orders: the
 * shopper's confirmation and each producer's alert. What was sent is not sent again (same
 * idempotency keys); what failed (e.g. SMTP was down) is sent now. For use after a mail outage.
 *
 *   npx medusa exec ./src/scripts/redeliver-order-notifications.ts order_01… [order_01…]
 *
 * Prints one machine-readable line per order:
 *   ORDER_NOTIFICATIONS {"order_id":…,"sent":[…],"already_sent":[…],"skipped":[…],"failed":[…]}
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { notifyOrderPlacedWorkflow, notifyProducersOfOrderWorkflow } from "../workflows/notifications"

export default async function redeliverOrderNotifications({ container, args }: ExecArgs) {
  const orderIds = (args ?? []).filter((a) => /^order_[A-Za-z0-9]+$/.test(a))
  if (!orderIds.length) throw new Error("usage: medusa exec ./src/scripts/redeliver-order-notifications.ts <order_id>…")
  for (const order_id of orderIds) {
    const { result: shopper } = await notifyOrderPlacedWorkflow(container).run({ input: { order_id } })
    const { result: producers } = await notifyProducersOfOrderWorkflow(container).run({ input: { order_id } })
    const report = {
      order_id,
      sent: [...shopper.sent, ...producers.sent],
      already_sent: [...shopper.already_sent, ...producers.already_sent],
      skipped: [...shopper.skipped, ...producers.skipped],
      failed: [...shopper.failed, ...producers.failed],
    }
    console.log(`ORDER_NOTIFICATIONS ${JSON.stringify(report)}`)
  }
}
