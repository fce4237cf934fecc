import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { OCOP_EVENTS } from "../certifications"
import { expireDueCertificationsStep, sendRenewalRemindersStep } from "./steps"
import { syncProductSellabilityWorkflow } from "../sellability"

const LOCK_KEY = "ocop:expire-certifications"

/**
 * Expires lapsed certifications, unlists their products at once, emits
 * `ocop.certification.expired`, and sends 90/30-day renewal reminders.
 * Idempotent and safe to run concurrently: a lock serialises runs, and each run
 * only acts on rows that still need it.
 */
export const expireCertificationsWorkflow = createWorkflow(
  "ocop-expire-certifications",
  (input: { now?: string }) => {
    const at = transform({ input }, ({ input }) => ({ now: input.now ?? new Date().toISOString() }))
    acquireLockStep({ key: LOCK_KEY, timeout: 30, ttl: 120 })
    const expired = expireDueCertificationsStep(at)
    const productIds = transform({ expired }, ({ expired }) => ({ product_ids: expired.map((e) => e.product_id) }))
    syncProductSellabilityWorkflow.runAsStep({ input: productIds })
    when({ expired }, ({ expired }) => expired.length > 0).then(() => {
      const events = transform({ expired }, ({ expired }) =>
        expired.map((e) => ({ id: e.id, product_id: e.product_id, certificate_number: e.certificate_number }))
      )
      emitEventStep({ eventName: OCOP_EVENTS.certificationExpired, data: events })
    })
    const reminders = sendRenewalRemindersStep(at)
    releaseLockStep({ key: LOCK_KEY })
    return new WorkflowResponse({ expired, reminders })
  }
)
