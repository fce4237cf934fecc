"use server"

import type { HttpTypes } from "@medusajs/types"
import { revalidateTag } from "next/cache"
import { redirect } from "next/navigation"
import { sdk } from "../config"
import { toLocale } from "../util/locale"
import { errorMessage } from "./common"
import { TAGS } from "./common"
import { getAuthHeaders, getCacheId, getCartId, removeCartId, setCartId, setLastOrder } from "./cookies"
import { CART_FIELDS, retrieveCart } from "./cart"
import { getRegionContext } from "./regions"
import { formText } from "../util/form"

export type ActionResult = { ok: true; message?: string } | { ok: false; error: string; values?: Record<string, string> }

const expire = { expire: 0 }

function refreshCart(cartId: string) {
  revalidateTag(TAGS.cart(cartId), expire)
  revalidateTag(TAGS.shipping(cartId), expire)
}

/** The cart for this browser, created (in the shopper's region) when there is none. */
async function getOrCreateCart(locale: string): Promise<HttpTypes.StoreCart> {
  const headers = await getAuthHeaders()
  const { region } = await getRegionContext(toLocale(locale))
  const existing = await retrieveCart()
  if (existing) {
    if (region && existing.region_id !== region.id) {
      const { cart } = await sdk.store.cart.update(existing.id, { region_id: region.id }, { fields: "id,region_id" }, headers)
      refreshCart(cart.id)
      return cart
    }
    return existing
  }
  if (!region) throw new Error("No region is available")
  // The language the shopper buys in: Medusa copies cart metadata to the order, and the
  // backend writes the order's messages in it (backend/src/notifications/recipients.ts).
  const { cart } = await sdk.store.cart.create(
    { region_id: region.id, metadata: { locale: toLocale(locale) } },
    { fields: "id,region_id" },
    headers
  )
  await setCartId(cart.id)
  refreshCart(cart.id)
  return cart
}

export async function addToCart(input: { variantId: string; quantity: number; locale: string }): Promise<ActionResult> {
  const quantity = Math.max(1, Math.min(99, Math.floor(Number(input.quantity) || 1)))
  if (!input.variantId) return { ok: false, error: "Missing variant" }
  try {
    const cart = await getOrCreateCart(input.locale)
    await sdk.store.cart.createLineItem(cart.id, { variant_id: input.variantId, quantity }, { fields: "id" }, await getAuthHeaders())
    refreshCart(cart.id)
    return { ok: true }
  } catch (e) {
    // e.g. the backend refuses an uncertified product with a 4xx: its message is shown to the shopper.
    return { ok: false, error: errorMessage(e, "Could not add the product to the cart.") }
  }
}

export async function updateLineItem(input: { lineId: string; quantity: number }): Promise<ActionResult> {
  const cartId = await getCartId()
  if (!cartId) return { ok: false, error: "No cart" }
  const quantity = Math.max(0, Math.min(99, Math.floor(Number(input.quantity))))
  try {
    if (quantity === 0) await sdk.store.cart.deleteLineItem(cartId, input.lineId, {}, await getAuthHeaders())
    else await sdk.store.cart.updateLineItem(cartId, input.lineId, { quantity }, { fields: "id" }, await getAuthHeaders())
    return { ok: true }
  } catch (e) {
    return { ok: false, error: errorMessage(e, "Could not update the cart.") }
  } finally {
    refreshCart(cartId)
  }
}

export async function deleteLineItem(lineId: string): Promise<ActionResult> {
  return updateLineItem({ lineId, quantity: 0 })
}

export async function applyPromotion(code: string): Promise<ActionResult> {
  const cartId = await getCartId()
  const clean = code.trim().slice(0, 64)
  if (!cartId || !clean) return { ok: false, error: "No code" }
  try {
    const { cart } = await sdk.store.cart.addPromotions(cartId, { promo_codes: [clean] }, { fields: "id,*promotions" }, await getAuthHeaders())
    const applied = (cart.promotions ?? []).some((p) => p.code?.toLowerCase() === clean.toLowerCase())
    return applied ? { ok: true } : { ok: false, error: `“${clean}” is not a valid code for this cart.` }
  } catch (e) {
    return { ok: false, error: errorMessage(e, "Could not apply the code.") }
  } finally {
    refreshCart(cartId)
  }
}

export async function removePromotion(code: string): Promise<ActionResult> {
  const cartId = await getCartId()
  if (!cartId) return { ok: false, error: "No cart" }
  try {
    await sdk.store.cart.removePromotions(cartId, { promo_codes: [code] }, { fields: "id" }, await getAuthHeaders())
    return { ok: true }
  } catch (e) {
    return { ok: false, error: errorMessage(e, "Could not remove the code.") }
  } finally {
    refreshCart(cartId)
  }
}

function str(fd: FormData, key: string, max = 200): string {
  return formText(fd, key).trim().slice(0, max)
}

/** Checkout step 1: email + delivery address (billing = delivery). */
export async function saveAddress(_prev: ActionResult | null, fd: FormData): Promise<ActionResult> {
  const cartId = await getCartId()
  if (!cartId) return { ok: false, error: "No cart" }
  const email = str(fd, "email", 254)
  const address = {
    first_name: str(fd, "first_name", 100),
    last_name: str(fd, "last_name", 100),
    phone: str(fd, "phone", 30),
    address_1: str(fd, "address_1"),
    address_2: str(fd, "address_2"),
    city: str(fd, "city", 100),
    province: str(fd, "province", 100),
    postal_code: str(fd, "postal_code", 20),
    country_code: str(fd, "country_code", 2).toLowerCase(),
  }
  const missing = (["first_name", "last_name", "address_1", "city", "country_code"] as const).filter((k) => !address[k])
  const values = { email, ...address }
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return { ok: false, error: "email", values }
  if (missing.length) return { ok: false, error: `missing:${missing.join(",")}`, values }
  try {
    await sdk.store.cart.update(
      cartId,
      { email, shipping_address: address, billing_address: address },
      { fields: "id" },
      await getAuthHeaders()
    )
    return { ok: true }
  } catch (e) {
    return { ok: false, error: errorMessage(e, "Could not save the address."), values }
  } finally {
    refreshCart(cartId)
  }
}

/** Checkout step 2: shipping option. */
export async function setShippingMethod(optionId: string): Promise<ActionResult> {
  const cartId = await getCartId()
  if (!cartId || !optionId) return { ok: false, error: "No cart" }
  try {
    await sdk.store.cart.addShippingMethod(cartId, { option_id: optionId }, { fields: "id" }, await getAuthHeaders())
    return { ok: true }
  } catch (e) {
    return { ok: false, error: errorMessage(e, "Could not set the delivery method.") }
  } finally {
    refreshCart(cartId)
  }
}

/** Checkout step 3: start a payment session with the chosen provider. */
export async function selectPaymentProvider(providerId: string): Promise<ActionResult> {
  const cartId = await getCartId()
  if (!cartId || !providerId) return { ok: false, error: "No cart" }
  try {
    const headers = await getAuthHeaders()
    const { cart } = await sdk.store.cart.retrieve(cartId, { fields: CART_FIELDS }, headers)
    await sdk.store.payment.initiatePaymentSession(cart, { provider_id: providerId }, {}, headers)
    return { ok: true }
  } catch (e) {
    return { ok: false, error: errorMessage(e, "Could not start the payment.") }
  } finally {
    refreshCart(cartId)
  }
}

/** The order's messages go out in the language the order is placed in (kept with the cart's other metadata). */
async function rememberOrderLocale(cartId: string, locale: string, headers: Record<string, string>) {
  const { cart } = await sdk.store.cart.retrieve(cartId, { fields: "id,metadata" }, headers)
  if (cart.metadata?.locale === locale) return
  await sdk.store.cart.update(cartId, { metadata: { ...(cart.metadata ?? {}), locale } }, { fields: "id" }, headers)
}

/** Completes the cart. On success the cart cookie is dropped and we go to the confirmation page. */
export async function placeOrder(locale: string): Promise<ActionResult> {
  const cartId = await getCartId()
  if (!cartId) return { ok: false, error: "No cart" }
  let orderId: string | null = null
  try {
    const headers = await getAuthHeaders()
    await rememberOrderLocale(cartId, toLocale(locale), headers)
    const res = await sdk.store.cart.complete(cartId, {}, headers)
    if (res.type === "order") {
      orderId = res.order.id
      await setLastOrder(orderId)
      await removeCartId()
      revalidateTag(TAGS.orders(await getCacheId()), expire)
    } else {
      return { ok: false, error: res.error?.message || "The order could not be placed." }
    }
  } catch (e) {
    return { ok: false, error: errorMessage(e, "The order could not be placed.") }
  } finally {
    refreshCart(cartId)
  }
  redirect(`/${toLocale(locale)}/order/${orderId}/confirmed`)
}
