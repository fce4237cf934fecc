import { validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"

/**
 * The query schema of one of our list routes: Medusa's find params (`limit`/`offset`, coerced from the query string
 * as on Medusa's own list routes) within this route's bounds, plus the route's filters.
 *
 * `fields`, `order` and `with_deleted` are left out on purpose: these routes answer fixed public shapes
 * (api/utils/public-fields.ts), so a client can neither widen what they return nor reach deleted rows.
 */
export function findParams<Filters extends z.ZodRawShape>(filters: Filters, { defaultLimit, maxLimit }: { defaultLimit: number; maxLimit: number }) {
  const params = createFindParams({ limit: defaultLimit, offset: 0 })
    .pick({ limit: true, offset: true })
    .extend(filters)
    .strict()
    .superRefine((query, ctx) => {
      // The generic filters hide the page fields from the inferred type; they are always there (defaults).
      const { limit, offset } = query as unknown as { limit: number; offset: number }
      if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) {
        ctx.addIssue({ code: "custom", path: ["limit"], message: `limit must be a whole number from 1 to ${maxLimit}` })
      }
      if (!Number.isInteger(offset) || offset < 0 || offset > 100_000) {
        ctx.addIssue({ code: "custom", path: ["offset"], message: "offset must be a whole number from 0 to 100000" })
      }
    })
  // createFindParams reads the page with parseInt, so `limit=1e400` or `limit=12abc` would pass as 1 and 12: the
  // query string's page values must be plain whole numbers first.
  return z.preprocess((query, ctx) => {
    for (const key of ["limit", "offset"] as const) {
      const raw = (query as Record<string, unknown> | undefined)?.[key]
      if (raw !== undefined && !(typeof raw === "string" && /^-?\d{1,9}$/.test(raw)) && typeof raw !== "number") {
        ctx.addIssue({ code: "custom", path: [key], message: `${key} must be a whole number`, input: raw })
      }
    }
    return query
  }, params)
}

/**
 * Validates a list route's query the way Medusa validates its own (`validateAndTransformQuery`): strict, so an
 * unknown parameter is a 400 naming it, in Medusa's error wording; sets `req.validatedQuery`,
 * `req.filterableFields` and `req.queryConfig.pagination` as on Medusa's routes.
 */
export const listQuery = (schema: z.ZodType) => validateAndTransformQuery(schema, { isList: true })

/** Validates a non-list route's query the same way (`req.validatedQuery`). */
export const routeQuery = (schema: z.ZodType) => validateAndTransformQuery(schema, {})
