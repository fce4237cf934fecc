import { store } from "./api"

export const VN_ADDRESS = {
  first_name: "Lan",
  last_name: "Nguyễn",
  address_1: "12 Lê Lợi",
  city: "Huế",
  province: "Thừa Thiên Huế",
  postal_code: "530000",
  country_code: "vn",
  phone: "+84 234 3822 123",
}

export const US_ADDRESS = {
  first_name: "Anna",
  last_name: "Smith",
  address_1: "1 Main St",
  city: "Portland",
  province: "OR",
  postal_code: "97201",
  country_code: "us",
  phone: "+1 503 555 0100",
}

export async function region(currency: "vnd" | "usd") {
  const res = await store("GET", "/store/regions")
  return res.body.regions.find((r: any) => r.currency_code === currency)
}

/** The first variant of a store-visible product (by handle). */
export async function variantOf(handle: string, regionId: string) {
  const res = await store("GET", `/store/products?handle=${handle}&region_id=${regionId}&fields=*variants.calculated_price`)
  const product = res.body.products?.[0]
  if (!product) throw new Error(`product ${handle} is not visible in the store`)
  return product.variants[0]
}

export async function createCart(currency: "vnd" | "usd", email = `shopper-${Date.now()}@example.com`) {
  const r = await region(currency)
  const res = await store("POST", "/store/carts", {
    body: { region_id: r.id, email, shipping_address: currency === "vnd" ? VN_ADDRESS : US_ADDRESS },
  })
  if (res.status !== 200) throw new Error(`cart create failed: ${res.status} ${JSON.stringify(res.body)}`)
  return { cart: res.body.cart, region: r }
}

export async function addItem(cartId: string, variantId: string, quantity = 1) {
  return store("POST", `/store/carts/${cartId}/line-items`, { body: { variant_id: variantId, quantity } })
}

/** Shipping method + payment session with the given provider; returns the payment collection. */
export async function prepareCheckout(cartId: string, providerId: string, sessionData: Record<string, unknown> = {}) {
  const options = await store("GET", `/store/shipping-options?cart_id=${cartId}`)
  if (options.status !== 200 || !options.body.shipping_options?.length) {
    throw new Error(`no shipping options: ${options.status} ${JSON.stringify(options.body)}`)
  }
  const sm = await store("POST", `/store/carts/${cartId}/shipping-methods`, {
    body: { option_id: options.body.shipping_options[0].id },
  })
  if (sm.status !== 200) throw new Error(`shipping method failed: ${sm.status} ${JSON.stringify(sm.body)}`)
  const pc = await store("POST", "/store/payment-collections", { body: { cart_id: cartId } })
  if (pc.status !== 200) throw new Error(`payment collection failed: ${pc.status} ${JSON.stringify(pc.body)}`)
  const ps = await store("POST", `/store/payment-collections/${pc.body.payment_collection.id}/payment-sessions`, {
    body: { provider_id: providerId, data: sessionData },
  })
  if (ps.status !== 200) throw new Error(`payment session failed: ${ps.status} ${JSON.stringify(ps.body)}`)
  return ps.body.payment_collection
}

export function completeCart(cartId: string) {
  return store("POST", `/store/carts/${cartId}/complete`)
}
