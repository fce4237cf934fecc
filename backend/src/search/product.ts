/**
 * The product search index: one definition, served by PostgreSQL
 * (@medusajs/search-postgres, the default) or Meilisearch (MEILISEARCH_HOST).
 *
 * Only sellable products are ever in it. The transform (./_document.ts) returns
 * no document for a product that is unpublished, has no OCOP certification in
 * force or whose producer is not approved, and graphSeed/graphConsume turn
 * "no document" into a delete. The index listens to the OCOP module's
 * `ocop.product.sellability_changed` (emitted whenever a certification is
 * created, re-rated, revoked, suspended, reinstated or expires, and when a
 * producer is approved or suspended), to producer profile changes, and to
 * Medusa's own product and variant events. Queries also filter on
 * `certified_until`, so a certificate that lapses between two runs of the
 * expiry job is hidden at once.
 *
 * Searchable text is folded (lowercase, no accents, đ → d) in `search_*` fields
 * that are never returned; synonyms from ./synonyms.json are added at index
 * time. Editing the fields, the settings or the synonyms changes the
 * definition's hash, and `medusa db:migrate` then builds a new version of the
 * index, which the server fills on start and swaps in.
 */
import { defineSearchIndex, graphConsume, graphSeed } from "@medusajs/framework/utils"
import { PRODUCT_GRAPH_FIELDS, toSearchDocument } from "./_document"
import { productIndexSettings, productSearchFields } from "./_definition"
import { LIVE_SEARCH_SYNC, PRODUCT_INDEX, PRODUCT_INDEX_EVENTS, resolveProductIds } from "./_events"

export default defineSearchIndex({
  name: PRODUCT_INDEX,
  entity: "product",
  fields: productSearchFields,
  settings: productIndexSettings,
  // Live updates (unless OCOP_SEARCH_SYNC=off for a bulk load: see _events.ts).
  ...(LIVE_SEARCH_SYNC
    ? {
        events: PRODUCT_INDEX_EVENTS,
        consume: graphConsume({
          fields: PRODUCT_GRAPH_FIELDS,
          resolve_ids: resolveProductIds,
          is_delete: (event) => event.name === "product.deleted",
          transform: (rows) => rows.map((row) => toSearchDocument(row)).filter((d) => d !== null) as any,
        }),
      }
    : {}),
  seed: graphSeed({
    fields: PRODUCT_GRAPH_FIELDS,
    batch_size: 250,
    transform: (rows) => rows.map((row) => toSearchDocument(row)).filter((d) => d !== null) as any,
  }),
})
