import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  adminDigestMessagesStep,
  certificateExpiredMessagesStep,
  listingReviewedMessagesStep,
  orderCanceledMessagesStep,
  orderPlacedMessagesStep,
  passwordResetMessagesStep,
  paymentReceivedMessagesStep,
  paymentRefundedMessagesStep,
  type PasswordResetInput,
  producerDecisionMessagesStep,
  producerOrderMessagesStep,
  sendMessagesStep,
  shipmentMessagesStep,
} from "./steps"

/**
 * One workflow per event that tells someone something: a step reads what the message needs
 * (no side effect), then sendMessagesStep sends through the Notification Module. Subscribers
 * only run these. Each message has an idempotency key derived from the event, so running a
 * workflow again for the same event (a redelivery) sends nothing new.
 */
export const notifyOrderPlacedWorkflow = createWorkflow("ocop-notify-order-placed", (input: { order_id: string }) => {
  const messages = orderPlacedMessagesStep(input)
  return new WorkflowResponse(sendMessagesStep(messages))
})

/** Run after linkOrderToProducersWorkflow: each producer's lines come from that link. */
export const notifyProducersOfOrderWorkflow = createWorkflow("ocop-notify-producers-of-order", (input: { order_id: string }) => {
  const messages = producerOrderMessagesStep(input)
  return new WorkflowResponse(sendMessagesStep(messages))
})

export const notifyShipmentWorkflow = createWorkflow("ocop-notify-shipment", (input: { fulfillment_id: string }) => {
  const messages = shipmentMessagesStep(input)
  return new WorkflowResponse(sendMessagesStep(messages))
})

export const notifyProducerDecisionWorkflow = createWorkflow(
  "ocop-notify-producer-decision",
  (input: { producer_id: string; status: string }) => {
    const messages = producerDecisionMessagesStep(input)
    return new WorkflowResponse(sendMessagesStep(messages))
  }
)

export const notifyListingReviewedWorkflow = createWorkflow(
  "ocop-notify-listing-reviewed",
  (input: { product_id: string; producer_id: string; decision: string }) => {
    const messages = listingReviewedMessagesStep(input)
    return new WorkflowResponse(sendMessagesStep(messages))
  }
)

export const notifyCertificateExpiredWorkflow = createWorkflow(
  "ocop-notify-certificate-expired",
  (input: { certification_id: string }) => {
    const messages = certificateExpiredMessagesStep(input)
    return new WorkflowResponse(sendMessagesStep(messages))
  }
)

export const notifyPaymentReceivedWorkflow = createWorkflow("ocop-notify-payment-received", (input: { payment_id: string }) => {
  const messages = paymentReceivedMessagesStep(input)
  return new WorkflowResponse(sendMessagesStep(messages))
})

export const notifyOrderCanceledWorkflow = createWorkflow("ocop-notify-order-canceled", (input: { order_id: string }) => {
  const messages = orderCanceledMessagesStep(input)
  return new WorkflowResponse(sendMessagesStep(messages))
})

export type { PasswordResetInput }

/** A password-reset link by email (customer, producer or admin user). */
export const notifyPasswordResetWorkflow = createWorkflow("ocop-notify-password-reset", (input: PasswordResetInput) => {
  const messages = passwordResetMessagesStep(input)
  return new WorkflowResponse(sendMessagesStep(messages))
})

/** A refund outside a cancellation (Medusa's refundPaymentWorkflow emits payment.refunded). */
export const notifyPaymentRefundedWorkflow = createWorkflow("ocop-notify-payment-refunded", (input: { payment_id: string }) => {
  const messages = paymentRefundedMessagesStep(input)
  return new WorkflowResponse(sendMessagesStep(messages))
})

/** The office's daily digest (jobs/admin-digest.ts; POST /admin/ocop/jobs/admin-digest runs it now). */
export const notifyAdminDigestWorkflow = createWorkflow("ocop-notify-admin-digest", (input: { now?: string }) => {
  const messages = adminDigestMessagesStep(input)
  return new WorkflowResponse(sendMessagesStep(messages))
})
