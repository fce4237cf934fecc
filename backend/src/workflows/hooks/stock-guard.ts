import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { outOfStockMessage } from "../../contract/shopper-errors"

type Container = MedusaContainer

/**
 * Fail-fast stock check for complete-cart's validate hook. The binding check is Medusa's own
 * reservation (inside a per-inventory-item lock, after the order is created); this one only
 * turns shoppers away *before* they queue for that lock once a product is already sold out,
 * with a message naming it. A cart that already has its order (a retry) is not checked: its
 * own reservation is what made the stock run out.
 */
export async function assertInStock(container: Container, cart: any) {
  const items = ((cart?.items ?? []) as any[]).filter((i) => i.variant_id && i.variant?.manage_inventory && !i.variant?.allow_backorder)
  if (!items.length) return
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: placed } = await query.graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cart.id } })
  if (placed.length) return
  const { data: channels } = await query.graph({
    entity: "sales_channel",
    fields: ["id", "stock_locations.id"],
    filters: { id: cart.sales_channel_id },
  })
  const locationIds = ((channels[0] as any)?.stock_locations ?? []).map((l: any) => l?.id).filter(Boolean)
  if (!locationIds.length) return // Medusa's own validation explains a channel without stock locations.
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "product.title", "inventory_items.inventory_item_id", "inventory_items.required_quantity"],
    filters: { id: [...new Set(items.map((i) => i.variant_id))] },
  })
  const inventory = container.resolve(Modules.INVENTORY)
  const soldOut = new Set<string>()
  for (const item of items) {
    const variant: any = variants.find((v: any) => v.id === item.variant_id)
    for (const link of variant?.inventory_items ?? []) {
      const needed = Number(item.quantity) * Number(link.required_quantity ?? 1)
      const available = Number(await inventory.retrieveAvailableQuantity(link.inventory_item_id, locationIds))
      if (available < needed) soldOut.add(variant.product?.title ?? item.product_title ?? item.title)
    }
  }
  if (soldOut.size) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, outOfStockMessage([...soldOut]), MedusaError.Codes.INSUFFICIENT_INVENTORY)
  }
}
