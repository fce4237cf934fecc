import type { MedusaContainer } from "@medusajs/framework/types"
import { expireCertificationsWorkflow } from "../workflows/expire-certifications"

/** Hourly: expire lapsed OCOP certifications and send renewal reminders. */
export default async function expireCertificationsJob(container: MedusaContainer) {
  const { result } = await expireCertificationsWorkflow(container).run({ input: {} })
  const logger = container.resolve("logger")
  if (result.expired.length || result.reminders.length) {
    logger.info(`OCOP: expired ${result.expired.length} certification(s), sent ${result.reminders.length} renewal reminder(s)`)
  }
}

export const config = {
  name: "ocop-expire-certifications",
  schedule: "5 * * * *",
}
