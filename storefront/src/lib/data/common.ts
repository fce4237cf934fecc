import "server-only"
import { FetchError } from "@medusajs/js-sdk"
import { sdk } from "../config"
import type { Result } from "../types"

/** Cache tags used across the data layer (revalidated after mutations). */
export const TAGS = {
  regions: "regions",
  products: "products",
  product: (handle: string) => `product-${handle}`,
  producers: "producers",
  groups: "ocop-groups",
  search: "search",
  certificate: (n: string) => `certificate-${n.toUpperCase()}`,
  cart: (id: string) => `cart-${id}`,
  customer: (cacheId: string) => `customer-${cacheId}`,
  orders: (cacheId: string) => `orders-${cacheId}`,
  shipping: (cartId: string) => `shipping-${cartId}`,
  payment: (regionId: string) => `payment-providers-${regionId}`,
} as const

/** How long public catalogue data may be served from the cache (seconds). */
export const CATALOGUE_TTL = 60

type GetOptions = {
  query?: Record<string, unknown>
  headers?: Record<string, string>
  tags?: string[]
  /** seconds; `0` = always fresh */
  revalidate?: number
  cache?: RequestCache
  timeoutMs?: number
}

/**
 * A GET against the Medusa store API through the shared js-sdk client, with
 * Next's data-cache options (tags/revalidate) and a timeout so a hung backend
 * cannot hang the page.
 */
export async function medusaGet<T>(path: string, opts: GetOptions = {}): Promise<T> {
  const init: Record<string, unknown> = {
    method: "GET",
    query: opts.query,
    headers: opts.headers,
    signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
  }
  if (opts.revalidate === 0 || opts.cache === "no-store") {
    init.cache = "no-store"
  } else {
    init.cache = opts.cache ?? "force-cache"
    init.next = { tags: opts.tags ?? [], revalidate: opts.revalidate ?? CATALOGUE_TTL }
  }
  return sdk.client.fetch<T>(path, init)
}

/** HTTP status of an error from the sdk (undefined for network errors). */
export function errorStatus(e: unknown): number | undefined {
  if (e instanceof FetchError) return e.status
  const s = (e as { status?: unknown })?.status
  return typeof s === "number" ? s : undefined
}

/** A message safe to show to a shopper: the backend's own 4xx message, else a generic one. */
export function errorMessage(e: unknown, fallback = "The shop is temporarily unavailable."): string {
  const status = errorStatus(e)
  if (status && status >= 400 && status < 500 && e instanceof Error && e.message) return e.message
  return fallback
}

/** Runs a call and turns any failure into `{ ok: false }` (logged server-side). */
export async function attempt<T>(label: string, fn: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, data: await fn() }
  } catch (e) {
    const status = errorStatus(e)
    if (!status || status >= 500) console.error(`[data] ${label} failed:`, (e as Error)?.message ?? e)
    return { ok: false, error: errorMessage(e), status }
  }
}
