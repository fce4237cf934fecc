/**
 * A shopper's order as parcels: one per producer that sold something in it,
 * with that producer's lines and the shipments it made for them.
 *
 * Medusa's `GET /store/orders/:id` cannot say this: its store field list allows
 * `fulfillments` but not their metadata (which producer shipped), labels
 * (tracking) or items, and the producer of a line lives in our producer ↔ order
 * link (src/links/producer-order.ts), which the store order route does not load.
 * Read-only, so no workflow: who may read the order is decided before this runs
 * (order-access.ts), exactly as for Medusa's order route.
 */
import type { ParcelStatus, StoreOrderParcel } from "../../../modules/ocop/contract"

/** What `orderParcels` (store/orders/[id]/parcels/route.ts) reads of the order. */
export const PARCEL_ORDER_FIELDS = [
  "id",
  "items.id",
  "items.title",
  "items.product_title",
  "items.variant_title",
  "items.thumbnail",
  "items.quantity",
  "items.detail.quantity",
  "items.detail.shipped_quantity",
  "items.detail.delivered_quantity",
  "fulfillments.id",
  "fulfillments.created_at",
  "fulfillments.shipped_at",
  "fulfillments.delivered_at",
  "fulfillments.canceled_at",
  "fulfillments.metadata",
  "fulfillments.labels.tracking_number",
  "fulfillments.labels.tracking_url",
]

function num(v: unknown): number {
  if (v && typeof v === "object" && "numeric" in (v as Record<string, unknown>)) return Number((v as { numeric: unknown }).numeric)
  return Number(v ?? 0)
}

const iso = (v: unknown): string | null => (v ? new Date(v as string).toISOString() : null)

/** Only a web address is handed out as a link; a carrier form field may hold anything else. */
function webUrl(v: unknown): string | null {
  if (typeof v !== "string" || !v.trim()) return null
  try {
    const u = new URL(v.trim())
    return u.protocol === "https:" || u.protocol === "http:" ? u.toString() : null
  } catch {
    return null
  }
}

export function parcelStatus(units: number, shipped: number, delivered: number): ParcelStatus {
  if (units > 0 && delivered >= units) return "delivered"
  if (units > 0 && shipped >= units) return "shipped"
  return shipped > 0 ? "partially_shipped" : "waiting"
}

export type LinkRow = { producer_id: string; line_item_ids: string[] | null }
export type ProducerRow = { id: string; handle: string; legal_name: string }

/**
 * Pure grouping (unit-tested): the order's lines by the producer link that owns them, in the
 * order producers appear in the order's lines; lines no link owns form one parcel without producer.
 * A fulfillment belongs to the producer in its `metadata.producer_id` (set by the portal's ship
 * workflow); canceled ones are not shipments.
 */
export function toParcels(order: any, links: LinkRow[], producers: ProducerRow[]): StoreOrderParcel[] {
  const ownerOf = new Map<string, string>()
  for (const l of links) for (const id of l.line_item_ids ?? []) ownerOf.set(id, l.producer_id)
  const byProducer = new Map(producers.map((p) => [p.id, p]))
  const groups = new Map<string | null, any[]>()
  for (const i of (order.items ?? []).filter(Boolean)) {
    const key = ownerOf.get(i.id) ?? null
    groups.set(key, [...(groups.get(key) ?? []), i])
  }
  const fulfillments = (order.fulfillments ?? []).filter((f: any) => f && !f.canceled_at)
  return [...groups.entries()].map(([producerId, lines]) => {
    const items = lines.map((i: any) => ({
      id: i.id as string,
      title: (i.product_title ?? i.title) as string,
      variant_title: (i.variant_title ?? null) as string | null,
      thumbnail: (i.thumbnail ?? null) as string | null,
      quantity: num(i.detail?.quantity ?? i.quantity),
      shipped_quantity: num(i.detail?.shipped_quantity),
      delivered: num(i.detail?.delivered_quantity),
    }))
    const units = items.reduce((s, i) => s + i.quantity, 0)
    const shipped = items.reduce((s, i) => s + i.shipped_quantity, 0)
    const delivered = items.reduce((s, i) => s + i.delivered, 0)
    const p = producerId ? byProducer.get(producerId) : undefined
    return {
      producer: p ? { id: p.id, handle: p.handle, legal_name: p.legal_name } : null,
      status: parcelStatus(units, shipped, delivered),
      items: items.map(({ delivered: _d, ...i }) => i),
      shipments: producerId
        ? fulfillments
            .filter((f: any) => f.metadata?.producer_id === producerId)
            .sort((a: any, b: any) => String(a.created_at).localeCompare(String(b.created_at)))
            .map((f: any) => ({
              id: f.id as string,
              shipped_at: iso(f.shipped_at),
              delivered_at: iso(f.delivered_at),
              carrier: typeof f.metadata?.carrier === "string" && f.metadata.carrier ? (f.metadata.carrier as string) : null,
              tracking: (f.labels ?? [])
                .filter((l: any) => l?.tracking_number)
                .map((l: any) => ({ number: String(l.tracking_number), url: webUrl(l.tracking_url) })),
            }))
        : [],
    }
  })
}
