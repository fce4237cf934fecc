import type { Locale } from "./locale"

type VariantLike = {
  id: string
  title?: string | null
  options?: { option_id?: string | null; value?: string | null }[] | null
  calculated_price?: { calculated_amount?: number | null; original_amount?: number | null } | null
  inventory_quantity?: number | null
  manage_inventory?: boolean | null
  allow_backorder?: boolean | null
}

type OptionLike = {
  id: string
  title?: string | null
  values?: { value?: string | null }[] | null
  metadata?: Record<string, unknown> | null
}

/** Stock to show: null when not tracked or back-orders are allowed (always buyable). */
export function variantStock(v: VariantLike): number | null {
  if (v.manage_inventory === false || v.allow_backorder) return null
  return typeof v.inventory_quantity === "number" ? Math.max(0, v.inventory_quantity) : null
}

export function toVariantViews(variants: VariantLike[] | null | undefined) {
  return (variants ?? []).map((v) => ({
    id: v.id,
    title: v.title ?? "",
    options: Object.fromEntries((v.options ?? []).filter((o) => o.option_id).map((o) => [o.option_id as string, o.value ?? ""])),
    price: typeof v.calculated_price?.calculated_amount === "number" ? v.calculated_price.calculated_amount : null,
    originalPrice: typeof v.calculated_price?.original_amount === "number" ? v.calculated_price.original_amount : null,
    stock: variantStock(v),
  }))
}

/** English for the option names used across the catalogue, when the product has no `option_titles_en`. */
const OPTION_TITLES_EN: Record<string, string> = {
  "Quy cách": "Pack",
  "Loại": "Type",
  "Khách": "Guests",
  "Dung tích": "Volume",
  "Độ đạm": "Protein grade",
  "Gói": "Package",
  "Khối lượng": "Weight",
  "Kích thước": "Size",
  "Màu sắc": "Colour",
  "Màu": "Colour",
}

/** Option titles follow the UI language when the product carries an English title in metadata. */
export function toOptionViews(options: OptionLike[] | null | undefined, locale: Locale, productMeta?: Record<string, unknown> | null) {
  const enTitles = (productMeta?.option_titles_en ?? {}) as Record<string, string>
  return (options ?? []).map((o) => {
    const en = (typeof o.metadata?.title_en === "string" && o.metadata.title_en) || enTitles[o.title ?? ""] || OPTION_TITLES_EN[o.title ?? ""] || null
    return {
      id: o.id,
      title: (locale === "en" && en) || o.title || "",
      values: (o.values ?? []).map((v) => v.value ?? "").filter(Boolean),
    }
  })
}
