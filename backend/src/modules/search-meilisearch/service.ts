import type { Logger, SearchTypes } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { MeilisearchSearchProviderService } from "@rokmohar/medusa-plugin-meilisearch/providers/meilisearch"

/** What medusa-config.ts passes (`{ host, apiKey }`), or the plugin's own `{ config: { host, apiKey } }`. */
export type OcopMeilisearchOptions = {
  host?: string
  apiKey?: string
  config?: { host: string; apiKey?: string; [k: string]: unknown }
  settings?: Record<string, unknown>
  task_timeout_ms?: number
  task_polling_interval_ms?: number
}

export function toPluginOptions(options: OcopMeilisearchOptions = {}) {
  const { host, apiKey, config, ...rest } = options
  const resolved = config ?? (host ? { host, ...(apiKey ? { apiKey } : {}) } : undefined)
  if (!resolved?.host) {
    throw new MedusaError(MedusaError.Types.INVALID_ARGUMENT, "The Meilisearch search provider needs a host (MEILISEARCH_HOST).")
  }
  return { ...rest, config: resolved }
}

/**
 * The parts of the Search Module's query that Meilisearch expresses differently:
 * - `typo_tolerance` is an index setting there (declared in src/search/product.ts),
 *   so the per-query preference is dropped rather than rejected;
 * - `match_strategy: "any"` becomes Meilisearch's `frequency` strategy (drop the
 *   most common words until something matches), the closest it has to OR.
 */
export function translateQuery<T extends SearchTypes.ProviderSearchQuery>(input: T): T {
  const options = input.search_options
  if (!options || (options.typo_tolerance === undefined && options.match_strategy !== "any")) return input
  const { typo_tolerance: _typo, match_strategy, provider_options, ...rest } = options
  const translated: SearchTypes.SearchOptions = { ...rest }
  if (match_strategy === "any") {
    translated.provider_options = {
      ...(provider_options ?? {}),
      meilisearch: { matchingStrategy: "frequency", ...((provider_options?.meilisearch as Record<string, unknown>) ?? {}) },
    }
  } else {
    if (match_strategy) translated.match_strategy = match_strategy
    if (provider_options) translated.provider_options = provider_options
  }
  return { ...input, search_options: translated }
}

/**
 * Meilisearch provider for the Search Module: @rokmohar/medusa-plugin-meilisearch
 * (settings, filters, facets, tasks), registered under the identifier
 * "meilisearch" and adapted to the options medusa-config.ts passes and to the
 * queries GET /store/ocop/search sends (see translateQuery).
 */
export class OcopMeilisearchProviderService extends MeilisearchSearchProviderService {
  static identifier = "meilisearch"

  constructor(deps: { logger?: Logger }, options: OcopMeilisearchOptions) {
    super(deps, toPluginOptions(options) as any)
  }

  async search(input: SearchTypes.ProviderSearchQuery): Promise<SearchTypes.SearchResult> {
    return super.search(translateQuery(input))
  }

  async searchMany(inputs: SearchTypes.ProviderSearchQuery[]): Promise<SearchTypes.SearchResult[]> {
    return super.searchMany(inputs.map(translateQuery))
  }
}

export default OcopMeilisearchProviderService
