/**
 * The search conformance suite against the PostgreSQL provider
 * (@medusajs/search-postgres) — the default engine, so it always runs. When
 * MEILISEARCH_HOST is set the main test backend uses Meilisearch, and this spec
 * starts a PostgreSQL-backed backend of its own.
 */
import { searchClientFor } from "../search/backend"
import { searchConformance } from "../search/conformance"

searchConformance("PostgreSQL", () => searchClientFor("postgres"))
