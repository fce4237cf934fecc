/**
 * Marketplace money workflows: the ledger (from Medusa's order and payment events),
 * commission rules, producer bank accounts and payout runs. Every write is a step with
 * its compensation; routes and subscribers only run these.
 */
import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendOrderMovementsStep, freezeOrderRatesStep } from "./ledger-steps"

export * from "./admin-workflows"

/**
 * Brings one order's ledger up to date: freezes its lines' commission rates (once, as at
 * placement) and appends an entry per line for every capture (card or bank transfer paid,
 * COD cash collected) and every refund (return, cancellation) not booked yet. Idempotent:
 * every order/payment event runs it, replays append nothing.
 */
export const syncOrderLedgerWorkflow = createWorkflow("marketplace-finance-sync-order-ledger", (input: { order_id: string }) => {
  const frozen = freezeOrderRatesStep(input)
  const appended = appendOrderMovementsStep(input)
  return new WorkflowResponse({ frozen, appended })
})
