import { z } from "@medusajs/framework/zod"
import { AUTHORITY_LEVELS, CERTIFICATION_STATUSES, OCOP_GROUP_CODES, PRODUCER_STATUSES, PRODUCER_TYPES } from "../../../modules/ocop/taxonomy"
import { findParams } from "../../utils/list-query"

/** ISO date ("2025-03-01") or date-time; anything else is a 400 that names the field. */
export function isValidIsoDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(v)) return false
  if (Number.isNaN(Date.parse(v))) return false
  // Date.parse rolls 2025-02-30 over to March: compare the calendar day itself.
  const day = v.slice(0, 10)
  return new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day
}
export const isoDate = z.string().refine(isValidIsoDate, {
  error: (issue) => `${issue.path?.join(".") || "date"} must be an ISO date such as 2025-03-01 or 2025-03-01T00:00:00Z`,
})
const text = (max: number) => z.string().trim().min(1).max(max)
const optionalText = (max: number) => z.string().trim().max(max).nullish()
const url = z.url().max(2000).nullish()

export const AdminCreateCertification = z
  .object({
    product_id: text(100),
    certificate_number: text(64).regex(/^[A-Za-z0-9\-_/.]+$/, "letters, digits and - _ / . only").transform((s) => s.toUpperCase()),
    decision_number: text(100),
    decision_date: isoDate,
    issuing_authority: text(200),
    authority_level: z.enum(AUTHORITY_LEVELS),
    score: z.number().int().min(0).max(100),
    stars: z.number().int().min(1).max(5),
    potential_five_star: z.boolean().default(false),
    group_code: z.enum(OCOP_GROUP_CODES),
    subgroup: optionalText(200),
    valid_from: isoDate.optional(),
    valid_until: isoDate.optional(),
    status: z.enum(["active", "pending_review"]).default("active"),
    evidence_url: url,
    geographical_indication: optionalText(200),
    collective_trademark: optionalText(200),
  })
  .strict()
export type AdminCreateCertificationType = z.infer<typeof AdminCreateCertification>

export const AdminUpdateCertification = z
  .object({
    evidence_url: url,
    subgroup: optionalText(200),
    geographical_indication: optionalText(200),
    collective_trademark: optionalText(200),
    valid_until: isoDate.optional(),
  })
  .strict()

export const AdminRerateCertification = z
  .object({
    score: z.number().int().min(0).max(100),
    stars: z.number().int().min(1).max(5),
    potential_five_star: z.boolean().optional(),
    decision_number: text(100).optional(),
    decision_date: isoDate.optional(),
    reason: text(1000),
  })
  .strict()
export type AdminRerateCertificationType = z.infer<typeof AdminRerateCertification>

export const AdminStatusReason = z.object({ reason: text(1000) }).strict()
export const AdminOptionalReason = z.object({ reason: text(1000).optional() }).strict()

export const AdminListCertifications = findParams(
  {
    status: z.preprocess((v) => (v === undefined || Array.isArray(v) ? v : [v]), z.array(z.enum(CERTIFICATION_STATUSES)).optional()),
    product_id: text(100).optional(),
    producer_id: text(100).optional(),
    expiring_within_days: z.coerce.number().int().min(0).max(3650).optional(),
    q: z.string().trim().max(200).optional(),
  },
  { defaultLimit: 50, maxLimit: 200 }
)
export type AdminListCertificationsType = z.infer<typeof AdminListCertifications>

const producerFields = {
  handle: text(120).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "lowercase letters, digits and hyphens, no accents"),
  legal_name: text(300),
  type: z.enum(PRODUCER_TYPES),
  registration_number: text(100),
  street: optionalText(300),
  commune: text(120),
  former_commune: optionalText(120),
  district: text(120).optional(),
  province: text(120).default("thành phố Huế"),
  latitude: z.number().min(-90).max(90).nullish(),
  longitude: z.number().min(-180).max(180).nullish(),
  phone: z.string().trim().max(40).regex(/^[+0-9 ()-]*$/, "digits, spaces, + ( ) - only").nullish(),
  email: z.email().max(320).nullish(),
  website: url,
  story_vi: optionalText(5000),
  story_en: optionalText(5000),
  logo_url: url,
}
export const AdminCreateProducer = z.object(producerFields).strict()
export type AdminCreateProducerType = z.infer<typeof AdminCreateProducer>
export const AdminUpdateProducer = z
  .object(Object.fromEntries(Object.entries(producerFields).map(([k, v]) => [k, (v as z.ZodTypeAny).optional()])))
  .strict()

export const AdminListProducers = findParams(
  {
    status: z.enum(PRODUCER_STATUSES).optional(),
    q: z.string().trim().max(200).optional(),
  },
  { defaultLimit: 50, maxLimit: 200 }
)
export type AdminListProducersType = z.infer<typeof AdminListProducers>

/** Runs the expiry job now. No clock override: expiring the future would be irreversible. */
export const AdminRunExpiry = z.object({}).strict()
export type AdminRunExpiryType = z.infer<typeof AdminRunExpiry>

export const AdminRecoverCheckouts = z
  .object({ older_than_seconds: z.number().int().min(0).max(7 * 24 * 3600).optional() })
  .strict()
export type AdminRecoverCheckoutsType = z.infer<typeof AdminRecoverCheckouts>
