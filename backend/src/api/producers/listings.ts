/** Reading a producer's listings: one shape for lists, detail, and the change log's before/after. */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, ProductStatus } from "@medusajs/framework/utils"
import { OCOP_MODULE } from "../../modules/ocop"
import { isCertificationInForce } from "../../modules/ocop/rules"
import type OcopModuleService from "../../modules/ocop/service"
import { listingState } from "../../modules/producer-portal/rules"

export const LISTING_FIELDS = [
  "id",
  "handle",
  "title",
  "subtitle",
  "description",
  "status",
  "thumbnail",
  "weight",
  "metadata",
  "created_at",
  "updated_at",
  "images.id",
  "images.url",
  "images.rank",
  "variants.id",
  "variants.title",
  "variants.sku",
  "variants.manage_inventory",
  "variants.prices.amount",
  "variants.prices.currency_code",
  "variants.inventory_items.inventory_item_id",
  "variants.inventory_items.inventory.location_levels.location_id",
  "variants.inventory_items.inventory.location_levels.stocked_quantity",
  "variants.inventory_items.inventory.location_levels.reserved_quantity",
  "certifications.id",
  "certifications.certificate_number",
  "certifications.decision_number",
  "certifications.decision_date",
  "certifications.issuing_authority",
  "certifications.authority_level",
  "certifications.score",
  "certifications.stars",
  "certifications.potential_five_star",
  "certifications.group_code",
  "certifications.valid_from",
  "certifications.valid_until",
  "certifications.status",
  "certifications.status_reason",
  "certifications.evidence_url",
  "certifications.created_at",
]

export type Listing = ReturnType<typeof toListing>

export type ListingVariant = {
  id: string
  title: string
  sku: string | null
  prices: { vnd: number | null; usd: number | null }
  stock: number | null
  reserved: number
  inventory_item_id: string | null
}

function toListing(p: any, locationId: string, sellable: boolean) {
  const metadata = (p.metadata ?? {}) as Record<string, any>
  const certifications = [...(p.certifications ?? [])]
    .filter(Boolean)
    .sort((a: any, b: any) => new Date(b.created_at).getTime() - new Date(a.created_at).getTime())
  const variants: ListingVariant[] = (p.variants ?? []).map((v: any): ListingVariant => {
    const price = (c: string) => (v.prices ?? []).find((x: any) => x?.currency_code === c)?.amount ?? null
    const item = (v.inventory_items ?? [])[0]
    const level = (item?.inventory?.location_levels ?? []).find((l: any) => l?.location_id === locationId)
    return {
      id: v.id as string,
      title: v.title as string,
      sku: (v.sku ?? null) as string | null,
      prices: { vnd: price("vnd") as number | null, usd: price("usd") as number | null },
      stock: level ? Number(level.stocked_quantity) : v.manage_inventory ? 0 : null,
      reserved: level ? Number(level.reserved_quantity) : 0,
      inventory_item_id: (item?.inventory_item_id ?? null) as string | null,
    }
  })
  return {
    id: p.id as string,
    handle: p.handle as string,
    status: p.status as ProductStatus,
    state: listingState({
      status: p.status,
      sellable,
      certification_statuses: certifications.map((c: any) => c.status),
      has_certification_in_force: certifications.some((c: any) => isCertificationInForce(c)),
    }),
    sellable,
    title_vi: p.title as string,
    title_en: (metadata.title_en ?? null) as string | null,
    subtitle_vi: (p.subtitle ?? null) as string | null,
    subtitle_en: (metadata.subtitle_en ?? null) as string | null,
    description_vi: (p.description ?? null) as string | null,
    description_en: (metadata.description_en ?? null) as string | null,
    group: (metadata.ocop_group ?? certifications[0]?.group_code ?? null) as string | null,
    subgroup: (metadata.ocop_subgroup ?? null) as string | null,
    weight_g: (p.weight ?? null) as number | null,
    thumbnail: (p.thumbnail ?? null) as string | null,
    images: [...(p.images ?? [])].sort((a: any, b: any) => (a.rank ?? 0) - (b.rank ?? 0)).map((i: any) => i.url as string),
    variants,
    certifications,
    created_at: p.created_at,
    updated_at: p.updated_at,
  }
}

/** Listings by id, in the order given (ids must already be the producer's own). */
export async function loadListings(container: MedusaContainer, ids: string[], locationId: string) {
  if (!ids.length) return []
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
  const { data } = await query.graph({ entity: "product", fields: LISTING_FIELDS, filters: { id: ids } })
  const verdicts = await ocop.evaluateSellability(ids)
  const byId = new Map(data.map((p: any) => [p.id, p]))
  return ids.filter((id) => byId.has(id)).map((id) => toListing(byId.get(id), locationId, !!verdicts.get(id)?.sellable))
}

export async function loadListing(container: MedusaContainer, id: string, locationId: string) {
  const [listing] = await loadListings(container, [id], locationId)
  if (!listing) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product ${id} was not found`)
  return listing
}

/** The listing facts a producer edits, flat, for the change log. */
export function listingFacts(l: Listing): Record<string, unknown> {
  return {
    title_vi: l.title_vi,
    title_en: l.title_en,
    subtitle_vi: l.subtitle_vi,
    subtitle_en: l.subtitle_en,
    description_vi: l.description_vi,
    description_en: l.description_en,
    group: l.group,
    subgroup: l.subgroup,
    images: l.images,
    weight_g: l.weight_g,
    status: l.status,
    prices: Object.fromEntries(l.variants.map((v) => [v.id, v.prices])),
    stock: Object.fromEntries(l.variants.map((v) => [v.id, v.stock])),
  }
}
