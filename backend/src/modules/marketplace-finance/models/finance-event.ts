import { model } from "@medusajs/framework/utils"

/**
 * The history of every change to commission rules, bank accounts and payouts: who did
 * what, when, with a snapshot of the record after the change. Appended, never edited.
 */
const FinanceEvent = model
  .define("finance_event", {
    id: model.id({ prefix: "finev" }).primaryKey(),
    subject_type: model.enum(["commission_rule", "bank_account", "payout"]),
    subject_id: model.text(),
    producer_id: model.text().nullable(),
    action: model.text(),
    actor_type: model.text().nullable(),
    actor_id: model.text().nullable(),
    data: model.json().nullable(),
  })
  .indexes([{ on: ["subject_type", "subject_id"] }, { on: ["producer_id"] }])

export default FinanceEvent
