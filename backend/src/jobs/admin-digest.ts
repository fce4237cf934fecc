import type { MedusaContainer } from "@medusajs/framework/types"
import { notifyAdminDigestWorkflow } from "../workflows/notifications"

/** 01:00 UTC = 08:00 in Huế, before the office opens. OCOP_DIGEST_CRON overrides it. */
export const DIGEST_SCHEDULE = process.env.OCOP_DIGEST_CRON?.trim() || "0 1 * * *"

/** The office's daily digest; idempotent per admin and day, so an extra tick sends nothing. */
export default async function adminDigestJob(container: MedusaContainer) {
  const { result } = await notifyAdminDigestWorkflow(container).run({ input: {} })
  container.resolve("logger").info(`OCOP admin digest: sent ${result.sent.length}, already sent ${result.already_sent.length}, failed ${result.failed.length}`)
}

export const config = {
  name: "ocop-admin-digest",
  schedule: DIGEST_SCHEDULE,
}
