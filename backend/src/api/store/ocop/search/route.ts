import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { runSearch, toResponse, type OcopSearchParams } from "../../../../search/_query"
import type { StoreOcopSearchType } from "./validators"

/**
 * GET /store/ocop/search — accent-insensitive, faceted search over sellable
 * OCOP products, on the Search Module (Postgres or Meilisearch, whichever is
 * configured). Tries an exact pass, then typo-tolerant ones, then "any word",
 * and answers with the first that finds something (see src/search/_query.ts).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const params = req.validatedQuery as unknown as StoreOcopSearchType as OcopSearchParams
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  try {
    const { pass, result } = await runSearch(async (q) => (await query.search(q)).search_result, params)
    // Which pass answered (exact, typo_strong, typo, any): for debugging and the benchmark.
    res.setHeader("X-Search-Pass", pass)
    res.json(toResponse(result, params.currency))
  } catch (e) {
    // No active index version yet (first boot before the index is filled, or a
    // rebuild being swapped in): a retryable 503, not a 500.
    if (e instanceof MedusaError && e.type === MedusaError.Types.NOT_FOUND) {
      res.setHeader("Retry-After", "5")
      res.status(503).json({
        type: "not_available",
        code: "search_index_not_ready",
        message: "Search is warming up: the product index is being built. Retry in a few seconds.",
      })
      return
    }
    throw e
  }
}
