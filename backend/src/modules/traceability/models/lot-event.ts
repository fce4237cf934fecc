import { model } from "@medusajs/framework/utils"
import Lot from "./lot"

/** Append-only log of what happened to a lot: recorded, edited (before any sale), corrected, superseded. */
const LotEvent = model
  .define("lot_event", {
    id: model.id({ prefix: "lotev" }).primaryKey(),
    lot: model.belongsTo(() => Lot, { mappedBy: "events" }),
    action: model.enum(["recorded", "edited", "corrected", "superseded"]),
    actor_type: model.text(),
    actor_id: model.text().nullable(),
    before: model.json().nullable(),
    after: model.json().nullable(),
    reason: model.text().nullable(),
  })
  .indexes([{ on: ["lot_id", "created_at"] }])

export default LotEvent
