import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OCOP_MODULE } from "../../modules/ocop"
import type OcopModuleService from "../../modules/ocop/service"

export type SellabilityChange = { product_id: string; sellable: boolean }
export type SellabilitySnapshot = { sales_channel_id: string; hold_id?: string; changed: SellabilityChange[]; held: string[]; released: string[] }

/** The sales channel that the storefront's publishable key reads: the store's default. */
export async function marketplaceSalesChannelId(container: { resolve: (k: string) => any }): Promise<string> {
  const storeService = container.resolve(Modules.STORE)
  const [store] = await storeService.listStores({}, { select: ["id", "default_sales_channel_id"] })
  if (!store?.default_sales_channel_id) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "The store has no default sales channel to list OCOP products in.")
  }
  return store.default_sales_channel_id
}

export const HOLD_SALES_CHANNEL_NAME = "OCOP — chưa bán / not on sale"

/**
 * The channel unsellable products are parked in, so admins can filter them.
 * It also matters for correctness: with a single sales channel, Medusa's store
 * product routes skip the sales-channel filter altogether, so a second channel
 * must always exist.
 */
export async function holdSalesChannelId(container: { resolve: (k: string) => any }): Promise<string> {
  const salesChannels = container.resolve(Modules.SALES_CHANNEL)
  const [hold] = await salesChannels.listSalesChannels({ name: HOLD_SALES_CHANNEL_NAME }, { select: ["id"] })
  if (hold) return hold.id
  const created = await salesChannels.createSalesChannels({
    name: HOLD_SALES_CHANNEL_NAME,
    description: "Products whose OCOP certification is not in force, or whose producer is not approved. Never exposed to a publishable key.",
    is_disabled: true,
  })
  return created.id
}

/**
 * Lists sellable products in the marketplace sales channel and unlists the rest
 * (parking them in the hold channel). Returns what changed and a snapshot that
 * `restoreSellability` undoes exactly.
 *
 * Listing is how "only certified products are ever sold" reaches every one of
 * Medusa's own store routes: products outside the publishable key's sales
 * channel are absent from lists, 404 by id and handle, and cannot be priced
 * into a cart.
 */
export async function applySellability(
  container: { resolve: (k: string) => any },
  productIds: string[]
): Promise<{ changed: SellabilityChange[]; snapshot: SellabilitySnapshot }> {
  const ids = [...new Set(productIds)].filter(Boolean)
  const salesChannelId = await marketplaceSalesChannelId(container)
  if (!ids.length) return { changed: [], snapshot: { sales_channel_id: salesChannelId, changed: [], held: [], released: [] } }
  const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const link = container.resolve(ContainerRegistrationKeys.LINK)

  const verdicts = await ocop.evaluateSellability(ids)
  const { data: products } = await query.graph({
    entity: "product",
    fields: ["id", "sales_channels.id"],
    filters: { id: ids },
  })
  const listed = new Set(
    products.filter((p: any) => (p.sales_channels ?? []).some((s: any) => s?.id === salesChannelId)).map((p: any) => p.id)
  )
  const existing = new Set(products.map((p: any) => p.id))
  const toList = ids.filter((id) => existing.has(id) && verdicts.get(id)?.sellable && !listed.has(id))
  const toUnlist = ids.filter((id) => listed.has(id) && !verdicts.get(id)?.sellable)

  const holdId = await holdSalesChannelId(container)
  const pair = (id: string, channel = salesChannelId) => ({
    [Modules.PRODUCT]: { product_id: id },
    [Modules.SALES_CHANNEL]: { sales_channel_id: channel },
  })
  const held = new Set(
    products.filter((p: any) => (p.sales_channels ?? []).some((s: any) => s?.id === holdId)).map((p: any) => p.id)
  )
  if (toList.length) await link.create(toList.map((id) => pair(id)))
  if (toUnlist.length) await link.dismiss(toUnlist.map((id) => pair(id)))
  // Park unsellable products in the hold channel (and take sellable ones out of it).
  const toHold = ids.filter((id) => existing.has(id) && !verdicts.get(id)?.sellable && !held.has(id))
  const toRelease = ids.filter((id) => held.has(id) && verdicts.get(id)?.sellable)
  if (toHold.length) await link.create(toHold.map((id) => pair(id, holdId)))
  if (toRelease.length) await link.dismiss(toRelease.map((id) => pair(id, holdId)))

  const changed: SellabilityChange[] = [
    ...toList.map((id) => ({ product_id: id, sellable: true })),
    ...toUnlist.map((id) => ({ product_id: id, sellable: false })),
  ]
  return { changed, snapshot: { sales_channel_id: salesChannelId, hold_id: holdId, changed, held: toHold, released: toRelease } }
}

/** Puts channel membership back the way `applySellability` found it. */
export async function restoreSellability(container: { resolve: (k: string) => any }, snapshot: SellabilitySnapshot | undefined | null) {
  if (!snapshot) return
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const pair = (id: string, channel = snapshot.sales_channel_id) => ({
    [Modules.PRODUCT]: { product_id: id },
    [Modules.SALES_CHANNEL]: { sales_channel_id: channel },
  })
  const relist = snapshot.changed.filter((c) => !c.sellable).map((c) => c.product_id)
  const unlist = snapshot.changed.filter((c) => c.sellable).map((c) => c.product_id)
  if (relist.length) await link.create(relist.map((id) => pair(id)))
  if (unlist.length) await link.dismiss(unlist.map((id) => pair(id)))
  if (snapshot.hold_id && snapshot.held.length) await link.dismiss(snapshot.held.map((id) => pair(id, snapshot.hold_id)))
  if (snapshot.hold_id && snapshot.released.length) await link.create(snapshot.released.map((id) => pair(id, snapshot.hold_id)))
}

/** Step form of `applySellability`; the compensation restores the previous membership exactly. */
export const syncSellabilityStep = createStep(
  "ocop-sync-sellability",
  async (input: { product_ids: string[] }, { container }) => {
    const { changed, snapshot } = await applySellability(container, input.product_ids)
    return new StepResponse(changed, snapshot)
  },
  async (snapshot, { container }) => restoreSellability(container, snapshot)
)
