import "server-only"
import type { HttpTypes } from "@medusajs/types"
import { cache } from "react"
import { errorStatus, medusaGet, TAGS } from "./common"
import { getCartId } from "./cookies"

export const CART_FIELDS =
  "id,email,currency_code,region_id,total,subtotal,item_total,item_subtotal,shipping_total,discount_total,tax_total,original_total,*region,*region.countries,*items,*items.variant,*items.product,+items.total,+items.subtotal,*promotions,*shipping_address,*billing_address,*shipping_methods,*payment_collection,*payment_collection.payment_sessions"

/** The shopper's cart from the cookie, or `null` (no cookie, completed, deleted, or backend down). */
export const retrieveCart = cache(async (): Promise<HttpTypes.StoreCart | null> => {
  const id = await getCartId()
  if (!id) return null
  try {
    const { cart } = await medusaGet<HttpTypes.StoreCartResponse>(`/store/carts/${id}`, {
      query: { fields: CART_FIELDS },
      tags: [TAGS.cart(id)],
      cache: "force-cache",
      revalidate: 60,
    })
    // A completed cart is not a cart any more (the order page takes over).
    if ((cart as { completed_at?: string | null }).completed_at) return null
    return cart
  } catch (e) {
    const s = errorStatus(e)
    if (s && s !== 404) console.error("[data] cart failed:", (e as Error).message)
    return null
  }
})

export function cartItemCount(cart: HttpTypes.StoreCart | null): number {
  return (cart?.items ?? []).reduce((n, i) => n + (i.quantity ?? 0), 0)
}

export async function listShippingOptions(cartId: string): Promise<HttpTypes.StoreCartShippingOption[]> {
  try {
    const { shipping_options } = await medusaGet<HttpTypes.StoreShippingOptionListResponse>("/store/shipping-options", {
      query: { cart_id: cartId },
      tags: [TAGS.shipping(cartId), TAGS.cart(cartId)],
      revalidate: 0,
    })
    return shipping_options ?? []
  } catch (e) {
    console.error("[data] shipping options failed:", (e as Error).message)
    return []
  }
}

export async function listPaymentProviders(regionId: string): Promise<HttpTypes.StorePaymentProvider[]> {
  try {
    const { payment_providers } = await medusaGet<HttpTypes.StorePaymentProviderListResponse>("/store/payment-providers", {
      query: { region_id: regionId },
      tags: [TAGS.payment(regionId)],
      revalidate: 300,
    })
    return payment_providers ?? []
  } catch (e) {
    console.error("[data] payment providers failed:", (e as Error).message)
    return []
  }
}
