import type { OcopProduct, SearchHit } from "../types"
import type { Locale } from "./locale"
import { localizedProduct } from "./ocop"

/** What a product card needs, from either a catalogue product or a search hit. */
export type CardData = {
  id: string
  handle: string
  title: string
  subtitle: string | null
  thumbnail: string | null
  stars: number | null
  potential: boolean
  producerName: string | null
  district: string | null
  price: number | null
  currency: string
}

export function minPrice(p: OcopProduct): number | null {
  const prices = (p.variants ?? [])
    .map((v) => v.calculated_price?.calculated_amount)
    .filter((n): n is number => typeof n === "number")
  return prices.length ? Math.min(...prices) : null
}

export function productToCard(p: OcopProduct, locale: Locale, currency: string): CardData {
  const cert = p.current_certification ?? null
  const text = localizedProduct(p, locale)
  return {
    id: p.id,
    handle: p.handle ?? "",
    title: text.title,
    subtitle: text.subtitle,
    thumbnail: p.thumbnail ?? null,
    stars: cert?.stars ?? null,
    potential: Boolean(cert?.potential_five_star),
    producerName: p.producer?.legal_name ?? null,
    district: p.producer?.district ?? null,
    price: minPrice(p),
    currency,
  }
}

export function hitToCard(h: SearchHit, locale: Locale, currency: string): CardData {
  return {
    id: h.id,
    handle: h.handle,
    title: (locale === "en" && h.title_en) || h.title,
    subtitle: h.subtitle ?? null,
    thumbnail: h.thumbnail ?? null,
    stars: h.stars ?? null,
    potential: Boolean(h.potential_five_star),
    producerName: h.producer_name ?? null,
    district: h.district ?? null,
    price: (currency === "usd" ? h.price_usd : h.price_vnd) ?? null,
    currency,
  }
}
