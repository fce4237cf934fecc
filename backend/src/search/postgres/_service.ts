/**
 * @medusajs/search-postgres, tuned for a 10 000-product catalogue on a small
 * machine. Same tables, SQL and semantics as the stock provider, three changes:
 *
 * 1. Row layout. `indexed` (the jsonb every filter, facet and sort reads) is
 *    kept uncompressed in the row (`STORAGE PLAIN`) and `search_vector` (read
 *    by every match and ts_rank) in the row as well (`MAIN`, with a
 *    `toast_tuple_target` of 4 kB so it is not compressed either), while the
 *    bulky `document` and `search_text` go to TOAST. The stock table let TOAST
 *    compress and move all four out of line, so each facet, filter and rank
 *    decompressed every matching row: 3–5× slower at 10 000 products.
 * 2. Typo tolerance matches trigrams against a short generated column of the
 *    fields marked `providerOptions({ [identifier]: { typo: true } })` (names,
 *    keywords, synonyms) with the index-backed `<%` operator, instead of
 *    `word_similarity()` over the whole text of every row (descriptions
 *    included), which cannot use an index and took seconds at 10 000 products.
 *    The threshold is the provider option `typo_threshold` (default 0.45, set
 *    per transaction; pg_trgm's own default of 0.6 misses "tumeric").
 * 3. Value facets of one query are counted in a single scan (GROUPING SETS)
 *    rather than one scan per facet.
 * 4. After bulk writes (a seed, a rebuild) the table is ANALYZEd, so the
 *    planner picks the GIN indexes instead of scanning with stale estimates
 *    (autovacuum may be off or slow to get there).
 *
 * It registers under its own identifier, so switching to it makes
 * `medusa db:migrate` build a new version of each index with the tuned table.
 */
import type { SearchTypes } from "@medusajs/framework/types"
import { PostgresSearchService } from "@medusajs/search-postgres/dist/services/postgres-search"
import { buildFacetQuery, jsonbPath, keywordTsQuerySql, mapFacetResult, normalizeFacetRequests } from "@medusajs/search-postgres/dist/utils"

import { OCOP_POSTGRES_PROVIDER } from "./_identifier"

export { OCOP_POSTGRES_PROVIDER }
const TYPO_COLUMN = "typo_text"
const CATALOG_TTL_MS = 10_000
const DEFAULT_TYPO_THRESHOLD = 0.45
/** Rows up to this size stay as they are; above it, `document` and `search_text` are compressed and moved out first. */
const TOAST_TUPLE_TARGET = 4096
/** ANALYZE a table once this many rows were written since the last time, and at least half its size then. */
const ANALYZE_EVERY_MIN = 500
const ANALYZE_GROWTH = 0.5

type Plan = { fields: Map<string, any>; searchable: string[] }

/** Paths of the text fields marked for typo matching. */
export function typoPaths(plan: Plan): string[] {
  return [...plan.fields.values()]
    .filter((f) => (f.kind === "text" || f.kind === "keyword") && !f.is_array && f.field?.provider_options?.[OCOP_POSTGRES_PROVIDER]?.typo === true)
    .map((f) => f.path)
}

/**
 * The ORDER BY expressions the provider generates for sortable scalar fields
 * (`resolveOrderBy`), to build matching indexes.
 */
export function sortExpressions(plan: Plan): string[] {
  return [...plan.fields.values()]
    .filter((f) => f.field?.sortable && !f.is_array && (f.kind === "number" || f.kind === "keyword" || f.kind === "text") && f.path !== "id")
    .map((f) => {
      const path = `indexed#>>'{${f.path.split(".").join(",")}}'`
      return f.kind === "number" ? `(${path})::float8` : path
    })
}

/** The generated column's expression: the marked fields, space-separated (immutable, so it can be STORED). */
export function typoColumnSql(paths: string[]): string {
  return paths.map((p) => `coalesce(${jsonbPath(p, true)}, '')`).join(` || ' ' || `)
}

/**
 * One statement for several value facets: GROUPING SETS over the same scope.
 * Returns the SQL and, per row, which request a row belongs to (`g<i>` = 0).
 */
export function groupedFacetSql(table: string, paths: Array<string | { path: string; ranges: Array<{ key: string; from?: number; to?: number }> }>, whereSql?: string): string {
  const columns = paths
    .map((p, i) => {
      if (typeof p === "string") return `${jsonbPath(p, true)} AS f${i}`
      // Disjoint ranges → one bucket label per row (no parameters: bounds are numbers).
      const value = `(${jsonbPath(p.path, true)})::float8`
      const cases = p.ranges
        .map((r) => {
          const conds = [r.from !== undefined ? `${value} >= ${Number(r.from)}` : null, r.to !== undefined ? `${value} < ${Number(r.to)}` : null].filter(Boolean)
          return `WHEN ${conds.length ? conds.join(" AND ") : "TRUE"} THEN '${r.key.replace(/'/g, "''")}'`
        })
        .join(" ")
      return `CASE ${cases} END AS f${i}`
    })
    .join(", ")
  const grouping = paths.map((_, i) => `GROUPING(f${i}) AS g${i}`).join(", ")
  const sets = paths.map((_, i) => `(f${i})`).join(", ")
  const fields = paths.map((_, i) => `f${i}`).join(", ")
  return `SELECT ${grouping}, ${fields}, COUNT(*)::int AS count FROM (SELECT ${columns} FROM "${table}"${whereSql ? ` WHERE ${whereSql}` : ""}) scoped GROUP BY GROUPING SETS (${sets})`
}

/** Numeric ranges with unique keys that do not overlap, so each row falls in at most one (a CASE can label it). */
export function disjointNumericRanges(ranges: Array<{ key: string; from?: number; to?: number }> | undefined): boolean {
  if (!ranges?.length) return false
  if (new Set(ranges.map((r) => r.key)).size !== ranges.length) return false
  if (ranges.some((r) => (r.from !== undefined && !Number.isFinite(r.from)) || (r.to !== undefined && !Number.isFinite(r.to)))) return false
  const sorted = [...ranges].sort((a, b) => (a.from ?? -Infinity) - (b.from ?? -Infinity))
  return sorted.every((r, i) => i === 0 || (sorted[i - 1].to !== undefined && (r.from ?? -Infinity) >= (sorted[i - 1].to as number)))
}

export class OcopPostgresSearchService extends PostgresSearchService {
  static identifier = OCOP_POSTGRES_PROVIDER

  private catalogs_ = new Map<string, { at: number; value: any }>()
  /** Rows written per table since it was last analyzed, and its size then. */
  private writes_ = new Map<string, { since: number; base: number }>()
  private typoThreshold_: number

  constructor(deps: any, options: Record<string, any> = {}) {
    super(deps, options)
    const t = Number(options.typo_threshold ?? DEFAULT_TYPO_THRESHOLD)
    this.typoThreshold_ = Number.isFinite(t) && t > 0 && t <= 1 ? t : DEFAULT_TYPO_THRESHOLD
  }

  /** Runs `work` with pg_trgm's threshold for `<%` set for this transaction only. */
  private withTypoThreshold<T>(work: (manager: any) => Promise<T>): Promise<T> {
    return this.withTransaction(async (manager: any) => {
      await manager.execute(`SELECT set_config('pg_trgm.word_similarity_threshold', ?, true)`, [String(this.typoThreshold_)])
      return work(manager)
    })
  }

  /** Hits and count of a typo-tolerant query run in one transaction, with the threshold set. */
  protected async executeQuery(parts: any) {
    const usesTypo = parts.conditionsSql([]).some((c: string) => c.includes(`"${TYPO_COLUMN}"`))
    if (!usesTypo) return super.executeQuery(parts)
    const prelude = parts.prelude
    return super.executeQuery({
      ...parts,
      prelude: async (manager: any) => {
        if (prelude) await prelude(manager)
        await manager.execute(`SELECT set_config('pg_trgm.word_similarity_threshold', ?, true)`, [String(this.typoThreshold_)])
      },
    })
  }

  protected async createDocumentTable(table: string, plan: any, manager: any): Promise<void> {
    await super.createDocumentTable(table, plan, manager)
    // In-row, uncompressed filter/facet/sort values and tsvector; document and search_text go to TOAST.
    await manager.execute(
      `ALTER TABLE "${table}" ALTER COLUMN "indexed" SET STORAGE PLAIN, ALTER COLUMN "search_vector" SET STORAGE MAIN`
    )
    await manager.execute(`ALTER TABLE "${table}" SET (toast_tuple_target = ${TOAST_TUPLE_TARGET})`)
    // Sorting without a text query (browse by price, by newest…) reads the first page off an index.
    for (const [i, expr] of sortExpressions(plan).entries()) {
      for (const dir of ["ASC", "DESC"]) {
        await manager.execute(`CREATE INDEX IF NOT EXISTS "${table}_sort${i}_${dir.toLowerCase()}" ON "${table}" ((${expr}) ${dir} NULLS LAST)`)
      }
    }
    const paths = typoPaths(plan)
    if (paths.length) {
      await manager.execute(
        `ALTER TABLE "${table}" ADD COLUMN IF NOT EXISTS "${TYPO_COLUMN}" text GENERATED ALWAYS AS (${typoColumnSql(paths)}) STORED`
      )
      await manager.execute(`CREATE INDEX IF NOT EXISTS "${table}_typo_idx" ON "${table}" USING GIN ("${TYPO_COLUMN}" gin_trgm_ops)`)
    }
  }

  async upsertDocuments(input: { index: string; definition: SearchTypes.ResolvedSearchIndexDefinition; documents: SearchTypes.SearchDocument[] }) {
    const task = await super.upsertDocuments(input)
    const stats = this.writes_.get(input.index) ?? { since: 0, base: 0 }
    stats.since += input.documents.length
    this.writes_.set(input.index, stats)
    if (stats.since >= Math.max(ANALYZE_EVERY_MIN, stats.base * ANALYZE_GROWTH)) {
      const catalog = await this.retrieve(input.index)
      await this.manager_.execute(`ANALYZE "${catalog.table_name}"`).catch((e: Error) => this.logger_?.warn(`ANALYZE ${catalog.table_name}: ${e.message}`))
      this.writes_.set(input.index, { since: 0, base: stats.base + stats.since })
    }
    return task
  }

  async upsertIndex(input: { index: SearchTypes.ResolvedSearchIndexDefinition }) {
    this.catalogs_.delete(input.index.physical_name)
    return super.upsertIndex(input)
  }

  async deleteIndex(input: { index: string }) {
    this.catalogs_.delete(input.index)
    return super.deleteIndex(input)
  }

  /** The catalogue row of an index, cached briefly: it is read on every search and only changes on (re)creation. */
  protected async retrieve(index: string) {
    const hit = this.catalogs_.get(index)
    if (hit && Date.now() - hit.at < CATALOG_TTL_MS) return hit.value
    const value = await super.retrieve(index)
    this.catalogs_.set(index, { at: Date.now(), value })
    return value
  }

  protected keywordFragments(input: { query: SearchTypes.ProviderSearchQuery; catalog: any }) {
    const base = super.keywordFragments(input)
    const { query, catalog } = input
    const options = query.search_options ?? {}
    const q = query.q?.trim() || undefined
    const typo = !!(q && options.typo_tolerance && (query.index.settings?.typo_tolerance?.enabled ?? true))
    const searchOn = options.attributes_to_search_on
    const allFields = !searchOn || (searchOn.length === catalog.plan.searchable.length && searchOn.every((p: string) => catalog.plan.searchable.includes(p)))
    if (!typo || !allFields || this.isLakebase_ || !typoPaths(catalog.plan).length) return base

    const tsquery = (params: unknown[]) => {
      params.push(q)
      return keywordTsQuerySql(this.tsConfig_, options.match_strategy)
    }
    return {
      ...base,
      rankSql: (params: unknown[]) => {
        const rank = `ts_rank_cd("search_vector", ${tsquery(params)})`
        params.push(q)
        return `GREATEST(${rank}, word_similarity(?, "${TYPO_COLUMN}"))`
      },
      // The trigram test first: when it holds, the tsvector is not read at all.
      matchSql: (params: unknown[]) => {
        params.push(q)
        const typoMatch = `? <% "${TYPO_COLUMN}"`
        return `(${typoMatch} OR "search_vector" @@ ${tsquery(params)})`
      },
    }
  }

  protected async resolveFacets(input: {
    table: string
    plan: any
    scopeWhere?: { sql: string; params: unknown[] }
    requests?: (string | SearchTypes.SearchFacetRequest)[]
  }): Promise<Record<string, SearchTypes.SearchFacetResult> | undefined> {
    const requests = normalizeFacetRequests(input.requests, input.plan) as any[]
    if (!requests.length) return undefined
    const where = input.scopeWhere
    const grouped = requests.filter(
      (r) =>
        (r.type === "value" && r.query === undefined && !input.plan.fields.get(r.field)?.is_array) ||
        (r.type === "range" && disjointNumericRanges(r.ranges))
    )
    const single = grouped.length >= 2 ? requests.filter((r) => !grouped.includes(r)) : requests
    const tasks: Array<(manager: any) => Promise<void>> = []
    const result: Record<string, SearchTypes.SearchFacetResult> = {}
    if (grouped.length >= 2) {
      tasks.push(async (manager) => {
        const columns = grouped.map((r) => (r.type === "range" ? { path: r.field, ranges: r.ranges } : r.field))
        const rows = await manager.execute(groupedFacetSql(input.table, columns, where?.sql), [...(where?.params ?? [])])
        grouped.forEach((request, i) => {
          if (request.type === "range") {
            const counts = new Map<string, number>(
              rows.filter((row: any) => Number(row[`g${i}`]) === 0 && row[`f${i}`] !== null).map((row: any) => [String(row[`f${i}`]), Number(row.count)])
            )
            result[request.field] = {
              type: "range",
              ranges: request.ranges.map((r: any) => ({ key: r.key, from: r.from, to: r.to, count: counts.get(r.key) ?? 0 })),
            }
            return
          }
          const own = rows
            .filter((row: any) => Number(row[`g${i}`]) === 0 && row[`f${i}`] !== null && row[`f${i}`] !== undefined)
            .map((row: any) => ({ value: String(row[`f${i}`]), count: Number(row.count) }))
            .sort((a: any, b: any) => (request.sort === "alpha" ? 0 : b.count - a.count) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
            .slice(0, request.limit ?? 10)
          result[request.field] = mapFacetResult(request, own)
        })
      })
    }
    for (const request of single) {
      tasks.push(async (manager) => {
        const q = buildFacetQuery({ table: input.table, whereSql: where?.sql, whereParams: where?.params ?? [], request, plan: input.plan })
        result[request.field] = mapFacetResult(request, await manager.execute(q.sql, q.params))
      })
    }
    // Facets of a typo-tolerant query must see the same threshold as its hits.
    if (where?.sql.includes(`"${TYPO_COLUMN}"`)) {
      await this.withTypoThreshold(async (manager) => {
        for (const task of tasks) await task(manager)
      })
    } else {
      await Promise.all(tasks.map((task) => task(this.manager_)))
    }
    return result
  }
}

export default OcopPostgresSearchService
