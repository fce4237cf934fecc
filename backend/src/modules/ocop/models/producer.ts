import { model } from "@medusajs/framework/utils"
import { PRODUCER_STATUSES, PRODUCER_TYPES } from "../taxonomy"
import Certification from "./certification"

/** An OCOP "subject" (chủ thể): the cooperative, enterprise, group or household that makes the goods. */
const Producer = model
  .define("producer", {
    id: model.id({ prefix: "prod_ocop" }).primaryKey(),
    handle: model.text(),
    legal_name: model.text().searchable(),
    type: model.enum([...PRODUCER_TYPES]),
    registration_number: model.text(),
    street: model.text().nullable(),
    // Since 1 July 2025 (Resolution 1675/NQ-UBTVQH15): `commune` is the current ward/commune
    // (one of modules/ocop/data/admin-units-2025.json), `former_commune` the one before, and
    // `district` the former district, kept as the producer's "area" (there is no district level any more).
    commune: model.text(),
    former_commune: model.text().nullable(),
    district: model.text(),
    province: model.text().default("thành phố Huế"),
    latitude: model.float().nullable(),
    longitude: model.float().nullable(),
    phone: model.text().nullable(),
    email: model.text().nullable(),
    website: model.text().nullable(),
    story_vi: model.text().nullable(),
    story_en: model.text().nullable(),
    logo_url: model.text().nullable(),
    status: model.enum([...PRODUCER_STATUSES]).default("pending"),
    status_reason: model.text().nullable(),
    status_changed_at: model.dateTime().nullable(),
    certifications: model.hasMany(() => Certification, { mappedBy: "producer" }),
  })
  .indexes([
    { on: ["handle"], unique: true, where: "deleted_at IS NULL" },
    { on: ["status"] },
    { on: ["district"] },
    { on: ["commune"] },
  ])
  .checks([
    { name: "ocop_producer_lat_range", expression: (c) => `${c.latitude} IS NULL OR (${c.latitude} BETWEEN -90 AND 90)` },
    { name: "ocop_producer_lng_range", expression: (c) => `${c.longitude} IS NULL OR (${c.longitude} BETWEEN -180 AND 180)` },
  ])

export default Producer
