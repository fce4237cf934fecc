/**
 * What the store may see of OCOP records. Linked-module fields are dropped by
 * Medusa's store routes unless allowed, so this list is also the public contract
 * documented in the README ("Store fields").
 */
export const PUBLIC_PRODUCER_FIELDS = [
  "id",
  "handle",
  "legal_name",
  "type",
  "registration_number",
  "street",
  "commune",
  "district",
  "province",
  "latitude",
  "longitude",
  "phone",
  "email",
  "website",
  "story_vi",
  "story_en",
  "logo_url",
] as const

export const PUBLIC_CERTIFICATION_FIELDS = [
  "id",
  "certificate_number",
  "decision_number",
  "decision_date",
  "issuing_authority",
  "authority_level",
  "score",
  "stars",
  "potential_five_star",
  "taxonomy_version",
  "group_code",
  "subgroup",
  "valid_from",
  "valid_until",
  "status",
  "status_reason",
  "geographical_indication",
  "collective_trademark",
  "is_demo",
] as const

export const PUBLIC_EVENT_FIELDS = ["type", "from_status", "to_status", "from_stars", "to_stars", "from_score", "to_score", "reason", "occurred_at"] as const

/** Field names accepted in `fields=` on store product routes for the OCOP links. */
export const STORE_PRODUCT_OCOP_ALLOWED = [
  "producer",
  "certifications",
  ...PUBLIC_PRODUCER_FIELDS.map((f) => `producer.${f}`),
  ...PUBLIC_CERTIFICATION_FIELDS.map((f) => `certifications.${f}`),
]

export const STORE_PRODUCT_OCOP_FIELDS = [
  ...PUBLIC_PRODUCER_FIELDS.map((f) => `producer.${f}`),
  ...PUBLIC_CERTIFICATION_FIELDS.map((f) => `certifications.${f}`),
]
