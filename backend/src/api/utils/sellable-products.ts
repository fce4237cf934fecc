import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { marketplaceSalesChannelId } from "../../workflows/sellability"

/** Summary fields of a product as shown on producer and certificate pages. */
export const PRODUCT_SUMMARY_FIELDS = ["id", "handle", "title", "subtitle", "thumbnail", "metadata", "status"]

/**
 * Keeps only products that the store may show: published and listed in the
 * marketplace sales channel (which the OCOP rule maintains).
 */
export async function filterStoreVisible<T extends { id: string }>(container: MedusaContainer, products: T[]): Promise<T[]> {
  if (!products.length) return []
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const channel = await marketplaceSalesChannelId(container)
  const { data } = await query.graph({
    entity: "product",
    fields: ["id", "status", "sales_channels.id"],
    filters: { id: products.map((p) => p.id) },
  })
  const visible = new Set(
    data
      .filter((p: any) => p.status === "published" && (p.sales_channels ?? []).some((s: any) => s?.id === channel))
      .map((p: any) => p.id)
  )
  return products.filter((p) => visible.has(p.id))
}
