import "server-only"
import { cache } from "react"
import type { Result } from "../types"
import { attempt, medusaGet } from "./common"

/** A lot as the GS1 Digital Link resolver shows it (backend: api/store/ocop/trace/resolve.ts). */
export type TraceCertificate = {
  certificate_number: string
  decision_number: string
  decision_date: string
  issuing_authority: string
  stars: number
  status: string
  valid_from: string
  valid_until: string
  in_force: boolean
  address_as_certified: string | null
  is_demo: boolean
}
export type TracedLot = {
  gtin: string
  lot_number: string
  production_date: string
  expiry_date: string | null
  notes: string | null
  is_demo: boolean
  status: "live" | "superseded"
  expiry_in_link_matches: boolean | null
  digital_link: string
  corrects: { lot_number: string } | null
  corrected_by: { lot_number: string; digital_link: string; corrected_at: string } | null
  product: { title: string; title_en: string | null; variant_title: string | null; thumbnail: string | null; handle: string | null; on_sale: boolean }
  made_by: { legal_name: string; handle: string; current_address: string; current_address_en: string; commune: string; former_commune: string | null; area: string } | null
  certification_on_production_date: TraceCertificate | null
  certification_today: TraceCertificate | null
}
export type LotSummary = { id: string; gtin: string; lot_number: string; production_date: string; expiry_date: string | null; is_demo: boolean; digital_link: string }

const notFoundOrBad = (s?: number) => s === 404 || s === 400

/** Always fresh: a certificate revoked this minute must show as revoked on the next scan. */
export const getTracedLot = cache(async (gtin: string, lot: string, expiry: string | null): Promise<Result<TracedLot | null>> => {
  const res = await attempt("trace", async () => {
    const r = await medusaGet<{ lot: TracedLot }>(`/store/ocop/trace/${encodeURIComponent(gtin)}/lots/${encodeURIComponent(lot)}`, {
      revalidate: 0,
      query: expiry ? { "17": expiry } : undefined,
    })
    return r.lot
  })
  if (!res.ok && notFoundOrBad(res.status)) return { ok: true, data: null }
  return res
})

export const getTradeItem = cache(
  async (gtin: string): Promise<Result<{ gtin: string; product: { handle: string | null; title: string; sellable: boolean }; lots_count: number } | null>> => {
    const res = await attempt("trace", async () => (await medusaGet<{ trade_item: any }>(`/store/ocop/trace/${encodeURIComponent(gtin)}`, { revalidate: 0 })).trade_item)
    if (!res.ok && notFoundOrBad(res.status)) return { ok: true, data: null }
    return res
  }
)

export async function getCertificateLots(number: string): Promise<LotSummary[]> {
  const res = await attempt("trace", async () =>
    (await medusaGet<{ lots: LotSummary[] }>(`/store/ocop/certificates/${encodeURIComponent(number)}/lots`, { revalidate: 0 })).lots
  )
  return res.ok ? res.data : []
}

/** GTINs of a product's variants, for the product page's JSON-LD (empty when none or unavailable). */
export async function getProductGtins(productId: string): Promise<{ gtin: string; variant_id: string }[]> {
  const res = await attempt("trace", async () =>
    (await medusaGet<{ trade_items: { gtin: string; variant_id: string }[] }>("/store/ocop/trade-items", { query: { product_id: productId }, revalidate: 60 })).trade_items
  )
  return res.ok ? res.data : []
}
