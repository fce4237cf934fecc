import type { MedusaContainer } from "@medusajs/framework/types"
import { CHECKOUT_RECOVERY_AFTER_SECONDS, recoverHalfCompletedCheckouts } from "../workflows/checkout-recovery"

/**
 * Every minute by default (OCOP_CHECKOUT_RECOVERY_CRON overrides it; 6 fields = with seconds):
 * repairs checkouts a crashed process left half-completed (see workflows/checkout-recovery).
 * A shopper who retries is repaired at once by the complete route's middleware; this job covers
 * the shopper who never comes back, whose orphan order would otherwise hold stock forever.
 * Checkouts younger than OCOP_CHECKOUT_RECOVERY_AFTER_SECONDS (120: complete-cart's lock TTL)
 * are left to the process that may still be running them.
 */
export const CHECKOUT_RECOVERY_SCHEDULE = process.env.OCOP_CHECKOUT_RECOVERY_CRON?.trim() || "* * * * *"

export default async function recoverInterruptedCheckoutsJob(container: MedusaContainer) {
  const logger = container.resolve("logger")
  const { recovered, failed } = await recoverHalfCompletedCheckouts(container, { olderThanSeconds: CHECKOUT_RECOVERY_AFTER_SECONDS })
  for (const r of recovered) {
    logger.warn(`Checkout recovery: cart ${r.cart_id} ${r.action} (${r.reason}); orders taken back: ${r.order_ids.join(", ") || "none"}`)
  }
  for (const f of failed) logger.error(`Checkout recovery: cart ${f.cart_id} failed: ${f.message} (retried on the next run)`)
}

export const config = {
  name: "ocop-recover-interrupted-checkouts",
  schedule: CHECKOUT_RECOVERY_SCHEDULE,
}
