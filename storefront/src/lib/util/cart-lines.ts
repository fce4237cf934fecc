import type { HttpTypes } from "@medusajs/types"
import type { Locale } from "./locale"

/** Line items as the cart UI shows them (titles in the UI language when the product has English metadata). */
export function toLineViews(cart: HttpTypes.StoreCart, locale: Locale) {
  return (cart.items ?? [])
    .slice()
    .sort((a, b) => String(a.created_at ?? "").localeCompare(String(b.created_at ?? "")))
    .map((i) => {
      const meta = (i.product as { metadata?: Record<string, unknown> | null } | undefined)?.metadata ?? null
      const en = typeof meta?.title_en === "string" ? meta.title_en : null
      const variant = i.variant as { inventory_quantity?: number | null; manage_inventory?: boolean | null; allow_backorder?: boolean | null } | undefined
      const stock = variant && variant.manage_inventory !== false && !variant.allow_backorder && typeof variant.inventory_quantity === "number" ? variant.inventory_quantity : 99
      return {
        id: i.id,
        title: (locale === "en" && en) || i.product_title || i.title || "",
        variantTitle: i.variant_title ?? null,
        handle: i.product_handle ?? (i.product as { handle?: string } | undefined)?.handle ?? null,
        thumbnail: i.thumbnail ?? null,
        quantity: i.quantity,
        unitPrice: Number(i.unit_price ?? 0),
        total: Number(i.total ?? i.subtotal ?? Number(i.unit_price ?? 0) * i.quantity),
        maxQuantity: Math.max(1, Math.min(20, stock)),
      }
    })
}
