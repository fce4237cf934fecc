import "server-only"
import Medusa from "@medusajs/js-sdk"

/**
 * The ONE js-sdk instance. Server-side only: the browser never talks to Medusa
 * directly, so the customer's JWT and cart id stay in httpOnly cookies.
 * `MEDUSA_BACKEND_URL` (server, e.g. the docker service name) wins over the
 * public URL, which is what image URLs and the browser would use.
 */
export const BACKEND_URL =
  process.env.MEDUSA_BACKEND_URL || process.env.NEXT_PUBLIC_MEDUSA_BACKEND_URL || "http://localhost:9000"

export const PUBLISHABLE_KEY = process.env.NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY || ""

export const sdk = new Medusa({
  baseUrl: BACKEND_URL,
  publishableKey: PUBLISHABLE_KEY,
  debug: false,
  // Never keep a token inside this shared instance: every authenticated call
  // passes the shopper's own Authorization header (see lib/data/cookies.ts).
  auth: { type: "jwt", jwtTokenStorageMethod: "nostore" },
})
