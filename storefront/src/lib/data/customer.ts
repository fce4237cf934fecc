import "server-only"
import type { StoreOrderParcel } from "@hue-ocop/backend/ocop-contract"
import type { HttpTypes } from "@medusajs/types"
import { cache } from "react"
import { errorStatus, medusaGet, TAGS } from "./common"
import { getAuthHeaders, getCacheId } from "./cookies"

/** The signed-in customer, or null (not signed in, expired token, backend down). */
export const retrieveCustomer = cache(async (): Promise<HttpTypes.StoreCustomer | null> => {
  const headers = await getAuthHeaders()
  if (!headers.authorization) return null
  try {
    const { customer } = await medusaGet<HttpTypes.StoreCustomerResponse>("/store/customers/me", {
      query: { fields: "*addresses,+metadata" },
      headers,
      tags: [TAGS.customer(await getCacheId())],
      cache: "force-cache",
      revalidate: 600,
    })
    return customer
  } catch (e) {
    const s = errorStatus(e)
    if (s !== 401 && s !== 404) console.error("[data] customer failed:", (e as Error).message)
    return null
  }
})

export const ORDER_FIELDS =
  "id,display_id,customer_id,email,status,created_at,currency_code,total,subtotal,item_total,item_subtotal,shipping_total,discount_total,tax_total,payment_status,fulfillment_status,*items,+items.total,*shipping_address,*shipping_methods,*payment_collections,*payment_collections.payments,*payment_collections.payment_sessions"

export async function listOrders(limit = 20, offset = 0): Promise<{ orders: HttpTypes.StoreOrder[]; count: number } | null> {
  const headers = await getAuthHeaders()
  if (!headers.authorization) return null
  try {
    const res = await medusaGet<HttpTypes.StoreOrderListResponse>("/store/orders", {
      query: { limit, offset, order: "-created_at", fields: "id,display_id,status,created_at,currency_code,total,payment_status,fulfillment_status,*items" },
      headers,
      tags: [TAGS.orders(await getCacheId())],
      cache: "force-cache",
      revalidate: 120,
    })
    return { orders: res.orders, count: res.count }
  } catch (e) {
    console.error("[data] orders failed:", (e as Error).message)
    return null
  }
}

/** One order. Medusa lets anyone holding the id read it; the pages only ask for ids the shopper owns. */
export async function retrieveOrder(id: string): Promise<HttpTypes.StoreOrder | null> {
  try {
    const { order } = await medusaGet<{ order: HttpTypes.StoreOrder }>(`/store/orders/${encodeURIComponent(id)}`, {
      query: { fields: ORDER_FIELDS },
      headers: await getAuthHeaders(),
      revalidate: 0,
    })
    return order
  } catch (e) {
    const s = errorStatus(e)
    if (s !== 404 && s !== 401) console.error("[data] order failed:", (e as Error).message)
    return null
  }
}

/**
 * The order as one parcel per producer, with each parcel's status and tracking
 * (`GET /store/orders/:id/parcels`, readable exactly when the order is). Null when
 * it cannot be read: the page then shows the order without parcels.
 */
export async function retrieveOrderParcels(id: string): Promise<StoreOrderParcel[] | null> {
  try {
    const { parcels } = await medusaGet<{ parcels: StoreOrderParcel[] }>(`/store/orders/${encodeURIComponent(id)}/parcels`, {
      headers: await getAuthHeaders(),
      revalidate: 0,
    })
    return parcels
  } catch (e) {
    const s = errorStatus(e)
    if (s !== 404 && s !== 401) console.error("[data] order parcels failed:", (e as Error).message)
    return null
  }
}

/** Whether the signed-in shopper gets non-essential mail (null: not signed in or backend down). */
export async function retrieveMailPreferences(): Promise<{ non_essential: boolean } | null> {
  const headers = await getAuthHeaders()
  if (!headers.authorization) return null
  try {
    const { notification_preferences } = await medusaGet<{ notification_preferences: { non_essential: boolean } }>(
      "/store/customers/me/notification-preferences",
      { headers, cache: "no-store" }
    )
    return notification_preferences
  } catch {
    return null
  }
}
