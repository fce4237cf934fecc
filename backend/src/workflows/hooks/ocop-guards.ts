import type { MedusaContainer, ProductDTO } from "@medusajs/framework/types"
/**
 * The OCOP rule enforced inside Medusa's own flows (hooks, not forks):
 * - a variant of an unsellable product cannot be added to a cart,
 * - a cart holding an unsellable product cannot be completed (nothing is charged:
 *   the validate hook runs before payment authorisation),
 * - a product cannot be published without a certification in force,
 * - whatever sales channels a product create/update asked for, the product ends up
 *   listed in the marketplace channel only if it may be sold (an admin ticking the
 *   storefront's channel on an uncertified product in the dashboard parks it instead).
 * Throwing a MedusaError here makes the workflow roll back and the client get a 4xx.
 */
import { ContainerRegistrationKeys, MedusaError, Modules, ProductStatus } from "@medusajs/framework/utils"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { addToCartWorkflow, completeCartWorkflow, createProductsWorkflow, updateProductsWorkflow } from "@medusajs/medusa/core-flows"
import { OCOP_MODULE } from "../../modules/ocop"
import { assertInStock } from "./stock-guard"
import type OcopModuleService from "../../modules/ocop/service"
import { applySellability, restoreSellability, type SellabilitySnapshot } from "../sellability/steps"

type Container = MedusaContainer

export async function productsOfVariants(container: Container, variantIds: string[]) {
  if (!variantIds.length) return [] as { id: string; product_id: string; title: string }[]
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product_variant",
    fields: ["id", "product_id", "product.title"],
    filters: { id: variantIds },
  })
  return data.map((v: any) => ({ id: v.id, product_id: v.product_id, title: v.product?.title ?? v.product_id }))
}

async function assertSellable(container: Container, items: { product_id: string; title: string }[], message: (titles: string) => string) {
  if (!items.length) return
  const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
  const verdicts = await ocop.evaluateSellability([...new Set(items.map((i) => i.product_id))])
  const blocked = items.filter((i) => !verdicts.get(i.product_id)?.sellable)
  if (blocked.length) {
    const titles = [...new Set(blocked.map((b) => `"${b.title}"`))].join(", ")
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, message(titles))
  }
}

addToCartWorkflow.hooks.validate(async ({ input }, { container }) => {
  const variantIds = (input.items ?? []).map((i: any) => i.variant_id).filter(Boolean)
  const products = await productsOfVariants(container, variantIds)
  const unknown = variantIds.filter((id: string) => !products.some((p) => p.id === id))
  if (unknown.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Variant ${unknown.join(", ")} was not found`)
  }
  await assertSellable(
    container,
    products,
    (titles) => `${titles} is not a certified OCOP product on sale right now and cannot be added to the cart.`
  )
})

completeCartWorkflow.hooks.validate(async ({ cart }, { container }) => {
  const items = ((cart as any).items ?? []).map((i: any) => ({
    product_id: i.product_id,
    title: i.product_title ?? i.title ?? i.product_id,
  }))
  await assertSellable(
    container,
    items.filter((i: any) => i.product_id),
    (titles) => `${titles} is no longer a certified OCOP product on sale; remove it from the cart to place the order.`
  )
  // Sold out already: say so now, instead of queueing for the reservation lock (see stock-guard.ts).
  await assertInStock(container, cart)
})

type WrittenProduct = Pick<ProductDTO, "id" | "status" | "title">

async function guardPublish(container: Container, products: WrittenProduct[]) {
  const published = products.filter((p) => p.status === (ProductStatus.PUBLISHED as string))
  if (!published.length) return
  const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
  const verdicts = await ocop.evaluateSellability(published.map((p) => p.id))
  const blocked = published.filter((p) => {
    const v = verdicts.get(p.id)
    // A suspended producer's listing may stay published (it is hidden by the rule);
    // what publishing needs is a certification in force.
    return !v || v.reason === "no_certification" || v.reason === "certification_not_in_force"
  })
  if (blocked.length) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Cannot publish ${blocked.map((b) => `"${b.title}"`).join(", ")}: a product needs an active OCOP certification (3★ or more, within its validity) before it is published. Save it as a draft and certify it first.`
    )
  }
}

/**
 * `additional_data.producer_id` on admin product create/update links the product
 * to its OCOP producer. Links made here are undone if the workflow fails later.
 */
async function linkProducer(container: Container, productIds: string[], producerId: string | undefined) {
  if (!producerId || !productIds.length) return null
  const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
  const [producer] = await ocop.listProducers({ id: producerId }, { select: ["id"] })
  if (!producer) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Producer ${producerId} was not found`)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const { data } = await query.graph({ entity: "product", fields: ["id", "producer.id"], filters: { id: productIds } })
  const previous = data
    .filter((p: any) => p.producer?.id && p.producer.id !== producerId)
    .map((p: any) => ({ product_id: p.id, producer_id: p.producer.id as string }))
  const pair = (product_id: string, producer_id: string) => ({
    [Modules.PRODUCT]: { product_id },
    [OCOP_MODULE]: { producer_id },
  })
  if (previous.length) await link.dismiss(previous.map((p) => pair(p.product_id, p.producer_id)))
  const added = data.filter((p: any) => p.producer?.id !== producerId).map((p: any) => p.id as string)
  if (added.length) await link.create(added.map((id) => pair(id, producerId)))
  return { producer_id: producerId, added, previous }
}

async function unlinkProducer(container: Container, undo: Awaited<ReturnType<typeof linkProducer>>) {
  if (!undo) return
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const pair = (product_id: string, producer_id: string) => ({
    [Modules.PRODUCT]: { product_id },
    [OCOP_MODULE]: { producer_id },
  })
  if (undo.added.length) await link.dismiss(undo.added.map((id) => pair(id, undo.producer_id)))
  if (undo.previous.length) await link.create(undo.previous.map((p) => pair(p.product_id, p.producer_id)))
}

type ProductHookUndo = { producer: Awaited<ReturnType<typeof linkProducer>>; channels: SellabilitySnapshot | null }

/** After an admin/producer create or update: producer link, publish guard, then channel membership per the OCOP rule. */
async function afterProductWrite(container: Container, products: WrittenProduct[], additionalData: unknown): Promise<ProductHookUndo> {
  const producerId = (additionalData as { producer_id?: string } | undefined)?.producer_id
  const producer = await linkProducer(container, products.map((p) => p.id), producerId)
  try {
    await guardPublish(container, products)
    const { snapshot } = await applySellability(container, products.map((p) => p.id))
    return { producer, channels: snapshot }
  } catch (e) {
    await unlinkProducer(container, producer)
    throw e
  }
}

async function undoProductWrite(container: Container, undo: ProductHookUndo | undefined) {
  if (!undo) return
  await restoreSellability(container, undo.channels)
  await unlinkProducer(container, undo.producer)
}

createProductsWorkflow.hooks.productsCreated(
  async ({ products, additional_data }, { container }) => {
    const undo = await afterProductWrite(container, products, additional_data)
    return new StepResponse(undo, undo)
  },
  async (undo, { container }) => undoProductWrite(container, undo)
)

updateProductsWorkflow.hooks.productsUpdated(
  async ({ products, additional_data }, { container }) => {
    const undo = await afterProductWrite(container, products, additional_data)
    return new StepResponse(undo, undo)
  },
  async (undo, { container }) => undoProductWrite(container, undo)
)
