import os from "node:os"
import type { MedusaContainer } from "@medusajs/framework/types"
import { expireCertificationsWorkflow } from "../workflows/certification-expiry"

/**
 * Hourly by default. OCOP_EXPIRY_CRON overrides it (5 or 6 fields; a leading
 * seconds field is accepted), which the scale-out test uses to see several
 * ticks in seconds. Read once, when the worker loads its jobs.
 */
export const EXPIRY_SCHEDULE = process.env.OCOP_EXPIRY_CRON?.trim() || "5 * * * *"

/** Which process ran a tick: OCOP_INSTANCE when set (e.g. the container name), else host and pid. */
function instance(): string {
  return `${process.env.OCOP_INSTANCE || os.hostname()} pid=${process.pid} mode=${process.env.MEDUSA_WORKER_MODE || "shared"}`
}

/**
 * Expires lapsed OCOP certifications and sends renewal reminders.
 *
 * Every run logs one line naming the process, so operators running several
 * workers (and the scale-out test) can see each tick ran once in total.
 */
export default async function expireCertificationsJob(container: MedusaContainer, context?: { scheduledFor?: Date }) {
  const logger = container.resolve("logger")
  const startedAt = new Date()
  const { result } = await expireCertificationsWorkflow(container).run({ input: {} })
  logger.info(
    `OCOP expiry job: run at=${startedAt.toISOString()} queued=${context?.scheduledFor?.toISOString?.() ?? "-"} ` +
      `on ${instance()}: expired ${result.expired.length} certification(s), sent ${result.reminders.length} renewal reminder(s)`
  )
}

export const config = {
  name: "ocop-expire-certifications",
  schedule: EXPIRY_SCHEDULE,
}
