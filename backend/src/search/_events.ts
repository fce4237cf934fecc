/**
 * Which events touch the product index, and which products each one is about.
 */
import type { SearchTypes } from "@medusajs/framework/types"

export const PRODUCT_INDEX = "product"

/** Emitted by workflows/sync-product-sellability.ts: `{ ids, changed }`. */
export const OCOP_SELLABILITY_CHANGED = "ocop.product.sellability_changed"
export const OCOP_PRODUCER_CHANGED = "ocop.producer.changed"
export const OCOP_PRODUCER_STATUS_CHANGED = "ocop.producer.status_changed"

const LIVE_EVENTS = [
  "product.created",
  "product.updated",
  "product.deleted",
  "product-variant.created",
  "product-variant.updated",
  "product-variant.deleted",
  OCOP_SELLABILITY_CHANGED,
  OCOP_PRODUCER_CHANGED,
  OCOP_PRODUCER_STATUS_CHANGED,
]

/**
 * `OCOP_SEARCH_SYNC=off` turns live indexing off in one process — for bulk
 * loads such as `medusa exec seed.ts`, whose events would otherwise be indexed
 * one by one (and fail noisily while the index has no active version yet, on a
 * fresh database). Run `medusa exec ./src/scripts/search-rebuild.ts` afterwards.
 */
export const LIVE_SEARCH_SYNC = process.env.OCOP_SEARCH_SYNC !== "off"
export const PRODUCT_INDEX_EVENTS = LIVE_SEARCH_SYNC ? LIVE_EVENTS : []

type Event = { name: string; data?: any }
type Context = Pick<SearchTypes.SearchIngestionContext, "container">

const list = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]).map(String).filter(Boolean)

/** Product ids an event affects (graphConsume re-reads them, upserting or deleting each). */
export async function resolveProductIds(event: Event, { container }: Context): Promise<string[]> {
  const data = event.data ?? {}
  switch (event.name) {
    case OCOP_SELLABILITY_CHANGED:
      return [...new Set([...list(data.ids), ...list((data.changed ?? []).map((c: any) => c?.product_id))])]
    case OCOP_PRODUCER_CHANGED:
    case OCOP_PRODUCER_STATUS_CHANGED: {
      const ids = list(data.id)
      if (!ids.length) return []
      const { data: producers } = await container.query.graph({ entity: "producer", fields: ["id", "products.id"], filters: { id: ids } })
      return producers.flatMap((p: any) => (p.products ?? []).map((x: any) => x?.id)).filter(Boolean)
    }
    case "product-variant.created":
    case "product-variant.updated":
    case "product-variant.deleted": {
      const ids = list(data.id)
      if (!ids.length) return []
      const { data: variants } = await container.query.graph({
        entity: "product_variant",
        fields: ["id", "product_id"],
        filters: { id: ids },
        withDeleted: true,
      } as any)
      return [...new Set(variants.map((v: any) => v.product_id).filter(Boolean))] as string[]
    }
    default:
      return list(data.id)
  }
}
