import { configureStoreSearch, type MiddlewareRoute } from "@medusajs/framework/http"
import { listQuery } from "../../../utils/list-query"
import { StoreOcopSearch } from "./validators"

/**
 * Search routes, spread into src/api/middlewares.ts.
 *
 * - GET /store/ocop/search: the storefront's faceted search (strict validation).
 * - POST /store/search: Medusa's own endpoint (InstantSearch-compatible) over the
 *   same `product` index. The index only holds sellable products; Medusa adds
 *   `status = published` and the publishable key's sales channels (both are
 *   filterable fields of the index), and we add the certificate's validity so a
 *   lapsed certificate is hidden even before the expiry job has run.
 */
export const searchMiddlewareRoutes: MiddlewareRoute[] = [
  { matcher: "/store/ocop/search", method: "GET", middlewares: [listQuery(StoreOcopSearch)] },
  {
    matcher: "/store/search",
    method: "POST",
    middlewares: [
      configureStoreSearch({
        allowed_indexes: { product: { filters: () => ({ certified_until: { $gte: new Date() } }) } },
      }),
    ],
  },
]
