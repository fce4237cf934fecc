/**
 * The OCOP contract: what the backend, the admin extensions, the storefront and the tests agree on.
 * Defined once here and imported by all of them — relatively inside the backend (src/admin
 * included), as `@hue-ocop/backend/ocop-contract` from the storefront and the tests (a subpath
 * export of the backend workspace; the storefront compiles it with `transpilePackages`).
 *
 * - the taxonomy (groups, statuses, producer types, authority levels): ./taxonomy
 * - the pure rules (star bands, validity, in force, current certificate, sellable): ./rules
 * - the public fields and DTO types of the store API, inferred from the data models
 *
 * Nothing here may import runtime code beyond ./taxonomy, ./rules and ./admin-units (pure, with its JSON): it is bundled into the
 * storefront. The models are imported for their types only.
 */
import type { InferTypeOf } from "@medusajs/framework/types"
import type Certification from "./models/certification"
import type CertificationEvent from "./models/certification-event"
import type Producer from "./models/producer"
import { currentCertification, isCertificationInForce } from "./rules"

export * from "./taxonomy"
export * from "./rules"
export * from "./admin-units"

/** What the store may see of OCOP records (linked-module fields must be allowed one by one). */
export const PUBLIC_PRODUCER_FIELDS = [
  "id",
  "handle",
  "legal_name",
  "type",
  "registration_number",
  "street",
  "commune",
  "former_commune",
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

/**
 * `status_reason` is not here: it is the curating admin's note (why a certificate
 * was suspended or revoked), not part of the public decision. The status itself is.
 */
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
  "geographical_indication",
  "collective_trademark",
  "is_demo",
] as const

/** History entries on the verification page; the free-text `reason` is an admin note (see above). */
export const PUBLIC_EVENT_FIELDS = ["type", "from_status", "to_status", "from_stars", "to_stars", "from_score", "to_score", "occurred_at"] as const

export type PublicProducerField = (typeof PUBLIC_PRODUCER_FIELDS)[number]
export type PublicCertificationField = (typeof PUBLIC_CERTIFICATION_FIELDS)[number]

/** A value as it arrives over JSON: dates become ISO strings. */
export type Jsonified<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] }

/** A producer as the store API returns it (`*producer`, `/store/producers`). */
export type PublicProducer = Jsonified<Pick<InferTypeOf<typeof Producer>, PublicProducerField>>

/** A certification decision as the store API returns it (`*certifications`, verification). */
export type PublicCertification = Jsonified<Pick<InferTypeOf<typeof Certification>, PublicCertificationField>>

/** A certification as the admin API returns it (every column; relations are loaded on demand). */
export type CertificationRecord = Jsonified<Omit<InferTypeOf<typeof Certification>, "producer" | "events" | "reminders_sent">>

/** One entry of a certification's history. */
export type CertificationEventRecord = Jsonified<Omit<InferTypeOf<typeof CertificationEvent>, "certification">>

/** A producer as the admin API returns it. */
export type ProducerRecord = Jsonified<Omit<InferTypeOf<typeof Producer>, "certifications">>

/**
 * The certificate the store shows for a product, computed by the backend: the latest decision in
 * force (or, failing that, the latest decision), and whether it is in force now. The storefront
 * shows it and never picks one itself.
 */
export type CurrentCertificate<C extends PublicCertification = PublicCertification> = C & { in_force: boolean }

/** The `current_certification` of a product from its certifications (as loaded for the store). */
export function toCurrentCertificate<C extends PublicCertification>(
  certifications: (C | null | undefined)[] | null | undefined,
  now: Date = new Date()
): CurrentCertificate<C> | null {
  const list = (certifications ?? []).filter((c): c is C => Boolean(c))
  const current = currentCertification(list, now)
  return current ? { ...current, in_force: isCertificationInForce(current, now) } : null
}

/** Where one producer's parcel of an order stands, from Medusa's shipped/delivered quantities of its lines. */
export const PARCEL_STATUSES = ["waiting", "partially_shipped", "shipped", "delivered"] as const
export type ParcelStatus = (typeof PARCEL_STATUSES)[number]

/**
 * One parcel of a shopper's order (`GET /store/orders/:id/parcels`): a producer's own lines and
 * the shipments (Medusa fulfillments) that producer made for them. `producer` is null for lines
 * no producer is recorded for (e.g. read in the instant before the order is linked to producers).
 */
export type StoreOrderParcel = {
  producer: Pick<PublicProducer, "id" | "handle" | "legal_name"> | null
  status: ParcelStatus
  items: { id: string; title: string; variant_title: string | null; thumbnail: string | null; quantity: number; shipped_quantity: number }[]
  shipments: {
    id: string
    shipped_at: string | null
    delivered_at: string | null
    carrier: string | null
    tracking: { number: string; url: string | null }[]
  }[]
}
