import "server-only"
import { localSearch, PAGE_SIZE, type CatalogueQuery } from "../util/search"
import type { OcopProduct, SearchHit, SearchResponse } from "../types"
import { errorStatus, medusaGet, TAGS } from "./common"
import { listProducts } from "./products"

export type SearchResult = SearchResponse & { degraded: boolean }

/**
 * Faceted, accent-insensitive search (`GET /store/ocop/search`). If that endpoint
 * is missing or failing, falls back to an in-memory search over the catalogue so
 * the shop keeps working; `degraded` tells the page to say so.
 */
export async function searchCatalogue(
  query: CatalogueQuery,
  opts: { currency: string; regionId?: string | null; limit?: number; offset?: number }
): Promise<{ ok: true; data: SearchResult } | { ok: false; error: string }> {
  const limit = opts.limit ?? PAGE_SIZE
  const offset = opts.offset ?? (query.page - 1) * limit
  try {
    const res = await medusaGet<SearchResponse>("/store/ocop/search", {
      query: {
        ...(query.q ? { q: query.q } : {}),
        ...(query.stars.length ? { stars: query.stars } : {}),
        ...(query.group.length ? { group: query.group } : {}),
        ...(query.district.length ? { district: query.district } : {}),
        ...(query.commune?.length ? { commune: query.commune } : {}),
        ...(query.producer_type.length ? { producer_type: query.producer_type } : {}),
        ...(query.price_min !== null ? { price_min: query.price_min } : {}),
        ...(query.price_max !== null ? { price_max: query.price_max } : {}),
        currency: opts.currency,
        sort: query.sort,
        limit,
        offset,
      },
      tags: [TAGS.search, TAGS.products],
      revalidate: 30,
      timeoutMs: 6000,
    })
    return { ok: true, data: { hits: res.hits ?? [], count: res.count ?? 0, facets: res.facets ?? {}, degraded: false } }
  } catch (e) {
    const status = errorStatus(e)
    if (status && status >= 400 && status < 500 && status !== 404) {
      // A validation error from the engine: show no results rather than a fallback.
      return { ok: true, data: { hits: [], count: 0, facets: {}, degraded: false } }
    }
    console.warn("[data] /store/ocop/search unavailable, using the in-memory fallback:", (e as Error).message)
  }
  const docs = await searchDocuments(opts.regionId ?? null, opts.currency)
  if (!docs.ok) return docs
  return { ok: true, data: { ...localSearch(docs.data, query, opts.currency, limit, offset), degraded: true } }
}

/** Products as search hits (for the fallback). */
async function searchDocuments(regionId: string | null, currency: string): Promise<{ ok: true; data: SearchHit[] } | { ok: false; error: string }> {
  const hits: SearchHit[] = []
  for (let offset = 0; offset < 1000; offset += 100) {
    const res = await listProducts({ regionId, limit: 100, offset, order: "-created_at" })
    if (!res.ok) return res
    hits.push(...res.data.products.map((p) => productToHit(p, currency)))
    if (res.data.products.length < 100) break
  }
  return { ok: true, data: hits }
}

export function productToHit(p: OcopProduct, currency: string): SearchHit {
  const cert = p.current_certification ?? null
  const prices = (p.variants ?? [])
    .map((v) => v.calculated_price?.calculated_amount)
    .filter((n): n is number => typeof n === "number")
  const min = prices.length ? Math.min(...prices) : null
  const meta = p.metadata ?? {}
  return {
    id: p.id,
    handle: p.handle ?? "",
    title: p.title ?? "",
    title_en: typeof meta.title_en === "string" ? meta.title_en : null,
    subtitle: p.subtitle ?? null,
    thumbnail: p.thumbnail ?? null,
    stars: cert?.stars ?? null,
    potential_five_star: cert?.potential_five_star ?? false,
    group_code: cert?.group_code ?? null,
    producer_name: p.producer?.legal_name ?? null,
    producer_handle: p.producer?.handle ?? null,
    producer_type: p.producer?.type ?? null,
    district: p.producer?.district ?? null,
    commune: p.producer?.commune ?? null,
    price_vnd: currency === "vnd" ? min : null,
    price_usd: currency === "usd" ? min : null,
  }
}
