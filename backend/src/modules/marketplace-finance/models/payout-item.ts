import { model } from "@medusajs/framework/utils"

/**
 * A ledger entry settled by a payout. `ledger_entry_id` is unique: whatever runs
 * concurrently, PostgreSQL lets an entry into one payout only.
 */
const PayoutItem = model
  .define("payout_item", {
    id: model.id({ prefix: "poitem" }).primaryKey(),
    payout_id: model.text(),
    ledger_entry_id: model.text(),
  })
  .indexes([
    { on: ["ledger_entry_id"], unique: true },
    { on: ["payout_id"] },
  ])

export default PayoutItem
