import type { MetadataRoute } from "next"
import { listProducers } from "@/lib/data/producers"
import { listAllProductHandles } from "@/lib/data/products"
import { LOCALES } from "@/lib/util/locale"
import { siteUrl } from "@/lib/util/site"

// Built per request (and cached by the data layer), so it follows the live catalogue.
export const dynamic = "force-dynamic"

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = siteUrl()
  const entry = (path: string, lastModified?: string | null, priority?: number): MetadataRoute.Sitemap[number] => ({
    url: `${base}/vi${path}`,
    lastModified: lastModified ? new Date(lastModified) : undefined,
    priority,
    alternates: { languages: Object.fromEntries(LOCALES.map((l) => [l, `${base}/${l}${path}`])) },
  })
  const [products, producers] = await Promise.all([listAllProductHandles(), listProducers(500)])
  return [
    entry("", null, 1),
    entry("/products", null, 0.9),
    entry("/producers", null, 0.7),
    entry("/verify", null, 0.5),
    ...products.map((p) => entry(`/products/${p.handle}`, p.updated_at, 0.8)),
    ...(producers.ok ? producers.data.map((p) => entry(`/producers/${p.handle}`, null, 0.6)) : []),
  ].flatMap((e) => [e, { ...e, url: e.url.replace(`${base}/vi`, `${base}/en`) }])
}
