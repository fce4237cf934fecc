/**
 * The tuned PostgreSQL provider's SQL helpers (src/search/postgres). Its
 * behaviour against a real database is covered by the conformance suite.
 */
import { describe, expect, it } from "vitest"
import { buildIndexPlan } from "@medusajs/search-postgres/dist/utils"
import { productIndexSettings, productSearchFields } from "../../backend/src/search/_definition"
import {
  disjointNumericRanges,
  groupedFacetSql,
  sortExpressions,
  OCOP_POSTGRES_PROVIDER,
  OcopPostgresSearchService,
  typoColumnSql,
  typoPaths,
} from "../../backend/src/search/postgres/_service"

const plan = buildIndexPlan({
  name: "product",
  entity: "product",
  primary_key: "id",
  provider: OCOP_POSTGRES_PROVIDER,
  physical_name: "product_v1",
  definition_hash: "x",
  fields: productSearchFields.toFields(),
  settings: productIndexSettings,
} as any) as any

describe("tuned PostgreSQL provider", () => {
  it("has its own identifier, so switching to it rebuilds the index", () => {
    expect(OcopPostgresSearchService.identifier).toBe("search-postgres-ocop")
  })

  it("matches typos on product names only (short text, trigram-indexed)", () => {
    expect(typoPaths(plan)).toEqual(["search_title"])
    expect(typoColumnSql(["search_title", "search_keywords"])).toBe(
      "coalesce(indexed->>'search_title', '') || ' ' || coalesce(indexed->>'search_keywords', '')"
    )
  })

  it("indexes the expressions the sortable fields are ordered by", () => {
    expect(sortExpressions(plan)).toEqual([
      "(indexed#>>'{stars}')::float8",
      "(indexed#>>'{price_vnd}')::float8",
      "(indexed#>>'{price_usd}')::float8",
      "(indexed#>>'{created_at}')::float8",
    ])
  })

  it("folds disjoint numeric ranges into the grouped scan, and only those", () => {
    expect(disjointNumericRanges([{ key: "a", from: 0, to: 10 }, { key: "b", from: 10 }])).toBe(true)
    expect(disjointNumericRanges([{ key: "a", from: 0, to: 10 }, { key: "b", from: 5, to: 20 }])).toBe(false)
    expect(disjointNumericRanges([{ key: "a", from: 0 }, { key: "b", from: 10 }])).toBe(false)
    expect(disjointNumericRanges([{ key: "a", from: 0, to: 1 }, { key: "a", from: 1, to: 2 }])).toBe(false)
    expect(groupedFacetSql("t", ["stars", { path: "price_vnd", ranges: [{ key: "0-5", from: 0, to: 5 }, { key: "5-", from: 5 }] }])).toBe(
      `SELECT GROUPING(f0) AS g0, GROUPING(f1) AS g1, f0, f1, COUNT(*)::int AS count FROM (SELECT indexed->>'stars' AS f0, CASE WHEN (indexed->>'price_vnd')::float8 >= 0 AND (indexed->>'price_vnd')::float8 < 5 THEN '0-5' WHEN (indexed->>'price_vnd')::float8 >= 5 THEN '5-' END AS f1 FROM "t") scoped GROUP BY GROUPING SETS ((f0), (f1))`
    )
  })

  it("counts several value facets in one grouped scan", () => {
    expect(groupedFacetSql("search_pg_product_v1", ["stars", "group_code"], "(x = ?)")).toBe(
      `SELECT GROUPING(f0) AS g0, GROUPING(f1) AS g1, f0, f1, COUNT(*)::int AS count FROM (SELECT indexed->>'stars' AS f0, indexed->>'group_code' AS f1 FROM "search_pg_product_v1" WHERE (x = ?)) scoped GROUP BY GROUPING SETS ((f0), (f1))`
    )
  })
})
