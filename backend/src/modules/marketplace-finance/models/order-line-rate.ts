import { model } from "@medusajs/framework/utils"

/**
 * The commission rate frozen on one order line when the order was placed (one row per
 * line, never changed), so a later rule change never re-prices an order already sold.
 */
const OrderLineRate = model
  .define("order_line_rate", {
    id: model.id({ prefix: "olrate" }).primaryKey(),
    order_id: model.text(),
    line_item_id: model.text(),
    producer_id: model.text(),
    group_code: model.text().nullable(),
    rate_bp: model.number(),
    commission_rule_id: model.text().nullable(),
    placed_at: model.dateTime(),
  })
  .indexes([
    { on: ["line_item_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["order_id"] },
  ])
  .checks([{ name: "order_line_rate_rate_range", expression: (c) => `${c.rate_bp} >= 0 AND ${c.rate_bp} <= 10000` }])

export default OrderLineRate
