/**
 * What the store may see of OCOP records (the lists live in the OCOP contract,
 * modules/ocop/contract.ts). Linked-module fields are dropped by Medusa's store
 * routes unless allowed.
 */
import { PUBLIC_CERTIFICATION_FIELDS, PUBLIC_PRODUCER_FIELDS } from "../../modules/ocop/contract"

export { PUBLIC_CERTIFICATION_FIELDS, PUBLIC_EVENT_FIELDS, PUBLIC_PRODUCER_FIELDS } from "../../modules/ocop/contract"

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
