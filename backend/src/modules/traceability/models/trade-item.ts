import { model } from "@medusajs/framework/utils"
import Lot from "./lot"

/**
 * A variant's GS1 Global Trade Item Number, stored as GTIN-14 (a GTIN-13 with a leading 0),
 * the form GS1 Digital Link URIs use. One GTIN per variant and one variant per GTIN.
 * `is_demo`: the demo catalogue's GTINs use Vietnam's prefix 893 but are invented.
 */
const TradeItem = model
  .define("trade_item", {
    id: model.id({ prefix: "gtin" }).primaryKey(),
    gtin: model.text(),
    product_id: model.text(),
    variant_id: model.text(),
    producer_id: model.text(),
    is_demo: model.boolean().default(false),
    lots: model.hasMany(() => Lot, { mappedBy: "trade_item" }),
  })
  .indexes([
    { on: ["gtin"], unique: true, where: "deleted_at IS NULL" },
    { on: ["variant_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["product_id"] },
    { on: ["producer_id"] },
  ])
  .checks([{ name: "trade_item_gtin14_digits", expression: (c) => `${c.gtin} ~ '^[0-9]{14}$'` }])

export default TradeItem
