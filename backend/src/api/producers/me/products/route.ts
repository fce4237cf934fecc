import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { randomBytes } from "node:crypto"
import { slugify } from "../../../../modules/producer-portal/rules"
import { createListingWorkflow } from "../../../../workflows/producer-portal"
import { withConflicts } from "../../../utils/errors"
import { conflict, defaultShippingProfileId, hueStockLocationId, ownProductIds, producerContext, requireListingRights } from "../../helpers"
import { loadListing, loadListings } from "../../listings"
import type { ProducerCreateListingType, ProducerListQueryType } from "../../validators"

export const VARIANT_OPTION = "Quy cách"

/** GET /producers/me/products — the producer's own listings (drafts included), newest first. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, ProducerListQueryType>, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as ProducerListQueryType
  const { producer } = producerContext(req)
  const ids = await ownProductIds(req.scope, producer.id)
  if (!ids.length) return res.json({ products: [], count: 0, limit, offset })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: ["id"],
    filters: { id: ids },
    pagination: { take: limit, skip: offset, order: { created_at: "DESC" } },
  })
  const products = await loadListings(req.scope, data.map((p: any) => p.id), await hueStockLocationId(req.scope))
  res.json({ products, count: ids.length, limit, offset })
}

/**
 * POST /producers/me/products — a new listing, always a draft: it is sold only
 * after its certification is approved and an admin publishes it.
 */
export const POST = async (req: AuthenticatedMedusaRequest<ProducerCreateListingType>, res: MedusaResponse) => {
  requireListingRights(req)
  const { producer, actor } = producerContext(req)
  const body = req.validatedBody
  // A taken SKU is a 409 before anything is created: Medusa's product workflow
  // does not compensate the listing's options when it fails on the SKU, so they would be left behind.
  const skus = body.variants.map((v) => v.sku).filter((s): s is string => !!s)
  if (skus.length) {
    const taken = await req.scope.resolve(Modules.PRODUCT).listProductVariants({ sku: skus }, { select: ["sku"] })
    if (taken.length) throw conflict(`variants: SKU ${taken.map((v) => v.sku).join(", ")} is already used by another listing`)
  }
  const handle = `${slugify(body.title_vi, 60) || "san-pham"}-${randomBytes(3).toString("hex")}`
  const locationId = await hueStockLocationId(req.scope)
  const product = {
    title: body.title_vi,
    subtitle: body.subtitle_vi ?? null,
    description: body.description_vi,
    handle,
    weight: body.weight_g ?? null,
    origin_country: "vn",
    thumbnail: body.images[0] ?? null,
    images: body.images.map((url) => ({ url })),
    shipping_profile_id: await defaultShippingProfileId(req.scope),
    metadata: {
      title_en: body.title_en,
      subtitle_en: body.subtitle_en ?? null,
      description_en: body.description_en,
      ocop_group: body.group,
      ocop_subgroup: body.subgroup ?? null,
      source: "producer_portal",
    },
    options: [{ title: VARIANT_OPTION, values: body.variants.map((v) => v.title) }],
    variants: body.variants.map((v) => ({
      title: v.title,
      sku: v.sku ?? null,
      options: { [VARIANT_OPTION]: v.title },
      manage_inventory: true,
      prices: [
        { amount: v.prices.vnd, currency_code: "vnd" },
        { amount: v.prices.usd, currency_code: "usd" },
      ],
    })),
  }
  const { result } = await withConflicts(() =>
    createListingWorkflow(req.scope).run({
      input: {
        producer_id: producer.id,
        actor,
        product,
        stock: body.variants.map((v) => ({ title: v.title, quantity: v.stock })),
        location_id: locationId,
      },
    })
  )
  res.status(201).json({ product: await loadListing(req.scope, result.id, locationId) })
}
