import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  Actor,
  CertificationChange,
  CertificationInput,
  changeCertificationStep,
  createCertificationStep,
  validateCertificationStep,
} from "./steps"
import { syncProductSellabilityWorkflow } from "../sellability"

export const OCOP_EVENTS = {
  certificationCreated: "ocop.certification.created",
  certificationChanged: "ocop.certification.changed",
  certificationExpired: "ocop.certification.expired",
  certificationRevoked: "ocop.certification.revoked",
  producerChanged: "ocop.producer.changed",
} as const

/** Records a certification decision for a product, then re-evaluates whether it may be sold. */
export const createCertificationWorkflow = createWorkflow(
  "ocop-create-certification",
  (input: CertificationInput & { actor?: Actor }) => {
    const validated = validateCertificationStep(input)
    const withActor = transform({ validated, input }, ({ validated, input }) => ({ ...validated, actor: input.actor }))
    const certification = createCertificationStep(withActor)
    const productIds = transform({ certification }, ({ certification }) => ({ product_ids: [certification.product_id] }))
    syncProductSellabilityWorkflow.runAsStep({ input: productIds })
    const eventData = transform({ certification }, ({ certification }) => ({
      id: certification.id,
      product_id: certification.product_id,
    }))
    emitEventStep({ eventName: OCOP_EVENTS.certificationCreated, data: eventData })
    return new WorkflowResponse(certification)
  }
)

/** Re-rating, revocation, suspension, reinstatement: one history entry each, then re-evaluation. */
export const changeCertificationWorkflow = createWorkflow(
  "ocop-change-certification",
  (input: CertificationChange) => {
    const certification = changeCertificationStep(input)
    const productIds = transform({ certification }, ({ certification }) => ({ product_ids: [certification.product_id] }))
    syncProductSellabilityWorkflow.runAsStep({ input: productIds })
    const eventData = transform({ certification, input }, ({ certification, input }) => ({
      id: certification.id,
      product_id: certification.product_id,
      type: input.type,
      status: certification.status,
    }))
    const eventName = transform({ input }, ({ input }) =>
      input.type === "revoked"
        ? OCOP_EVENTS.certificationRevoked
        : input.type === "expired"
          ? OCOP_EVENTS.certificationExpired
          : OCOP_EVENTS.certificationChanged
    )
    emitEventStep({ eventName, data: eventData })
    return new WorkflowResponse(certification)
  }
)
