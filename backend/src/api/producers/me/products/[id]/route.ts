import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, ProductStatus } from "@medusajs/framework/utils"
import { changedKeys, classifyListingChange } from "../../../../../modules/producer-portal/rules"
import { deleteListingWorkflow, updateListingWorkflow } from "../../../../../workflows/producer-portal"
import { withConflicts } from "../../../../utils/errors"
import { assertOwnProduct, hueStockLocationId, producerContext, requireListingRights } from "../../../helpers"
import { listingFacts, loadListing } from "../../../listings"
import { assertNoOpenOrders } from "../../../orders"
import type { ProducerUpdateListingType } from "../../../validators"

/** GET /producers/me/products/:id — one of the producer's own listings (404 for anyone else's). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await assertOwnProduct(req, req.params.id)
  res.json({ product: await loadListing(req.scope, req.params.id, await hueStockLocationId(req.scope)) })
}

const CONTENT_FIELDS = ["title_vi", "title_en", "subtitle_vi", "subtitle_en", "description_vi", "description_en", "group", "subgroup", "images", "weight_g"] as const

/**
 * POST /producers/me/products/:id — prices and stock apply at once, even on a
 * live listing; any other change sends a published listing back to draft for
 * review. Every change is recorded with its before and after values.
 */
export const POST = async (req: AuthenticatedMedusaRequest<ProducerUpdateListingType>, res: MedusaResponse) => {
  await assertOwnProduct(req, req.params.id)
  requireListingRights(req)
  const { producer, actor } = producerContext(req)
  const body = req.validatedBody as ProducerUpdateListingType
  const locationId = await hueStockLocationId(req.scope)
  const before = await loadListing(req.scope, req.params.id, locationId)

  // Content -------------------------------------------------------------------
  const wanted: Record<string, unknown> = {}
  for (const key of CONTENT_FIELDS) if (key in body) wanted[key] = (body as any)[key] ?? null
  const current: Record<string, unknown> = Object.fromEntries(Object.keys(wanted).map((k) => [k, (before as any)[k] ?? null]))
  const contentChanged = changedKeys(current, wanted)

  // Prices and stock of existing variants ---------------------------------------
  const variantPrices: { id: string; prices: { amount: number; currency_code: string }[] }[] = []
  const stockItems: { inventory_item_id: string; stocked_quantity: number }[] = []
  const priceBefore: Record<string, unknown> = {}
  const priceAfter: Record<string, unknown> = {}
  const stockBefore: Record<string, unknown> = {}
  const stockAfter: Record<string, unknown> = {}
  for (const v of body.variants ?? []) {
    const existing = before.variants.find((x) => x.id === v.id)
    if (!existing) throw new MedusaError(MedusaError.Types.INVALID_DATA, `variants: ${v.id} is not a variant of this listing`)
    if (v.prices) {
      const next = { vnd: v.prices.vnd ?? existing.prices.vnd, usd: v.prices.usd ?? existing.prices.usd }
      if (next.vnd === null || next.usd === null) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `variants: ${v.id} needs both a VND and a USD price`)
      }
      if (next.vnd !== existing.prices.vnd || next.usd !== existing.prices.usd) {
        variantPrices.push({
          id: v.id,
          prices: [
            { amount: next.vnd, currency_code: "vnd" },
            { amount: next.usd, currency_code: "usd" },
          ],
        })
        priceBefore[v.id] = existing.prices
        priceAfter[v.id] = next
      }
    }
    if (v.stock !== undefined && v.stock !== existing.stock) {
      if (!existing.inventory_item_id) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `variants: ${v.id} does not track stock`)
      }
      stockItems.push({ inventory_item_id: existing.inventory_item_id, stocked_quantity: v.stock })
      stockBefore[v.id] = existing.stock
      stockAfter[v.id] = v.stock
    }
  }

  const fields = [...contentChanged, ...(variantPrices.length ? ["prices"] : []), ...(stockItems.length ? ["stock"] : [])]
  if (!fields.length) return res.json({ product: before, review_required: false, changed: [] })
  const { review } = classifyListingChange(fields)
  const backToReview = review.length > 0 && before.status === ProductStatus.PUBLISHED

  let productUpdate: Record<string, unknown> | null = null
  if (contentChanged.length) {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data: raw } = await query.graph({ entity: "product", fields: ["id", "metadata"], filters: { id: before.id } })
    const n = { ...before, ...wanted } as any
    const meta = (key: string) => (key in wanted ? wanted[key] : (before as any)[key])
    productUpdate = {
      title: n.title_vi,
      subtitle: n.subtitle_vi,
      description: n.description_vi,
      weight: n.weight_g,
      ...(contentChanged.includes("images") ? { images: (n.images as string[]).map((url) => ({ url })), thumbnail: n.images[0] ?? null } : {}),
      metadata: {
        ...(((raw[0] as any)?.metadata ?? {}) as Record<string, unknown>),
        title_en: meta("title_en"),
        subtitle_en: meta("subtitle_en"),
        description_en: meta("description_en"),
        ocop_group: meta("group"),
        ocop_subgroup: meta("subgroup"),
        review_requested_at: new Date().toISOString(),
        review_fields: review,
      },
    }
  }
  if (backToReview) productUpdate = { ...(productUpdate ?? {}), status: ProductStatus.DRAFT }

  await withConflicts(() =>
    updateListingWorkflow(req.scope).run({
      input: {
        product_id: before.id,
        product_update: productUpdate,
        variant_prices: variantPrices,
        stock: { location_id: locationId, items: stockItems },
        change: {
          producer_id: producer.id,
          product_id: before.id,
          subject: "product",
          action: backToReview ? "updated_sent_to_review" : "updated",
          actor,
          fields,
          before: {
            ...Object.fromEntries(contentChanged.map((k) => [k, current[k]])),
            ...(variantPrices.length ? { prices: priceBefore } : {}),
            ...(stockItems.length ? { stock: stockBefore } : {}),
            ...(backToReview ? { status: before.status } : {}),
          },
          after: {
            ...Object.fromEntries(contentChanged.map((k) => [k, wanted[k]])),
            ...(variantPrices.length ? { prices: priceAfter } : {}),
            ...(stockItems.length ? { stock: stockAfter } : {}),
            ...(backToReview ? { status: ProductStatus.DRAFT } : {}),
          },
          requires_review: review.length > 0,
        },
      },
    })
  )
  res.json({ product: await loadListing(req.scope, before.id, locationId), review_required: review.length > 0, changed: fields })
}

/** DELETE /producers/me/products/:id — removes a listing that has no orders waiting to be shipped. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await assertOwnProduct(req, req.params.id)
  requireListingRights(req)
  const { producer, actor } = producerContext(req)
  await assertNoOpenOrders(req.scope, producer.id, req.params.id)
  const before = await loadListing(req.scope, req.params.id, await hueStockLocationId(req.scope))
  await deleteListingWorkflow(req.scope).run({
    input: {
      product_id: before.id,
      change: {
        producer_id: producer.id,
        product_id: before.id,
        subject: "product",
        action: "deleted",
        actor,
        fields: ["product"],
        before: { ...listingFacts(before), handle: before.handle },
      },
    },
  })
  res.json({ id: before.id, object: "product", deleted: true })
}
