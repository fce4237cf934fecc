import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { OcopMeilisearchProviderService } from "./service"

/** Registered by medusa-config.ts when MEILISEARCH_HOST is set (provider id and identifier "meilisearch"). */
export default ModuleProvider(Modules.SEARCH, {
  services: [OcopMeilisearchProviderService],
})
