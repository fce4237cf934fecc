import { revalidateTag } from "next/cache"
import { parseRevalidationRequest, secretMatches } from "@/lib/util/revalidation"

/**
 * POST /api/revalidate — the backend tells the storefront that the catalogue changed (a certificate
 * suspended, revoked, re-rated or lapsed; a producer suspended), so a product that may no longer be
 * sold leaves the cached pages at once instead of after CATALOGUE_TTL. Authenticated with the
 * secret the backend and the storefront server share (OCOP_STOREFRONT_SECRET).
 */
export const dynamic = "force-dynamic"

export async function POST(request: Request) {
  if (!secretMatches(request.headers.get("x-ocop-storefront-secret"), process.env.OCOP_STOREFRONT_SECRET)) {
    return Response.json({ type: "unauthorized", message: "a valid x-ocop-storefront-secret is required" }, { status: 401 })
  }
  let body: unknown
  try {
    body = await request.json()
  } catch {
    return Response.json({ type: "invalid_data", message: "body: expected JSON" }, { status: 400 })
  }
  const parsed = parseRevalidationRequest(body)
  if ("error" in parsed) return Response.json({ type: "invalid_data", message: parsed.error }, { status: 400 })
  // expire: 0 — the next request refetches; the default profile would serve the stale page once more.
  for (const tag of parsed.tags) revalidateTag(tag, { expire: 0 })
  return Response.json({ revalidated: parsed.tags }, { headers: { "cache-control": "no-store" } })
}
