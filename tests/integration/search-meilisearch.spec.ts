/**
 * The same search conformance suite against Meilisearch. Skipped unless
 * MEILISEARCH_HOST points at a Meilisearch server (docker compose starts one);
 * the main test backend then uses it.
 */
import { describe, it } from "vitest"
import { searchClientFor } from "../search/backend"
import { searchConformance } from "../search/conformance"

if (process.env.MEILISEARCH_HOST) {
  searchConformance("Meilisearch", () => searchClientFor("meilisearch"))
} else {
  describe.skip("search conformance — Meilisearch (set MEILISEARCH_HOST to run)", () => {
    it("runs the provider conformance suite against Meilisearch", () => {})
  })
}
