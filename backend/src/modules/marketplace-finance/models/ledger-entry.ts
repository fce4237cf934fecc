import { model } from "@medusajs/framework/utils"

export const LEDGER_ENTRY_KINDS = ["earning", "reversal"] as const
export const LEDGER_SOURCE_TYPES = ["capture", "refund"] as const

/**
 * One line's share of one money movement (a payment capture or a refund), in integer
 * minor units of the order's currency (whole đồng for VND, cents for USD): see money.ts.
 * Append-only: nothing updates or deletes an entry; a refund, return or cancellation
 * appends reversals. `(source_id, line_item_id)` is unique, so replaying an event
 * (Medusa's event bus delivers at least once) appends nothing.
 */
const LedgerEntry = model
  .define("ledger_entry", {
    id: model.id({ prefix: "ledg" }).primaryKey(),
    order_id: model.text(),
    order_display_id: model.number().nullable(),
    line_item_id: model.text(),
    producer_id: model.text(),
    currency_code: model.text(),
    kind: model.enum([...LEDGER_ENTRY_KINDS]),
    source_type: model.enum([...LEDGER_SOURCE_TYPES]),
    source_id: model.text(),
    payment_method: model.text().nullable(),
    gross: model.bigNumber(),
    shipping: model.bigNumber(),
    commission: model.bigNumber(),
    net: model.bigNumber(),
    rate_bp: model.number(),
    commission_rule_id: model.text().nullable(),
    occurred_at: model.dateTime(),
  })
  .indexes([
    { on: ["source_id", "line_item_id"], unique: true },
    { on: ["producer_id", "currency_code", "occurred_at"] },
    { on: ["order_id"] },
  ])
  .checks([
    { name: "ledger_entry_net_adds_up", expression: (c) => `${c.gross} = ${c.net} + ${c.commission}` },
    {
      name: "ledger_entry_sign",
      expression: (c) => `(${c.kind} = 'earning' AND ${c.gross} >= 0) OR (${c.kind} = 'reversal' AND ${c.gross} <= 0)`,
    },
  ])

export default LedgerEntry
