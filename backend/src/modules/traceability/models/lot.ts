import { model } from "@medusajs/framework/utils"
import LotEvent from "./lot-event"
import TradeItem from "./trade-item"

/**
 * One production lot (batch) of a trade item: GS1 AI 10 (lot), AI 11 (production date),
 * AI 17 (expiry / best-before). A lot is never edited once a unit of it may have been sold;
 * a correction is a new lot row that `corrects_lot_id` the old one, which is then
 * `superseded_at` (and keeps resolving, saying so). Only one live lot per GTIN and lot number.
 */
const Lot = model
  .define("lot", {
    id: model.id({ prefix: "lot" }).primaryKey(),
    trade_item: model.belongsTo(() => TradeItem, { mappedBy: "lots" }),
    gtin: model.text(),
    product_id: model.text(),
    variant_id: model.text(),
    producer_id: model.text(),
    lot_number: model.text(),
    production_date: model.dateTime(),
    expiry_date: model.dateTime().nullable(),
    quantity: model.number(),
    notes: model.text().nullable(),
    corrects_lot_id: model.text().nullable(),
    superseded_at: model.dateTime().nullable(),
    is_demo: model.boolean().default(false),
    events: model.hasMany(() => LotEvent, { mappedBy: "lot" }),
  })
  .cascades({ delete: ["events"] })
  .indexes([
    { name: "IDX_lot_live_gtin_lot_number_unique", on: ["gtin", "lot_number"], unique: true, where: "deleted_at IS NULL AND superseded_at IS NULL" },
    { on: ["gtin", "lot_number"] },
    { on: ["producer_id", "created_at"] },
    { on: ["product_id"] },
  ])
  .checks([
    { name: "lot_quantity_positive", expression: (c) => `${c.quantity} > 0` },
    { name: "lot_expiry_after_production", expression: (c) => `${c.expiry_date} IS NULL OR ${c.expiry_date} > ${c.production_date}` },
    { name: "lot_number_gs1_safe", expression: (c) => `${c.lot_number} ~ '^[A-Z0-9][A-Z0-9-]{0,19}$'` },
  ])

export default Lot
