import { renderSitemap, sitemapPage, XML_HEADERS } from "@/lib/sitemap"

export const dynamic = "force-dynamic"

/** GET /sitemaps/<n>.xml — one page of the sitemap index (≤ 50 000 URLs). */
export async function GET(_req: Request, { params }: { params: Promise<{ page: string }> }) {
  const m = /^(\d{1,6})\.xml$/.exec((await params).page)
  if (!m) return new Response("not found\n", { status: 404 })
  try {
    const entries = await sitemapPage(Number(m[1]))
    if (!entries) return new Response("not found\n", { status: 404 })
    return new Response(renderSitemap(entries), { headers: XML_HEADERS })
  } catch (e) {
    console.error("[sitemap] page failed:", (e as Error).message)
    return new Response("sitemap temporarily unavailable\n", { status: 503, headers: { "retry-after": "60" } })
  }
}
