import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { syncOrderLedgerWorkflow } from "../workflows/marketplace-finance"
import { orderIdOfPayment } from "../workflows/marketplace-finance/ledger-steps"

/**
 * Keeps the marketplace ledger in step with Medusa's orders and payments. Placing an
 * order freezes its commission rates; a capture (paid / COD collected) earns; a refund
 * (return, cancellation) reverses. One idempotent workflow serves all four events, so
 * the at-least-once event bus can deliver them twice or out of order.
 */
export default async function marketplaceLedger({ event, container }: SubscriberArgs<{ id: string }>) {
  const orderId = event.name.startsWith("payment.") ? await orderIdOfPayment(container, event.data.id) : event.data.id
  if (!orderId) return
  await syncOrderLedgerWorkflow(container).run({ input: { order_id: orderId } })
}

export const config: SubscriberConfig = {
  event: ["order.placed", "order.canceled", "payment.captured", "payment.refunded"],
  context: { subscriberId: "ocop-marketplace-ledger" },
}
