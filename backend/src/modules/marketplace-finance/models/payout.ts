import { model } from "@medusajs/framework/utils"

export const PAYOUT_STATUSES = ["pending", "paid", "failed"] as const
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number]

/**
 * What the marketplace transfers to one producer in one currency for one payout run:
 * the sum of its payable ledger entries (payout_item), to the account verified at the
 * time (a snapshot, so a later change of account cannot redirect a pending payout).
 */
const Payout = model
  .define("payout", {
    id: model.id({ prefix: "payout" }).primaryKey(),
    run_id: model.text(),
    producer_id: model.text(),
    currency_code: model.text(),
    amount: model.bigNumber(),
    gross: model.bigNumber(),
    commission: model.bigNumber(),
    entry_count: model.number(),
    period_end: model.dateTime(),
    status: model.enum([...PAYOUT_STATUSES]).default("pending"),
    reference: model.text(),
    bank_bin: model.text().nullable(),
    account_number: model.text().nullable(),
    account_name: model.text().nullable(),
    vietqr_payload: model.text().nullable(),
    paid_at: model.dateTime().nullable(),
    bank_reference: model.text().nullable(),
    failed_at: model.dateTime().nullable(),
    failure_reason: model.text().nullable(),
  })
  .indexes([{ on: ["producer_id", "status"] }, { on: ["run_id"] }, { on: ["reference"], unique: true }])
  .checks([{ name: "payout_amount_positive", expression: (c) => `${c.amount} > 0` }])

export default Payout
