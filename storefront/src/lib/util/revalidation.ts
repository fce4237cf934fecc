import { timingSafeEqual } from "node:crypto"

/**
 * What the backend may ask the storefront to forget (POST /api/revalidate): the catalogue's shared
 * tags and one product's page. Anything else is refused, so a leaked secret still cannot make the
 * storefront drop a shopper's cart or orders. Kept in step with TAGS in src/lib/data/common.ts.
 */
const SHARED_TAGS = new Set(["products", "producers", "search"])
const PRODUCT_TAG = /^product-[a-z0-9][a-z0-9-]{0,199}$/
export const MAX_TAGS = 200

export type RevalidationRequest = { tags: string[] }

/** Parses the body strictly (a hand-written check: the storefront has no schema library, and this is one field). */
export function parseRevalidationRequest(body: unknown): RevalidationRequest | { error: string } {
  if (!body || typeof body !== "object" || Array.isArray(body)) return { error: "body: expected an object" }
  const keys = Object.keys(body)
  if (keys.some((k) => k !== "tags")) return { error: `body: unknown field ${keys.find((k) => k !== "tags")}` }
  const tags = (body as { tags?: unknown }).tags
  if (!Array.isArray(tags) || tags.length === 0 || tags.length > MAX_TAGS) {
    return { error: `tags: expected 1 to ${MAX_TAGS} tags` }
  }
  for (const tag of tags) {
    if (typeof tag !== "string" || !(SHARED_TAGS.has(tag) || PRODUCT_TAG.test(tag))) {
      return { error: `tags: ${JSON.stringify(tag).slice(0, 80)} is not a catalogue tag` }
    }
  }
  return { tags: [...new Set(tags as string[])] }
}

/** Constant-time comparison of the presented secret with OCOP_STOREFRONT_SECRET (unset: nobody may ask). */
export function secretMatches(presented: string | null, expected: string | undefined): boolean {
  if (!expected || expected.length < 16 || !presented) return false
  const a = Buffer.from(presented)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}
