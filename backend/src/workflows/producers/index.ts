import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { Actor } from "../certifications/steps"
import {
  changeProducerStatusStep,
  createProducerStep,
  ProducerInput,
  producerProductIdsStep,
  updateProducerStep,
} from "./steps"
import { syncProductSellabilityWorkflow } from "../sellability"

export const OCOP_PRODUCER_STATUS_CHANGED = "ocop.producer.status_changed"
/** A producer's profile changed (name, district, type…): the search index re-reads its products. */
export const OCOP_PRODUCER_CHANGED = "ocop.producer.changed"

export const createProducerWorkflow = createWorkflow("ocop-create-producer", (input: ProducerInput) => {
  const producer = createProducerStep(input)
  return new WorkflowResponse(producer)
})

/** Profile edits (admin, or the producer itself); status changes have their own workflows. */
export const updateProducerWorkflow = createWorkflow(
  "ocop-update-producer",
  (input: Partial<ProducerInput> & { id: string }) => {
    const producer = updateProducerStep(input)
    const eventData = transform({ producer }, ({ producer }) => ({ id: producer.id }))
    emitEventStep({ eventName: OCOP_PRODUCER_CHANGED, data: eventData })
    return new WorkflowResponse(producer)
  }
)

type StatusInput = { id: string; reason?: string | null; actor?: Actor }

/** Builds approve/suspend/reject: change status, then re-evaluate every product of the producer. */
function producerStatusWorkflow(name: string, status: "approved" | "suspended" | "rejected", allowedFrom: string[]) {
  return createWorkflow(name, (input: StatusInput) => {
    const change = transform({ input }, ({ input }) => ({
      id: input.id,
      status,
      reason: input.reason ?? null,
      allowed_from: allowedFrom,
    }))
    const producer = changeProducerStatusStep(change)
    const productIds = producerProductIdsStep({ producer_id: input.id })
    const syncInput = transform({ productIds }, ({ productIds }) => ({ product_ids: productIds }))
    syncProductSellabilityWorkflow.runAsStep({ input: syncInput })
    const eventData = transform({ producer, input }, ({ producer, input }) => ({
      id: producer.id,
      status: producer.status,
      actor_id: input.actor?.actor_id ?? null,
    }))
    emitEventStep({ eventName: OCOP_PRODUCER_STATUS_CHANGED, data: eventData })
    return new WorkflowResponse(producer)
  })
}

export const approveProducerWorkflow = producerStatusWorkflow("ocop-approve-producer", "approved", ["pending", "suspended", "rejected"])
export const suspendProducerWorkflow = producerStatusWorkflow("ocop-suspend-producer", "suspended", ["approved", "pending"])
export const rejectProducerWorkflow = producerStatusWorkflow("ocop-reject-producer", "rejected", ["pending"])
