/**
 * Rebuilds the product search index from the database, with progress output.
 *
 *   npx medusa exec ./src/scripts/search-rebuild.ts            # new version, swapped in when full
 *   npx medusa exec ./src/scripts/search-rebuild.ts in-place   # clear and refill the active version
 *
 * Uses the Search Module's own reindex: by default it builds a new version of
 * the index next to the live one, fills it from the same definition
 * (src/search/product.ts: only sellable products), catches up on what changed
 * meanwhile, and only then makes it the one searches read — so the store keeps
 * answering during a rebuild. Run it after seeding, after editing
 * src/search/synonyms.json, or whenever the index is suspected stale.
 *
 * The last line is machine-readable for the benchmark:
 *   SEARCH_REBUILD_RESULT {"index":"product","documents":…,"seconds":…,"docs_per_second":…}
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { PRODUCT_INDEX } from "../search/_events"

const POLL_MS = 1000

export default async function searchRebuild({ container, args }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
  const search = container.resolve(Modules.SEARCH) as any
  const strategy = (args ?? []).includes("in-place") ? "in_place" : "swap"

  const { metadata } = await query.graph({ entity: "product", fields: ["id"], pagination: { take: 1, skip: 0 } })
  const products = metadata?.count ?? 0
  const say = (line: string) => process.stdout.write(`[search-rebuild] ${line}\n`)
  say(`rebuilding "${PRODUCT_INDEX}" (${strategy === "swap" ? "new version, swapped in when full" : "in place"}) from ${products.toLocaleString("en-US")} products …`)

  const started = new Date()
  let lastShown = -1
  const showProgress = async () => {
    try {
      const rows = await pg.raw(
        `SELECT COALESCE(SUM(documents_synced), 0)::int AS n FROM search_index_sync WHERE started_at >= ? AND filters IS NULL`,
        [started]
      )
      const n = Number((rows.rows ?? rows)[0]?.n ?? 0)
      if (n !== lastShown) {
        lastShown = n
        const seconds = (Date.now() - started.getTime()) / 1000
        say(`${n.toLocaleString("en-US")} documents written (of at most ${products.toLocaleString("en-US")}) in ${seconds.toFixed(0)} s, ${Math.round(n / Math.max(seconds, 0.001))}/s`)
      }
    } catch {
      // Progress is best effort; the reindex itself reports failures.
    }
  }
  const timer = setInterval(() => void showProgress(), POLL_MS)

  try {
    await search.reindex({ index: PRODUCT_INDEX, strategy })
  } finally {
    clearInterval(timer)
  }

  const seconds = (Date.now() - started.getTime()) / 1000
  const { search_result } = (await query.search({
    entity: PRODUCT_INDEX,
    fields: ["id"],
    pagination: { skip: 0, take: 0 },
    search_options: { count: "exact" },
  } as any)) as any
  const documents = search_result?.metadata?.count ?? 0
  const rate = Math.round(documents / Math.max(seconds, 0.001))
  say(
    `done: ${documents.toLocaleString("en-US")} sellable products indexed (of ${products.toLocaleString("en-US")}) in ${seconds.toFixed(1)} s — ${rate} docs/s`
  )
  logger.debug?.(`search-rebuild finished`)
  process.stdout.write(
    `SEARCH_REBUILD_RESULT ${JSON.stringify({ index: PRODUCT_INDEX, strategy, products, documents, seconds: Number(seconds.toFixed(2)), docs_per_second: rate })}\n`
  )
}
