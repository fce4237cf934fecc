import "server-only"
import { medusaGet, TAGS } from "../data/common"
import { LOCALES } from "../util/locale"
import { siteUrl } from "../util/site"

/**
 * The sitemap as an index of pages (sitemaps.org: at most 50 000 URLs per sitemap file). Every
 * page of the shop is one *entry* written once per locale, so a sitemap page holds
 * `ENTRIES_PER_PAGE` entries. Entry k of the whole sitemap: the four fixed pages first, then the
 * backend's list (GET /store/ocop/sitemap: products on sale, approved producers, certificates on
 * record, in a stable order), so page n is one backend slice and never the whole catalogue.
 */
export const MAX_URLS_PER_SITEMAP = 50_000
export const ENTRIES_PER_PAGE = Math.floor(MAX_URLS_PER_SITEMAP / LOCALES.length)

type Entry = { path: string; updated_at?: string | null; priority: number }
type BackendEntry = { type: "product" | "producer" | "certificate"; key: string; updated_at: string }
type BackendSlice = { entries: BackendEntry[]; count: number }

const FIXED: Entry[] = [
  { path: "", priority: 1 },
  { path: "/products", priority: 0.9 },
  { path: "/producers", priority: 0.7 },
  { path: "/verify", priority: 0.5 },
]
const PRIORITY = { product: 0.8, producer: 0.6, certificate: 0.4 } as const
const PREFIX = { product: "/products/", producer: "/producers/", certificate: "/verify/" } as const

// Sitemaps are read by crawlers, not shoppers: a short cache keeps a crawl from re-reading the
// catalogue per page, and the product tag drops it when the catalogue changes.
const slice = (offset: number, limit: number) =>
  medusaGet<BackendSlice>("/store/ocop/sitemap", { query: { offset, limit }, tags: [TAGS.products, TAGS.producers], revalidate: 300, timeoutMs: 30_000 })

/** How many sitemap pages there are (at least one: the fixed pages). */
export async function sitemapPageCount(): Promise<number> {
  const { count } = await slice(0, 0)
  return Math.max(1, Math.ceil((FIXED.length + count) / ENTRIES_PER_PAGE))
}

/** The entries of sitemap page `page` (0-based); `null` past the last page. */
export async function sitemapPage(page: number): Promise<Entry[] | null> {
  const start = page * ENTRIES_PER_PAGE
  const end = start + ENTRIES_PER_PAGE
  const fixed = FIXED.slice(start, end)
  const from = Math.max(0, start - FIXED.length)
  const { entries, count } = await slice(from, end - FIXED.length - from)
  if (page > 0 && from >= count) return null
  return [
    ...fixed,
    ...entries.map((e) => ({ path: `${PREFIX[e.type]}${encodeURIComponent(e.key)}`, updated_at: e.updated_at, priority: PRIORITY[e.type] })),
  ]
}

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!)

/** One sitemap page: every entry once per locale, each with its alternates (hreflang). */
export function renderSitemap(entries: Entry[]): string {
  const base = siteUrl()
  const urls = entries.flatMap((e) => {
    const alternates = LOCALES.map((l) => `<xhtml:link rel="alternate" hreflang="${l}" href="${escapeXml(`${base}/${l}${e.path}`)}"/>`).join("")
    const lastmod = e.updated_at ? `<lastmod>${new Date(e.updated_at).toISOString()}</lastmod>` : ""
    return LOCALES.map((l) => `<url><loc>${escapeXml(`${base}/${l}${e.path}`)}</loc>${alternates}${lastmod}<priority>${e.priority}</priority></url>`)
  })
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join("\n")}\n</urlset>\n`
}

export function renderSitemapIndex(pages: number): string {
  const base = siteUrl()
  const items = Array.from({ length: pages }, (_, i) => `<sitemap><loc>${escapeXml(`${base}/sitemaps/${i}.xml`)}</loc></sitemap>`)
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join("\n")}\n</sitemapindex>\n`
}

export const XML_HEADERS = { "content-type": "application/xml; charset=utf-8", "cache-control": "public, max-age=300" }
