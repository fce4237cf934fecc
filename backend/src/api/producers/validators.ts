/** Strict zod schemas of the producer portal: unknown fields are a 400 that names them. */
import { z } from "@medusajs/framework/zod"
import { findParams } from "../utils/list-query"
import { OCOP_GROUP_CODES, PRODUCER_TYPES } from "../../modules/ocop/taxonomy"
import { checkValidityWindow } from "../../modules/ocop/rules"
import { AdminCreateCertification } from "../admin/ocop/validators"

const text = (max: number) => z.string().trim().min(1).max(max)
const optionalText = (max: number) => z.string().trim().max(max).nullish()
const httpUrl = z
  .url()
  .max(2000)
  .refine((u) => /^https?:\/\//i.test(u), { error: (issue) => `${issue.path?.join(".") || "url"} must be an http(s) URL` })
const phone = z.string().trim().max(40).regex(/^[+0-9 ()-]*$/, "digits, spaces, + ( ) - only")

const legalFields = {
  legal_name: text(300),
  type: z.enum(PRODUCER_TYPES),
  registration_number: text(100),
  street: optionalText(300),
  // One of the 40 current wards/communes (or a former commune, converted): api/utils/producer-address.ts.
  commune: text(120),
  former_commune: optionalText(120),
  // The former district ("area"): derived from the commune when not given.
  district: text(120).optional(),
  province: text(120).default("thành phố Huế"),
}
const publicFields = {
  phone: phone.nullish(),
  email: z.email().max(320).nullish(),
  website: httpUrl.nullish(),
  story_vi: optionalText(5000),
  story_en: optionalText(5000),
  logo_url: httpUrl.nullish(),
  latitude: z.number().min(-90).max(90).nullish(),
  longitude: z.number().min(-180).max(180).nullish(),
}

const person = z
  .object({
    first_name: text(100),
    last_name: text(100),
    phone: phone.nullish(),
  })
  .strict()

/** POST /producers — the application: legal data, public profile, and the owner. */
export const ProducerApply = z
  .object({
    ...legalFields,
    ...publicFields,
    handle: text(120)
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "lowercase letters, digits and hyphens, no accents")
      .optional(),
    owner: person,
  })
  .strict()
export type ProducerApplyType = z.infer<typeof ProducerApply>

/** POST /producers/me — any profile field; the route enforces which ones an approved producer may change. */
export const ProducerUpdateProfile = z
  .object({
    legal_name: legalFields.legal_name.optional(),
    type: legalFields.type.optional(),
    registration_number: legalFields.registration_number.optional(),
    street: legalFields.street,
    commune: legalFields.commune.optional(),
    former_commune: legalFields.former_commune,
    district: legalFields.district,
    province: text(120).optional(),
    ...publicFields,
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { error: "send at least one field to change" })
export type ProducerUpdateProfileType = z.infer<typeof ProducerUpdateProfile>

export const ProducerInviteMember = z
  .object({
    email: z.email().max(320).transform((e) => e.toLowerCase()),
    role: z.enum(["member"]).default("member"),
  })
  .strict()
export type ProducerInviteMemberType = z.infer<typeof ProducerInviteMember>

export const ProducerAcceptInvite = z
  .object({
    token: z.string().trim().min(20).max(200),
    first_name: text(100),
    last_name: text(100),
    phone: phone.nullish(),
  })
  .strict()
export type ProducerAcceptInviteType = z.infer<typeof ProducerAcceptInvite>

const vnd = z.number().int("VND has no decimals").min(1000).max(1_000_000_000)
const usd = z
  .number()
  .min(0.01)
  .max(1_000_000)
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, {
    error: (issue) => `${issue.path?.join(".") || "usd"}: USD prices have at most 2 decimals`,
  })
const stock = z.number().int().min(0).max(1_000_000)
const sku = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9\-_.]+$/, "letters, digits and - _ . only")
  .transform((s) => s.toUpperCase())

const newVariant = z
  .object({
    title: text(100),
    sku: sku.optional(),
    prices: z.object({ vnd, usd }).strict(),
    stock,
  })
  .strict()

const content = {
  title_vi: text(200),
  title_en: text(200),
  subtitle_vi: optionalText(300),
  subtitle_en: optionalText(300),
  description_vi: text(5000),
  description_en: text(5000),
  group: z.enum(OCOP_GROUP_CODES),
  subgroup: optionalText(200),
  images: z.array(httpUrl).max(8),
  weight_g: z.number().int().min(1).max(100_000).nullish(),
}

/** POST /producers/me/products */
export const ProducerCreateListing = z
  .object({
    ...content,
    images: content.images.default([]),
    variants: z
      .array(newVariant)
      .min(1)
      .max(20)
      .refine((vs) => new Set(vs.map((v) => v.title.toLowerCase())).size === vs.length, { error: "variants: titles must be unique" })
      .refine((vs) => {
        const skus = vs.map((v) => v.sku).filter(Boolean)
        return new Set(skus).size === skus.length
      }, { error: "variants: SKUs must be unique" }),
  })
  .strict()
export type ProducerCreateListingType = z.infer<typeof ProducerCreateListing>

/** POST /producers/me/products/:id — content (reviewed) and/or prices and stock of existing variants (at once). */
export const ProducerUpdateListing = z
  .object({
    title_vi: content.title_vi.optional(),
    title_en: content.title_en.optional(),
    subtitle_vi: content.subtitle_vi,
    subtitle_en: content.subtitle_en,
    description_vi: content.description_vi.optional(),
    description_en: content.description_en.optional(),
    group: content.group.optional(),
    subgroup: content.subgroup,
    images: content.images.optional(),
    weight_g: content.weight_g,
    variants: z
      .array(
        z
          .object({
            id: text(100),
            prices: z.object({ vnd: vnd.optional(), usd: usd.optional() }).strict().optional(),
            stock: stock.optional(),
          })
          .strict()
      )
      .min(1)
      .max(20)
      .refine((vs) => new Set(vs.map((v) => v.id)).size === vs.length, { error: "variants: each variant id at most once" })
      .optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { error: "send at least one field to change" })
export type ProducerUpdateListingType = z.infer<typeof ProducerUpdateListing>

/** POST /producers/me/products/:id/certification — the decision, with its evidence document (required). */
export const ProducerSubmitCertification = AdminCreateCertification.omit({ product_id: true, status: true, group_code: true })
  .extend({
    evidence_url: httpUrl,
    group_code: z.enum(OCOP_GROUP_CODES).optional(),
  })
  .strict()
  // A producer's own dates are bounded by the rule (36 months): otherwise an approved
  // submission would keep the listing on sale for as long as the producer typed.
  .superRefine((body, ctx) => {
    if (!body.valid_until) return
    const problem = checkValidityWindow(new Date(body.valid_from ?? body.decision_date), new Date(body.valid_until))
    if (problem) ctx.addIssue({ code: "custom", path: ["valid_until"], message: problem })
  })
export type ProducerSubmitCertificationType = z.infer<typeof ProducerSubmitCertification>

export const ProducerListQuery = findParams({}, { defaultLimit: 20, maxLimit: 100 })
export type ProducerListQueryType = z.infer<typeof ProducerListQuery>

export const ProducerShipItems = z
  .object({
    items: z
      .array(z.object({ id: text(100), quantity: z.number().int().min(1).max(100_000) }).strict())
      .min(1)
      .max(100)
      .refine((is) => new Set(is.map((i) => i.id)).size === is.length, { error: "items: each item at most once" })
      .optional(),
    tracking_number: text(100).optional(),
    carrier: text(100).optional(),
    tracking_url: httpUrl.optional(),
  })
  .strict()
export type ProducerShipItemsType = z.infer<typeof ProducerShipItems>

export const AdminListListingChanges = findParams(
  {
    producer_id: text(100).optional(),
    product_id: text(100).optional(),
    subject: z.enum(["producer", "product", "certification", "member", "order"]).optional(),
    requires_review: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
    // `reviewed=false` with `requires_review=true` is the office's queue: changes still waiting for a decision.
    reviewed: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
  },
  { defaultLimit: 50, maxLimit: 200 }
)
export type AdminListListingChangesType = z.infer<typeof AdminListListingChanges>

/** POST /admin/ocop/listing-changes/:id/review — a rejection always says why (the producer reads it). */
export const AdminReviewListingChange = z
  .discriminatedUnion("decision", [
    z.object({ decision: z.literal("approved"), note: text(1000).optional() }).strict(),
    z.object({ decision: z.literal("rejected"), note: text(1000).min(3, { error: "note: say why the change is rejected" }) }).strict(),
  ])
export type AdminReviewListingChangeType = z.infer<typeof AdminReviewListingChange>
