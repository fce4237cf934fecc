import { model } from "@medusajs/framework/utils"
import Certification from "./certification"

/** Append-only history of a certification: issued, re-rated, expired, revoked, suspended, reinstated. */
const CertificationEvent = model
  .define("certification_event", {
    id: model.id({ prefix: "ocertev" }).primaryKey(),
    type: model.enum(["submitted", "issued", "rerated", "expired", "revoked", "suspended", "reinstated", "rejected", "amended", "reminder_sent"]),
    from_status: model.text().nullable(),
    to_status: model.text().nullable(),
    from_stars: model.number().nullable(),
    to_stars: model.number().nullable(),
    from_score: model.number().nullable(),
    to_score: model.number().nullable(),
    reason: model.text().nullable(),
    actor_type: model.text().nullable(),
    actor_id: model.text().nullable(),
    occurred_at: model.dateTime(),
    certification: model.belongsTo(() => Certification, { mappedBy: "events" }),
  })
  .indexes([{ on: ["certification_id", "occurred_at"] }])

export default CertificationEvent
