/**
 * Stock for reliability tests: a fresh sellable product whose single variant has
 * managed inventory, stocked at the stock location of the marketplace sales channel,
 * and ways to read that stock back through the admin API and straight from the database.
 */
import { admin, store, uniq } from "./api"
import { region, VN_ADDRESS } from "./checkout"
import { createSellableProduct } from "./ocop"

/** The stock location linked to the store's default (marketplace) sales channel. */
export async function marketplaceStockLocationId(): Promise<string> {
  const stores = await admin("GET", "/admin/stores?fields=id,default_sales_channel_id")
  const channelId = stores.body?.stores?.[0]?.default_sales_channel_id
  if (!channelId) throw new Error(`no default sales channel: ${stores.status} ${JSON.stringify(stores.body)}`)
  const res = await admin("GET", "/admin/stock-locations?fields=id,name,*sales_channels&limit=100")
  if (res.status !== 200) throw new Error(`stock locations: ${res.status} ${JSON.stringify(res.body)}`)
  const location = res.body.stock_locations.find((l: any) => (l.sales_channels ?? []).some((c: any) => c?.id === channelId))
  if (!location) throw new Error(`no stock location serves sales channel ${channelId}`)
  return location.id
}

export type StockedProduct = {
  productId: string
  variantId: string
  inventoryItemId: string
  locationId: string
  sku: string
}

/** A published, certified product with one variant whose inventory is managed: `quantity` units in stock. */
export async function createStockedProduct(quantity: number): Promise<StockedProduct> {
  const sku = `REL-${uniq()}`.toUpperCase()
  // Without a shipping profile no shipping method can satisfy the cart, and checkout refuses it.
  const profiles = await admin("GET", "/admin/shipping-profiles?type=default&fields=id")
  const shippingProfileId = profiles.body?.shipping_profiles?.[0]?.id
  if (!shippingProfileId) throw new Error(`no default shipping profile: ${profiles.status} ${JSON.stringify(profiles.body)}`)
  const { product } = await createSellableProduct({
    product: {
      shipping_profile_id: shippingProfileId,
      variants: [
        {
          title: "Hộp",
          sku,
          options: { "Cỡ": "Hộp" },
          manage_inventory: true,
          allow_backorder: false,
          prices: [
            { amount: 120000, currency_code: "vnd" },
            { amount: 4.8, currency_code: "usd" },
          ],
        },
      ],
    },
  })
  const variantId = product.variants[0].id
  // Medusa creates the variant's inventory item (same SKU) when manage_inventory is set at creation.
  const items = await admin("GET", `/admin/inventory-items?sku=${encodeURIComponent(sku)}`)
  const inventoryItemId = items.body?.inventory_items?.[0]?.id
  if (!inventoryItemId) throw new Error(`no inventory item for ${sku}: ${items.status} ${JSON.stringify(items.body)}`)
  const locationId = await marketplaceStockLocationId()
  const level = await admin("POST", `/admin/inventory-items/${inventoryItemId}/location-levels`, {
    location_id: locationId,
    stocked_quantity: quantity,
  })
  if (level.status !== 200) throw new Error(`stocking ${sku} failed: ${level.status} ${JSON.stringify(level.body)}`)
  return { productId: product.id, variantId, inventoryItemId, locationId, sku }
}

export type Level = { stocked_quantity: number; reserved_quantity: number; available_quantity: number }

/** The inventory level as the admin API reports it. */
export async function inventoryLevel(p: Pick<StockedProduct, "inventoryItemId" | "locationId">): Promise<Level> {
  const res = await admin("GET", `/admin/inventory-items/${p.inventoryItemId}/location-levels`)
  if (res.status !== 200) throw new Error(`location levels: ${res.status} ${JSON.stringify(res.body)}`)
  const level = res.body.inventory_levels.find((l: any) => l.location_id === p.locationId)
  if (!level) throw new Error(`no level at ${p.locationId}`)
  return {
    stocked_quantity: Number(level.stocked_quantity),
    reserved_quantity: Number(level.reserved_quantity),
    available_quantity: Number(level.available_quantity),
  }
}

/** One query on the shared test database (OCOP_DATABASE_URL); parameters only, never interpolation. */
export async function dbQuery<T = any>(sql: string, params: unknown[] = []): Promise<T[]> {
  const url = process.env.OCOP_DATABASE_URL
  if (!url) throw new Error("OCOP_DATABASE_URL is not set: run this through `npm test`.")
  const { default: pg } = await import("pg")
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(sql, params)).rows as T[]
  } finally {
    await client.end()
  }
}

/** What the database says about an inventory item: its level and its live reservations. */
export async function stockFromDb(p: Pick<StockedProduct, "inventoryItemId" | "locationId">) {
  const [level] = await dbQuery(
    `SELECT stocked_quantity::float AS stocked, reserved_quantity::float AS reserved
       FROM inventory_level WHERE inventory_item_id = $1 AND location_id = $2 AND deleted_at IS NULL`,
    [p.inventoryItemId, p.locationId]
  )
  const reservations = await dbQuery<{ line_item_id: string; quantity: number }>(
    `SELECT line_item_id, quantity::float AS quantity FROM reservation_item
      WHERE inventory_item_id = $1 AND location_id = $2 AND deleted_at IS NULL`,
    [p.inventoryItemId, p.locationId]
  )
  return { stocked: Number(level.stocked), reserved: Number(level.reserved), reservations }
}

/** Runs `fn` over `items` with at most `limit` in flight (cart preparation without a stampede). */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await fn(items[i], i)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

let vnRegion: Promise<any> | undefined

/**
 * A cart holding `quantity` of the variant, with the first shipping option and a payment
 * session of `providerId`: 4 requests (the shipping option is looked up once per test).
 */
export async function readyCartFast(
  variantId: string,
  opts: { email: string; shippingOptionId?: string; providerId?: string; quantity?: number }
): Promise<{ cartId: string; email: string; shippingOptionId: string }> {
  vnRegion ??= region("vnd")
  const r = await vnRegion
  const created = await store("POST", "/store/carts", {
    body: { region_id: r.id, email: opts.email, shipping_address: VN_ADDRESS, items: [{ variant_id: variantId, quantity: opts.quantity ?? 1 }] },
  })
  if (created.status !== 200) throw new Error(`cart create failed: ${created.status} ${JSON.stringify(created.body)}`)
  const cartId = created.body.cart.id as string
  let shippingOptionId = opts.shippingOptionId
  if (!shippingOptionId) {
    const options = await store("GET", `/store/shipping-options?cart_id=${cartId}`)
    shippingOptionId = options.body?.shipping_options?.[0]?.id
    if (!shippingOptionId) throw new Error(`no shipping options: ${options.status} ${JSON.stringify(options.body)}`)
  }
  const sm = await store("POST", `/store/carts/${cartId}/shipping-methods`, { body: { option_id: shippingOptionId } })
  if (sm.status !== 200) throw new Error(`shipping method failed: ${sm.status} ${JSON.stringify(sm.body)}`)
  const pc = await store("POST", "/store/payment-collections", { body: { cart_id: cartId } })
  if (pc.status !== 200) throw new Error(`payment collection failed: ${pc.status} ${JSON.stringify(pc.body)}`)
  const ps = await store("POST", `/store/payment-collections/${pc.body.payment_collection.id}/payment-sessions`, {
    body: { provider_id: opts.providerId ?? "pp_cod_cod", data: {} },
  })
  if (ps.status !== 200) throw new Error(`payment session failed: ${ps.status} ${JSON.stringify(ps.body)}`)
  return { cartId, email: opts.email, shippingOptionId }
}

let codShippingOptionId: string | undefined
/** A cart ready to complete with cash on delivery, for a fresh shopper whose email carries `tag`. */
export async function readyCodCart(variantId: string, tag: string | number): Promise<{ cartId: string; email: string }> {
  const email = `rel-${tag}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@example.com`
  const cart = await readyCartFast(variantId, { email, shippingOptionId: codShippingOptionId, providerId: "pp_cod_cod" })
  codShippingOptionId = cart.shippingOptionId
  return { cartId: cart.cartId, email }
}
