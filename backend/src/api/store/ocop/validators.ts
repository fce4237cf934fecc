import { z } from "@medusajs/framework/zod"
import { OCOP_GROUP_CODES, PRODUCER_TYPES } from "../../../modules/ocop/taxonomy"

const many = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]), z.array(item).max(50).optional())

/** OCOP filters accepted on GET /store/products (stripped before Medusa's own validator runs). */
export const StoreProductOcopFilters = z
  .object({
    ocop_stars: many(z.coerce.number().int().min(3).max(5)),
    ocop_group: many(z.enum(OCOP_GROUP_CODES)),
    district: many(z.string().min(1).max(100)),
    province: many(z.string().min(1).max(100)),
    producer_type: many(z.enum(PRODUCER_TYPES)),
  })
  .strict()

export type StoreProductOcopFiltersType = z.infer<typeof StoreProductOcopFilters>

export const CertificateNumberParam = z.object({
  number: z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9\-_/.]+$/, "certificate numbers contain only letters, digits and - _ / ."),
})


/** The most entries one sitemap request returns: a 50 000-URL sitemap page is 25 000 entries (vi + en). */
export const SITEMAP_MAX_LIMIT = 25_000

export const StoreSitemapQuery = z
  .object({
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
    limit: z.coerce.number().int().min(0).max(SITEMAP_MAX_LIMIT).default(1_000),
  })
  .strict()
export type StoreSitemapQueryType = z.infer<typeof StoreSitemapQuery>
