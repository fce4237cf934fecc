import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OCOP_MODULE } from "../../modules/ocop"
import type OcopModuleService from "../../modules/ocop/service"
import { certificateExpiryMessage, deliverMessages } from "../notifications/steps"

type Expired = { id: string; product_id: string; certificate_number: string }

/**
 * Marks every active certification past `valid_until` as expired and records
 * the change in its history. Runs under a lock (see the workflow), and only
 * touches rows still `active`, so a second run finds nothing to do.
 */
export const expireDueCertificationsStep = createStep(
  "ocop-expire-due-certifications",
  async (input: { now: string }, { container }) => {
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    const now = new Date(input.now)
    const due = await ocop.listCertifications(
      { status: "active", valid_until: { $lt: now } },
      { select: ["id", "product_id", "certificate_number", "stars", "score"] }
    )
    if (!due.length) return new StepResponse([] as Expired[], [] as string[])
    await ocop.updateCertifications(
      due.map((c) => ({ id: c.id, status: "expired", status_reason: "Validity period ended (36 months from the decision date)" })) as any
    )
    await ocop.createCertificationEvents(
      due.map((c) => ({
        certification_id: c.id,
        type: "expired",
        from_status: "active",
        to_status: "expired",
        from_stars: c.stars,
        to_stars: c.stars,
        from_score: c.score,
        to_score: c.score,
        reason: "Validity period ended",
        actor_type: "system",
        actor_id: "expire-certifications-job",
        occurred_at: now,
      })) as any
    )
    const expired = due.map((c) => ({ id: c.id, product_id: c.product_id, certificate_number: c.certificate_number }))
    return new StepResponse(expired, expired.map((c) => c.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    await ocop.updateCertifications(ids.map((id) => ({ id, status: "active", status_reason: null })) as any)
    const events = await ocop.listCertificationEvents({ certification_id: ids, type: "expired", actor_id: "expire-certifications-job" })
    if (events.length) await ocop.deleteCertificationEvents(events.map((e) => e.id))
  }
)

export const REMINDER_DAYS = [90, 30] as const

/**
 * Sends renewal reminders to the producer 90 and 30 days before a certificate
 * lapses, once per threshold (remembered in `reminders_sent`), as the
 * `ocop-certificate-expiry` email through Medusa's notification module.
 * Notifications cannot be unsent, so this is the last step. A reminder that
 * could not be sent is not marked: the next hourly run tries again (same
 * idempotency key, so it is never sent twice).
 */
export const sendRenewalRemindersStep = createStep(
  "ocop-send-renewal-reminders",
  async (input: { now: string }, { container }) => {
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const now = new Date(input.now)
    const horizon = new Date(now.getTime() + REMINDER_DAYS[0] * 86_400_000)
    const soon = await ocop.listCertifications({ status: "active", valid_until: { $gte: now, $lte: horizon } })
    const sent: { id: string; threshold: number }[] = []
    for (const cert of soon) {
      const daysLeft = Math.ceil((new Date(cert.valid_until).getTime() - now.getTime()) / 86_400_000)
      const reminders = (cert.reminders_sent ?? {}) as Record<string, string>
      // The smallest threshold reached decides: a cert 20 days out gets the 30-day reminder, not also the 90-day one.
      const threshold = [...REMINDER_DAYS].reverse().find((d) => daysLeft <= d)
      if (!threshold || reminders[String(threshold)]) continue
      const message = await certificateExpiryMessage(container, cert.id, threshold, now)
      if (message) {
        // Through the same path as every message: the producer's opt-out (the 90-day reminder is
        // non-essential) and the unsubscribe links; a skipped reminder counts as handled.
        const report = await deliverMessages(container, [message])
        if (report.failed.length) {
          logger.warn(`renewal reminder for certification ${cert.id} not sent; retried next run`)
          continue
        }
      }
      await ocop.updateCertifications({ id: cert.id, reminders_sent: { ...reminders, [String(threshold)]: now.toISOString() } } as any)
      await ocop.createCertificationEvents({
        certification_id: cert.id,
        type: "reminder_sent",
        reason: `Renewal reminder: ${daysLeft} days left (${threshold}-day notice)`,
        actor_type: "system",
        actor_id: "expire-certifications-job",
        occurred_at: now,
      } as any)
      sent.push({ id: cert.id, threshold })
    }
    return new StepResponse(sent)
  }
)
