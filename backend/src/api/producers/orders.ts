/**
 * A producer's view of orders: only orders linked to it when they were placed
 * (src/links/producer-order.ts), only its own line items, the shipping address
 * it needs to send them, only its own fulfillments, and the order's payment
 * status (may it ship yet?).
 *
 * The portal never hands out Medusa's order id: `GET /store/orders/:id` answers
 * the whole order (every producer's lines, the shopper's payment) to whoever
 * holds a guest order's id shortly after checkout (store/orders/order-access.ts).
 * A portal order's `id` is its display number (`#1042`), which opens nothing but
 * the producer's own lines on the portal routes.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import ProducerOrderLink from "../../links/producer-order"
import { ORDER_PAYMENT_FIELDS, orderPayment } from "../../modules/producer-portal/payment-status"
import { conflict } from "./helpers"

const ORDER_FIELDS = [
  "id",
  "display_id",
  "status",
  "created_at",
  "currency_code",
  "shipping_address.first_name",
  "shipping_address.last_name",
  "shipping_address.company",
  "shipping_address.address_1",
  "shipping_address.address_2",
  "shipping_address.city",
  "shipping_address.province",
  "shipping_address.postal_code",
  "shipping_address.country_code",
  "shipping_address.phone",
  "shipping_methods.name",
  "items.id",
  "items.title",
  "items.product_id",
  "items.product_title",
  "items.variant_id",
  "items.variant_title",
  "items.variant_sku",
  "items.thumbnail",
  "items.quantity",
  "items.detail.quantity",
  "items.unit_price",
  "items.detail.fulfilled_quantity",
  "items.detail.shipped_quantity",
  "fulfillments.id",
  "fulfillments.created_at",
  "fulfillments.shipped_at",
  "fulfillments.canceled_at",
  "fulfillments.metadata",
  "fulfillments.labels.tracking_number",
  "fulfillments.labels.tracking_url",
  "fulfillments.items.line_item_id",
  "fulfillments.items.quantity",
  ...ORDER_PAYMENT_FIELDS,
]

type LinkRow = { order_id: string; producer_id: string; line_item_ids: string[] | null; created_at?: string }

async function linkRows(container: MedusaContainer, filters: Record<string, unknown>, pagination?: { take: number; skip: number }) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: ProducerOrderLink.entryPoint,
    fields: ["order_id", "producer_id", "line_item_ids", "created_at"],
    filters,
    ...(pagination ? { pagination: { ...pagination, order: { created_at: "DESC" } } } : {}),
  } as any)
  return { rows: data as unknown as LinkRow[], count: (metadata as any)?.count ?? data.length }
}

function num(v: unknown): number {
  if (v && typeof v === "object" && "numeric" in (v as any)) return Number((v as any).numeric)
  return Number(v ?? 0)
}

export type ProducerOrderItem = {
  id: string
  product_id: string | null
  product_title: string
  variant_title: string | null
  variant_sku: string | null
  thumbnail: string | null
  quantity: number
  unit_price: number
  fulfilled_quantity: number
  shipped_quantity: number
  remaining_quantity: number
}

function toProducerOrder(order: any, link: LinkRow, producerId: string, detail: boolean) {
  const mine = new Set(link.line_item_ids ?? [])
  const items: ProducerOrderItem[] = (order.items ?? [])
    .filter((i: any) => i && mine.has(i.id))
    .map((i: any): ProducerOrderItem => {
      const quantity = num(i.detail?.quantity ?? i.quantity)
      const fulfilled = num(i.detail?.fulfilled_quantity)
      const shipped = num(i.detail?.shipped_quantity)
      return {
        id: i.id as string,
        product_id: i.product_id as string | null,
        product_title: (i.product_title ?? i.title) as string,
        variant_title: (i.variant_title ?? null) as string | null,
        variant_sku: (i.variant_sku ?? null) as string | null,
        thumbnail: (i.thumbnail ?? null) as string | null,
        quantity,
        unit_price: num(i.unit_price),
        fulfilled_quantity: fulfilled,
        shipped_quantity: shipped,
        remaining_quantity: Math.max(0, quantity - fulfilled),
      }
    })
  const shippedUnits = items.reduce((s: number, i: any) => s + i.shipped_quantity, 0)
  const units = items.reduce((s: number, i: any) => s + i.quantity, 0)
  const a = order.shipping_address ?? {}
  const payment = orderPayment(order.payment_collections)
  return {
    // The portal's reference, not Medusa's order id (see the top of this file).
    id: String(order.display_id),
    display_id: order.display_id as number,
    status: order.status as string,
    created_at: order.created_at,
    currency_code: order.currency_code as string,
    items,
    subtotal: items.reduce((s: number, i: any) => s + i.unit_price * i.quantity, 0),
    shipping_status: shippedUnits === 0 ? "not_shipped" : shippedUnits < units ? "partially_shipped" : "shipped",
    payment_status: payment.status,
    payment_method: payment.method,
    can_ship: payment.can_ship,
    shipping_address: detail
      ? {
          first_name: a.first_name ?? null,
          last_name: a.last_name ?? null,
          company: a.company ?? null,
          address_1: a.address_1 ?? null,
          address_2: a.address_2 ?? null,
          city: a.city ?? null,
          province: a.province ?? null,
          postal_code: a.postal_code ?? null,
          country_code: a.country_code ?? null,
          phone: a.phone ?? null,
        }
      : { city: a.city ?? null, province: a.province ?? null, country_code: a.country_code ?? null },
    ...(detail
      ? {
          shipping_method: order.shipping_methods?.[0]?.name ?? null,
          fulfillments: (order.fulfillments ?? [])
            .filter((f: any) => f?.metadata?.producer_id === producerId)
            .map((f: any) => ({
              id: f.id,
              created_at: f.created_at,
              shipped_at: f.shipped_at,
              canceled_at: f.canceled_at,
              carrier: f.metadata?.carrier ?? null,
              labels: (f.labels ?? []).map((l: any) => ({ tracking_number: l.tracking_number, tracking_url: l.tracking_url || null })),
              items: (f.items ?? []).map((i: any) => ({ line_item_id: i.line_item_id, quantity: num(i.quantity) })),
            })),
        }
      : {}),
  }
}

export type ProducerOrder = ReturnType<typeof toProducerOrder>

export async function listProducerOrders(container: MedusaContainer, producerId: string, take: number, skip: number) {
  const { rows, count } = await linkRows(container, { producer_id: producerId }, { take, skip })
  if (!rows.length) return { orders: [] as ProducerOrder[], count }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: rows.map((r) => r.order_id) } })
  const byId = new Map(data.map((o: any) => [o.id, o]))
  const orders = rows.filter((r) => byId.has(r.order_id)).map((r) => toProducerOrder(byId.get(r.order_id), r, producerId, false))
  return { orders, count }
}

const DISPLAY_ID = /^[1-9][0-9]{0,14}$/
const ORDER_ID = /^order_[0-9A-Za-z]{1,64}$/

/**
 * Medusa's order id behind a portal reference: the display number the portal
 * shows, or (for API clients that already hold it) the order id itself — either
 * opens only the producer's own lines. 404 unless the producer sold something in it.
 */
export async function producerOrderId(container: MedusaContainer, producerId: string, ref: string): Promise<{ orderId: string; link: LinkRow }> {
  const notFound = () => new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${ref} was not found`)
  let orderId: string | undefined
  if (ORDER_ID.test(ref)) orderId = ref
  else if (DISPLAY_ID.test(ref)) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "order", fields: ["id"], filters: { display_id: Number(ref) } as any })
    orderId = (data[0] as { id?: string } | undefined)?.id
  }
  if (!orderId) throw notFound()
  const { rows } = await linkRows(container, { producer_id: producerId, order_id: orderId })
  if (!rows[0]) throw notFound()
  return { orderId, link: rows[0] }
}

/** One order as the producer sees it; 404 unless the producer sold something in it. */
export async function loadProducerOrder(container: MedusaContainer, producerId: string, ref: string) {
  const { orderId, link } = await producerOrderId(container, producerId, ref)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: orderId } })
  if (!data[0]) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${ref} was not found`)
  return { orderId, order: toProducerOrder(data[0], link, producerId, true) }
}

/** 409 when the product still has units to ship in an order that is not canceled. */
export async function assertNoOpenOrders(container: MedusaContainer, producerId: string, productId: string) {
  const { rows } = await linkRows(container, { producer_id: producerId })
  if (!rows.length) return
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "status", "items.id", "items.product_id", "items.detail.quantity", "items.detail.fulfilled_quantity"],
    filters: { id: rows.map((r) => r.order_id), status: { $nin: ["canceled", "draft"] } } as any,
  })
  const open = data.filter((o: any) =>
    (o.items ?? []).some((i: any) => i?.product_id === productId && num(i.detail?.quantity) > num(i.detail?.fulfilled_quantity))
  )
  if (open.length) {
    throw conflict(
      `This listing has items waiting to be shipped in order${open.length > 1 ? "s" : ""} ${open.map((o: any) => `#${o.display_id}`).join(", ")}; ship them first.`
    )
  }
}
