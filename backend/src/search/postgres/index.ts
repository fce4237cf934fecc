import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { OcopPostgresSearchService } from "./_service"

/**
 * The tuned PostgreSQL search provider (see _service.ts). Register it in
 * medusa-config.ts as the Search Module's provider:
 *   { resolve: "./src/search/postgres", id: "postgres", options: { engine: "native" } }
 * (This folder holds only `index.ts` and `_`-prefixed files, which Medusa's
 * search-index loader skips.)
 */
export default ModuleProvider(Modules.SEARCH, {
  services: [OcopPostgresSearchService],
})
