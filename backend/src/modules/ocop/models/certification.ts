import { model } from "@medusajs/framework/utils"
import { AUTHORITY_LEVELS, CERTIFICATION_STATUSES } from "../taxonomy"
import CertificationEvent from "./certification-event"
import Producer from "./producer"

/**
 * One OCOP certification decision for one product ("Quyết định số …/QĐ-UBND").
 *
 * `product_id` is a plain column, not a foreign key: products live in Medusa's
 * product module, and the link to them is declared in src/links. Keeping the id
 * here lets Postgres enforce "one decision per authority and product" itself.
 * Every change of stars, score or status is appended to `events`; the row holds
 * the current state, the events hold the history.
 */
const Certification = model
  .define("certification", {
    id: model.id({ prefix: "ocert" }).primaryKey(),
    product_id: model.text(),
    producer: model.belongsTo(() => Producer, { mappedBy: "certifications" }),
    certificate_number: model.text().searchable(),
    decision_number: model.text().searchable(),
    decision_date: model.dateTime(),
    issuing_authority: model.text(),
    authority_level: model.enum([...AUTHORITY_LEVELS]),
    score: model.number(),
    stars: model.number(),
    potential_five_star: model.boolean().default(false),
    taxonomy_version: model.text(),
    group_code: model.text(),
    subgroup: model.text().nullable(),
    valid_from: model.dateTime(),
    valid_until: model.dateTime(),
    status: model.enum([...CERTIFICATION_STATUSES]).default("pending_review"),
    status_reason: model.text().nullable(),
    evidence_url: model.text().nullable(),
    geographical_indication: model.text().nullable(),
    collective_trademark: model.text().nullable(),
    reminders_sent: model.json().default({}),
    is_demo: model.boolean().default(false),
    events: model.hasMany(() => CertificationEvent, { mappedBy: "certification" }),
  })
  .cascades({ delete: ["events"] })
  .indexes([
    // A certificate number belongs to one decision on record. A producer's submission waiting
    // for review (or one rejected) holds no number: otherwise a producer could reserve the real
    // certificate's number and block the admin from recording it. The approval re-checks it.
    {
      name: "IDX_certification_certificate_number_recorded_unique",
      on: ["certificate_number"],
      unique: true,
      where: "deleted_at IS NULL AND status NOT IN ('pending_review', 'rejected')",
    },
    { on: ["certificate_number"] },
    { on: ["product_id", "issuing_authority", "decision_number"], unique: true, where: "deleted_at IS NULL" },
    { on: ["product_id"] },
    { on: ["producer_id"] },
    { on: ["status", "valid_until"] },
  ])
  .checks([
    { name: "ocop_certification_score_range", expression: (c) => `${c.score} >= 0 AND ${c.score} <= 100` },
    { name: "ocop_certification_stars_range", expression: (c) => `${c.stars} BETWEEN 1 AND 5` },
    { name: "ocop_certification_validity_order", expression: (c) => `${c.valid_until} > ${c.valid_from}` },
  ])

export default Certification
