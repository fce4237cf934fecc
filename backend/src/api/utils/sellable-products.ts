import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { MIN_SELLABLE_STARS } from "../../modules/ocop/rules"
import { marketplaceSalesChannelId } from "../../workflows/sellability"

/** Summary fields of a product as shown on producer and certificate pages. */
export const PRODUCT_SUMMARY_FIELDS = ["id", "handle", "title", "subtitle", "thumbnail", "metadata", "status"]

// Lists are bound as one parameter and compared with `= ANY(?)`: knex.raw does not expand an array
// into a list (`IN (?)` would compare with the array's text), node-postgres sends it as an array.
type Knex = { raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: any[] }> }
const pg = (container: MedusaContainer): Knex => container.resolve(ContainerRegistrationKeys.PG_CONNECTION)

/** Optional OCOP narrowing of "on sale" (the catalogue's filters), applied to the certificate in force. */
export type OnSaleFilters = {
  ocop_stars?: number[]
  ocop_group?: string[]
  district?: string[]
  province?: string[]
  producer_type?: string[]
}

/**
 * "Product `p` is on sale now", as SQL over Medusa's and the OCOP module's tables. One definition for
 * every store read (product list, handle, id, producer pages, verification, sitemap):
 *
 * - listed in one of the given sales channels: the OCOP rule's workflows keep the marketplace
 *   channel to exactly the sellable products, so a suspension, revocation, re-rating below 3★ or
 *   a producer's suspension takes effect at once;
 * - published and not deleted;
 * - and a certificate **in force at `now`** (rules.ts `isCertificationInForce`: active, ≥ 3★,
 *   valid_from ≤ now ≤ valid_until) whose producer is approved. This is what makes a certificate
 *   lapse at its `valid_until` rather than when the hourly expiry job next runs and unlists it:
 *   time is evaluated per request, not stored.
 *
 * Every condition is a correlated EXISTS on an indexed column (product_sales_channel.product_id,
 * certification.product_id, producer.id), so the cost is per product looked at, never per catalogue.
 */
function onSaleSql(channelIds: string[], now: Date, f: OnSaleFilters = {}): { sql: string; bindings: unknown[] } {
  const bindings: unknown[] = [channelIds, MIN_SELLABLE_STARS, now, now]
  let certExtra = ""
  if (f.ocop_stars?.length) {
    certExtra += " AND c.stars = ANY(?)"
    bindings.push(f.ocop_stars)
  }
  if (f.ocop_group?.length) {
    certExtra += " AND c.group_code = ANY(?)"
    bindings.push(f.ocop_group)
  }
  for (const [key, column] of [["district", "district"], ["province", "province"], ["producer_type", "type"]] as const) {
    if (f[key]?.length) {
      certExtra += ` AND pr."${column}" = ANY(?)`
      bindings.push(f[key])
    }
  }
  const sql = `p.deleted_at IS NULL AND p.status = 'published'
    AND EXISTS (SELECT 1 FROM product_sales_channel psc
                 WHERE psc.product_id = p.id AND psc.deleted_at IS NULL AND psc.sales_channel_id = ANY(?))
    AND EXISTS (SELECT 1 FROM certification c JOIN producer pr ON pr.id = c.producer_id
                 WHERE c.product_id = p.id AND c.deleted_at IS NULL AND c.status = 'active' AND c.stars >= ?
                   AND c.valid_from <= ? AND c.valid_until >= ?
                   AND pr.deleted_at IS NULL AND pr.status = 'approved'${certExtra})`
  return { sql, bindings }
}

/** The ids among `productIds` that are on sale now in the given channels (default: the marketplace's). */
export async function onSaleProductIds(container: MedusaContainer, productIds: string[], channelIds?: string[], now = new Date()): Promise<Set<string>> {
  const ids = [...new Set(productIds.filter(Boolean))]
  if (!ids.length) return new Set()
  const channels = channelIds ?? [await marketplaceSalesChannelId(container)]
  if (!channels.length) return new Set()
  const { sql, bindings } = onSaleSql(channels, now)
  const { rows } = await pg(container).raw(`SELECT p.id FROM product p WHERE p.id = ANY(?) AND ${sql}`, [ids, ...bindings])
  return new Set(rows.map((r) => r.id as string))
}

/**
 * Keeps only products that the store may show now (see `onSaleSql`): listed in the marketplace
 * sales channel, published, with a certificate in force at this instant.
 */
export async function filterStoreVisible<T extends { id: string }>(container: MedusaContainer, products: T[]): Promise<T[]> {
  if (!products.length) return []
  const visible = await onSaleProductIds(container, products.map((p) => p.id))
  return products.filter((p) => visible.has(p.id))
}

/** Columns a store listing may be ordered by on the fast path (all indexed or the primary key). */
export const ON_SALE_ORDER_COLUMNS = ["id", "created_at", "updated_at", "title", "handle"] as const
export type OnSaleOrder = { column: (typeof ON_SALE_ORDER_COLUMNS)[number]; descending: boolean }

export type OnSalePageInput = {
  channelIds: string[]
  limit: number
  offset: number
  order?: OnSaleOrder
  filters?: OnSaleFilters
  ids?: string[]
  handles?: string[]
  now?: Date
}

/**
 * One page of on-sale product ids, in order, and how many are on sale in all. The page is found in
 * PostgreSQL by walking products in the requested order and stopping after `offset + limit`
 * matches, so the server process never sees more ids than the page: Medusa's own route then loads
 * just those products (prices, stock, producer, certifications). Ties are broken by id so pages
 * never overlap.
 */
export async function onSalePage(container: MedusaContainer, input: OnSalePageInput): Promise<{ ids: string[]; count: number }> {
  const now = input.now ?? new Date()
  const { sql, bindings } = onSaleSql(input.channelIds, now, input.filters)
  if (!input.channelIds.length || input.ids?.length === 0 || input.handles?.length === 0) return { ids: [], count: 0 }
  // Placeholders in the order they appear: the id and handle narrowing first, then the rule.
  const clauses: string[] = []
  const extra: unknown[] = []
  if (input.ids) {
    clauses.push("p.id = ANY(?)")
    extra.push(input.ids)
  }
  if (input.handles) {
    clauses.push("p.handle = ANY(?)")
    extra.push(input.handles)
  }
  const where = [...clauses, sql].join(" AND ")
  const order = input.order ?? { column: "id", descending: false }
  const dir = order.descending ? "DESC" : "ASC"
  const orderBy = order.column === "id" ? `p.id ${dir}` : `p."${order.column}" ${dir}, p.id ${dir}`
  const knex = pg(container)
  const page = await knex.raw(`SELECT p.id FROM product p WHERE ${where} ORDER BY ${orderBy} LIMIT ? OFFSET ?`, [...extra, ...bindings, input.limit, input.offset])
  const ids = page.rows.map((r) => r.id as string)
  // A short page is the last one: the total is known without counting (every handle and id lookup).
  if (ids.length < input.limit && (ids.length > 0 || input.offset === 0)) return { ids, count: input.offset + ids.length }
  const key = JSON.stringify([input.channelIds, input.filters ?? {}, input.ids ?? null, input.handles ?? null])
  const cached = listingCounts.get(key)
  if (cached && now.getTime() - cached.at < COUNT_TTL_MS) return { ids, count: cached.n }
  const total = await knex.raw(`SELECT count(*)::int AS n FROM product p WHERE ${where}`, [...extra, ...bindings])
  const n = total.rows[0]?.n ?? 0
  if (listingCounts.size >= COUNT_CACHE_MAX) listingCounts.clear()
  listingCounts.set(key, { n, at: now.getTime() })
  return { ids, count: n }
}

/**
 * The total of a catalogue-wide listing ("1 240 products") is counted at most every few seconds per
 * filter combination and process: counting is the one part of a listing that reads every matching
 * row. Which products a page holds is never cached — a product that stops being on sale leaves
 * the page at once; only the number under it may lag by COUNT_TTL_MS.
 */
const COUNT_TTL_MS = 5_000
const COUNT_CACHE_MAX = 1_000
const listingCounts = new Map<string, { n: number; at: number }>()

export type SitemapEntry = { type: "product" | "producer" | "certificate"; key: string; updated_at: string }

/**
 * A slice of every public page's key, in a stable order: products on sale now (by handle), approved
 * producers (by handle), then certificates on record (by number, the verification page's key), and
 * how many there are in all. The sitemap pages over it; Node only ever holds one slice.
 */
export async function sitemapEntries(
  container: MedusaContainer,
  { offset, limit, publicCertificationStatuses, now = new Date() }: { offset: number; limit: number; publicCertificationStatuses: readonly string[]; now?: Date }
): Promise<{ entries: SitemapEntry[]; count: number }> {
  const channel = await marketplaceSalesChannelId(container)
  const { sql, bindings } = onSaleSql([channel], now)
  const union = `
    SELECT 0 AS part, p.id, 'product' AS type, p.handle AS key, p.updated_at FROM product p WHERE ${sql}
    UNION ALL
    SELECT 1, pr.id, 'producer', pr.handle, pr.updated_at FROM producer pr WHERE pr.deleted_at IS NULL AND pr.status = 'approved'
    UNION ALL
    SELECT 2, c.id, 'certificate', c.certificate_number, c.updated_at FROM certification c
     WHERE c.deleted_at IS NULL AND c.status = ANY(?)`
  const all = [...bindings, [...publicCertificationStatuses]]
  const knex = pg(container)
  const [page, total] = await Promise.all([
    limit > 0
      ? knex.raw(`SELECT type, key, updated_at FROM (${union}) e ORDER BY part, id LIMIT ? OFFSET ?`, [...all, limit, offset])
      : Promise.resolve({ rows: [] as any[] }),
    knex.raw(`SELECT count(*)::int AS n FROM (${union}) e`, all),
  ])
  return {
    entries: page.rows.map((r) => ({ type: r.type, key: r.key, updated_at: new Date(r.updated_at).toISOString() })),
    count: total.rows[0]?.n ?? 0,
  }
}
