import "server-only"
import type { HttpTypes } from "@medusajs/types"
import { cache } from "react"
import type { OcopProduct, Result } from "../types"
import { attempt, medusaGet, TAGS } from "./common"

export const PRODUCT_LIST_FIELDS =
  "id,handle,title,subtitle,thumbnail,metadata,created_at,*variants.calculated_price,+variants.inventory_quantity,*producer,*certifications"

export const PRODUCT_DETAIL_FIELDS =
  "id,handle,title,subtitle,description,thumbnail,metadata,created_at,weight,origin_country,material,*images,*options,*options.values,*variants,*variants.options,*variants.calculated_price,+variants.inventory_quantity,+variants.manage_inventory,+variants.allow_backorder,*producer,*certifications"

export type ProductFilters = {
  ocop_stars?: number[]
  ocop_group?: string[]
  district?: string[]
  producer_type?: string[]
}

export type ListProductsParams = {
  regionId?: string | null
  limit?: number
  offset?: number
  order?: string
  filters?: ProductFilters
  ids?: string[]
}

export async function listProducts(
  params: ListProductsParams
): Promise<Result<{ products: OcopProduct[]; count: number }>> {
  const { regionId, limit = 12, offset = 0, order, filters = {}, ids } = params
  return attempt("products.list", async () => {
    const query: Record<string, unknown> = {
      // Prices need a region (Medusa refuses calculated_price without one).
      fields: regionId ? PRODUCT_LIST_FIELDS : PRODUCT_LIST_FIELDS.replace(",*variants.calculated_price", ""),
      limit,
      offset,
      ...(regionId ? { region_id: regionId } : {}),
      ...(order ? { order } : {}),
      ...(ids?.length ? { id: ids } : {}),
    }
    for (const [k, v] of Object.entries(filters)) if (Array.isArray(v) && v.length) query[k] = v
    const res = await medusaGet<HttpTypes.StoreProductListResponse>("/store/products", {
      query,
      tags: [TAGS.products],
    })
    return { products: res.products, count: res.count }
  })
}

/** One product by handle, or `null` when it does not exist (or is not on sale). */
export const getProductByHandle = cache(
  async (handle: string, regionId: string | null | undefined): Promise<Result<OcopProduct | null>> =>
    attempt("products.byHandle", async () => {
      const res = await medusaGet<HttpTypes.StoreProductListResponse>("/store/products", {
        query: {
          handle,
          fields: regionId ? PRODUCT_DETAIL_FIELDS : PRODUCT_DETAIL_FIELDS.replace(",*variants.calculated_price", ""),
          limit: 1,
          ...(regionId ? { region_id: regionId } : {}),
        },
        tags: [TAGS.products, TAGS.product(handle)],
      })
      return (res.products[0]) ?? null
    })
)
