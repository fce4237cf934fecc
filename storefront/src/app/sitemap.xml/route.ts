import { renderSitemapIndex, sitemapPageCount, XML_HEADERS } from "@/lib/sitemap"

// Follows the live catalogue (the data layer caches the backend's answer briefly).
export const dynamic = "force-dynamic"

/** GET /sitemap.xml — the sitemap index: one `/sitemaps/<n>.xml` per 50 000 URLs. */
export async function GET() {
  try {
    return new Response(renderSitemapIndex(await sitemapPageCount()), { headers: XML_HEADERS })
  } catch (e) {
    console.error("[sitemap] index failed:", (e as Error).message)
    return new Response("sitemap temporarily unavailable\n", { status: 503, headers: { "retry-after": "60" } })
  }
}
