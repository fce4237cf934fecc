import type { NextRequest } from "next/server"
import type { InstantHit } from "@/components/search/SearchBox"
import { getRegionContext } from "@/lib/data/regions"
import { searchCatalogue } from "@/lib/data/search"
import { hitToCard } from "@/lib/util/cards"
import { toLocale } from "@/lib/util/locale"
import { formatMoney } from "@/lib/util/money"
import { parseCatalogueParams } from "@/lib/util/search"

/** Instant results for the header search box (the browser never calls Medusa directly). */
export async function GET(req: NextRequest) {
  const locale = toLocale(req.nextUrl.searchParams.get("locale"))
  const q = (req.nextUrl.searchParams.get("q") ?? "").trim().slice(0, 100)
  if (q.length < 2) return Response.json({ hits: [], count: 0 })
  const ctx = await getRegionContext(locale)
  const currency = ctx.region?.currency_code ?? (locale === "en" ? "usd" : "vnd")
  const res = await searchCatalogue(parseCatalogueParams({ q }), { currency, regionId: ctx.region?.id, limit: 6, offset: 0 })
  if (!res.ok) return Response.json({ error: "unavailable" }, { status: 503 })
  const hits: InstantHit[] = res.data.hits.map((h) => {
    const card = hitToCard(h, locale, currency)
    return {
      id: card.id,
      handle: card.handle,
      title: card.title,
      meta: [card.producerName, card.district].filter(Boolean).join(" · ") || null,
      thumbnail: card.thumbnail,
      stars: card.stars,
      price: card.price !== null ? formatMoney(card.price, currency, locale) : null,
    }
  })
  return Response.json({ hits, count: res.data.count }, { headers: { "cache-control": "private, max-age=30" } })
}
