import { z } from "@medusajs/framework/zod"
import { OCOP_GROUP_CODES, PRODUCER_TYPES } from "../../../../modules/ocop/taxonomy"
import { SEARCH_CURRENCIES } from "../../../../search/_document"
import { SEARCH_SORTS } from "../../../../search/_query"
import { MAX_QUERY_LENGTH } from "../../../../search/_text"

/** Empty query-string values (`price_min=`) mean "not set"; lists may repeat (`stars=4&stars=5`) or be comma-separated. */
const blank = (v: unknown) => (v === "" ? undefined : v)
const list = (v: unknown) => {
  if (v === undefined || v === "") return undefined
  const values = (Array.isArray(v) ? v : [v]).flatMap((x) => (typeof x === "string" ? x.split(",") : [x]))
  const cleaned = values.map((x) => (typeof x === "string" ? x.trim() : x)).filter((x) => x !== "")
  return cleaned.length ? cleaned : undefined
}
const many = <T extends z.ZodTypeAny>(item: T) => z.preprocess(list, z.array(item).max(20).optional())
const money = z.preprocess(blank, z.coerce.number().finite().min(0).max(1_000_000_000_000).optional())

/**
 * GET /store/ocop/search. Strict: an unknown parameter, an unknown group or
 * producer type, a star level outside 3–5 or a malformed number is a 400 that
 * says which parameter is wrong. Unknown districts are not errors (they are free
 * text); they simply match nothing.
 */
export const StoreOcopSearch = z
  .object({
    q: z.preprocess(blank, z.string().max(MAX_QUERY_LENGTH, `must be at most ${MAX_QUERY_LENGTH} characters`).optional()),
    stars: many(z.coerce.number().int().min(3).max(5)),
    group: many(z.enum(OCOP_GROUP_CODES)),
    district: many(z.string().min(1).max(100)),
    commune: many(z.string().min(1).max(100)),
    producer_type: many(z.enum(PRODUCER_TYPES)),
    price_min: money,
    price_max: money,
    currency: z.preprocess(
      (v) => (typeof v === "string" && v ? v.toLowerCase() : blank(v)),
      z.enum(SEARCH_CURRENCIES).default("vnd")
    ),
    sort: z.preprocess(blank, z.enum(SEARCH_SORTS).default("relevance")),
    limit: z.preprocess(blank, z.coerce.number().int().min(1).max(100).default(24)),
    offset: z.preprocess(blank, z.coerce.number().int().min(0).max(10_000).default(0)),
  })
  .strict()
  .refine((v) => v.price_min === undefined || v.price_max === undefined || v.price_min <= v.price_max, {
    message: "price_min must not be greater than price_max",
    path: ["price_min"],
  })

export type StoreOcopSearchType = z.infer<typeof StoreOcopSearch>
