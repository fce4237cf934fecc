/** Identifier of the tuned PostgreSQL search provider (index versions record it). */
export const OCOP_POSTGRES_PROVIDER = "search-postgres-ocop"
