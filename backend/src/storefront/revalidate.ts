import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** The storefront's catalogue tags (storefront/src/lib/data/common.ts TAGS, and its /api/revalidate whitelist). */
export function catalogueTags(handles: string[]): string[] {
  return ["products", "producers", "search", ...handles.map((h) => `product-${h}`)]
}

/**
 * Asks the storefront to drop its cached catalogue pages for these products (POST /api/revalidate,
 * authenticated with OCOP_STOREFRONT_SECRET). Best effort: without a secret, or when the storefront
 * does not answer within 3 s, it logs why and returns — the storefront's own cache lifetime
 * (60 s) then bounds how long a product that left the store can still be shown; carts and checkout
 * refuse it either way.
 */
export async function revalidateStorefrontCatalogue(container: MedusaContainer, productIds: string[]): Promise<boolean> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const storefrontUrl = process.env.STOREFRONT_URL
  const secret = process.env.OCOP_STOREFRONT_SECRET
  if (!storefrontUrl || !secret || !productIds.length) return false
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product", fields: ["handle"], filters: { id: productIds }, withDeleted: true })
  const handles = data.map((p: { handle: string | null }) => p.handle).filter((h): h is string => !!h)
  const tags = catalogueTags(handles)
  try {
    for (let i = 0; i < tags.length; i += 200) {
      const res = await fetch(new URL("/api/revalidate", storefrontUrl), {
        method: "POST",
        headers: { "content-type": "application/json", "x-ocop-storefront-secret": secret },
        body: JSON.stringify({ tags: tags.slice(i, i + 200) }),
        signal: AbortSignal.timeout(3000),
      })
      if (!res.ok) {
        logger.warn(`storefront revalidation: ${res.status} from ${storefrontUrl} for ${productIds.length} product(s)`)
        return false
      }
    }
    return true
  } catch (e) {
    logger.warn(`storefront revalidation: ${storefrontUrl} unreachable (${(e as Error).message}); pages expire on their own`)
    return false
  }
}
