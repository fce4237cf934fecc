/**
 * Seeds the Huế OCOP demo catalogue, once.
 *
 * Run with `medusa exec ./src/scripts/seed.ts` (npm start does it for you).
 * The data lives in ./data/catalogue.json; this file only turns it into Medusa
 * records. Re-running is a no-op: the store carries an `ocop_seeded_at` marker.
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createInventoryLevelsWorkflow,
  createProductsWorkflow,
  createPromotionsWorkflow,
  createRegionsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateProductsWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { assertDemoDataAllowed } from "../config/deployment"
import { OCOP_MODULE } from "../modules/ocop"
import type OcopModuleService from "../modules/ocop/service"
import { CURRENT_TAXONOMY_VERSION } from "../modules/ocop/taxonomy"
import { addMonths, checkPotentialFiveStar, checkValidityWindow, defaultValidUntil, effectiveStarsCheck } from "../modules/ocop/rules"
import { syncProductSellabilityWorkflow } from "../workflows/sellability"
import { changeCertificationWorkflow, createCertificationWorkflow } from "../workflows/certifications"
import { expireCertificationsWorkflow } from "../workflows/certification-expiry"
import { createProducerWorkflow, rejectProducerWorkflow, suspendProducerWorkflow } from "../workflows/producers"
import { areaOf, authorityAt, findCurrentUnit } from "../modules/ocop/admin-units"
import { loadCatalogue, type CatalogueProduct } from "./lib/catalogue"
import { demoGtin, demoLots } from "./lib/demo-traceability"
import { TRACEABILITY_MODULE } from "../modules/traceability"
import type TraceabilityModuleService from "../modules/traceability/service"
import { assignGtinWorkflow, recordLotWorkflow } from "../workflows/traceability"
import { seedProducerUsers } from "./seed-producer-users"

export const VIETNAM_COUNTRIES = ["vn"]
export const INTERNATIONAL_COUNTRIES = ["us", "ca", "gb", "fr", "de", "nl", "se", "au", "nz", "jp", "kr", "sg", "tw", "hk"]

export default async function seedOcopCatalogue({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const storeService = container.resolve(Modules.STORE)
  const salesChannelService = container.resolve(Modules.SALES_CHANNEL)
  const fulfillmentService = container.resolve(Modules.FULFILLMENT)
  const productService = container.resolve(Modules.PRODUCT)
  const ocop: OcopModuleService = container.resolve(OCOP_MODULE)

  // Before anything is read or written: the catalogue carries DEMO- certificates and the
  // producer logins of the README, so a deployment (no OCOP_DEMO=true) never gets them.
  assertDemoDataAllowed(process.env, "the demo catalogue (DEMO- certificates, demo producer logins)")

  const [store] = await storeService.listStores({}, { select: ["id", "metadata", "default_sales_channel_id"] })
  if (store?.metadata?.ocop_seeded_at) {
    logger.info(`Demo catalogue already seeded at ${store.metadata.ocop_seeded_at}; nothing to do.`)
    await seedProducerUsers(container) // idempotent: databases seeded before the portal get its demo logins
    return
  }
  const catalogue = loadCatalogue()
  const backendUrl = (process.env.MEDUSA_BACKEND_URL || `http://localhost:${process.env.PORT || 9000}`).replace(/\/$/, "")
  const enabledPaymentProviders = await listPaymentProviderIds(container)

  // Store, sales channel, currencies ------------------------------------------------
  let [salesChannel] = await salesChannelService.listSalesChannels({ name: "Default Sales Channel" })
  if (!salesChannel) salesChannel = await salesChannelService.createSalesChannels({ name: "Default Sales Channel" })
  await salesChannelService.updateSalesChannels(salesChannel.id, {
    name: "Huế OCOP Marketplace",
    description: "Certified OCOP products from Thừa Thiên Huế. Only sellable products are listed here.",
  })
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: "Huế OCOP Marketplace",
        supported_currencies: [
          { currency_code: "vnd", is_default: true },
          { currency_code: "usd" },
        ],
        default_sales_channel_id: salesChannel.id,
      },
    },
  })

  // Regions and taxes -------------------------------------------------------------
  const vnProviders = ["pp_cod_cod", "pp_bank-transfer_bank-transfer", "pp_stripe_stripe"].filter((p) =>
    enabledPaymentProviders.includes(p)
  )
  // International buyers pay by card when Stripe is configured, or by invoice
  // (Medusa's manual provider, settled by an admin) — always available.
  const intlProviders = ["pp_stripe_stripe", "pp_system_default"].filter((p) => enabledPaymentProviders.includes(p))
  // Every section below skips what exists, so a seed interrupted half-way resumes.
  const regionService = container.resolve(Modules.REGION)
  const wantedRegions = [
    { name: "Việt Nam", currency_code: "vnd", countries: VIETNAM_COUNTRIES, payment_providers: vnProviders, automatic_taxes: true },
    { name: "International", currency_code: "usd", countries: INTERNATIONAL_COUNTRIES, payment_providers: intlProviders },
  ]
  const existingRegions = await regionService.listRegions({ name: wantedRegions.map((r) => r.name) } as any)
  const missingRegions = wantedRegions.filter((r) => !existingRegions.some((e) => e.name === r.name))
  if (missingRegions.length) await createRegionsWorkflow(container).run({ input: { regions: missingRegions } })
  const regions = await regionService.listRegions({ name: wantedRegions.map((r) => r.name) } as any)
  const vietnam = regions.find((r) => r.name === "Việt Nam")!
  const international = regions.find((r) => r.name === "International")!
  const taxService = container.resolve(Modules.TAX)
  const taxed = new Set((await taxService.listTaxRegions({})).map((t) => t.country_code))
  const untaxed = [...VIETNAM_COUNTRIES, ...INTERNATIONAL_COUNTRIES].filter((c) => !taxed.has(c))
  if (untaxed.length) {
    await createTaxRegionsWorkflow(container).run({ input: untaxed.map((country_code) => ({ country_code, provider_id: "tp_system" })) })
  }

  // Stock location in Huế, fulfilment and shipping ------------------------------------
  const stockLocationService = container.resolve(Modules.STOCK_LOCATION)
  const LOCATION_NAME = "Kho Huế — Huế warehouse"
  let [location] = await stockLocationService.listStockLocations({ name: LOCATION_NAME })
  if (!location) {
    const { result } = await createStockLocationsWorkflow(container).run({
      input: {
        locations: [
          {
            name: LOCATION_NAME,
            address: { address_1: "2 Lê Lợi", city: "Huế", province: "thành phố Huế", country_code: "vn", postal_code: "530000" },
          },
        ],
      },
    })
    location = result[0]
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
      [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
    })
  }
  let [shippingProfile] = await fulfillmentService.listShippingProfiles({ type: "default" })
  if (!shippingProfile) {
    const { result } = await createShippingProfilesWorkflow(container).run({
      input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
    })
    shippingProfile = result[0]
  }
  const FULFILLMENT_SET_NAME = "Giao hàng từ Huế — Shipping from Huế"
  let [fulfillmentSet] = await fulfillmentService.listFulfillmentSets({ name: FULFILLMENT_SET_NAME }, { relations: ["service_zones"] })
  if (!fulfillmentSet) {
    fulfillmentSet = await fulfillmentService.createFulfillmentSets({
      name: FULFILLMENT_SET_NAME,
      type: "shipping",
      service_zones: [
        { name: "Việt Nam", geo_zones: VIETNAM_COUNTRIES.map((country_code) => ({ country_code, type: "country" as const })) },
        { name: "International", geo_zones: INTERNATIONAL_COUNTRIES.map((country_code) => ({ country_code, type: "country" as const })) },
      ],
    })
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
      [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
    })
  }
  const zone = (name: string) => fulfillmentSet.service_zones.find((z) => z.name === name)!.id
  const storeRules = [
    { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
    { attribute: "is_return", value: "false", operator: "eq" as const },
  ]
  const shippingOptions = [
      {
        name: "Giao hàng tiêu chuẩn (2–4 ngày)",
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id: zone("Việt Nam"),
        shipping_profile_id: shippingProfile.id,
        type: { label: "Standard", description: "2–4 business days within Vietnam", code: "standard-vn" },
        prices: [{ currency_code: "vnd", amount: 30000 }, { region_id: vietnam.id, amount: 30000 }],
        rules: storeRules,
      },
      {
        name: "Giao hàng nhanh (1–2 ngày)",
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id: zone("Việt Nam"),
        shipping_profile_id: shippingProfile.id,
        type: { label: "Express", description: "1–2 business days within Vietnam", code: "express-vn" },
        prices: [{ currency_code: "vnd", amount: 55000 }, { region_id: vietnam.id, amount: 55000 }],
        rules: storeRules,
      },
      {
        name: "International shipping (7–14 days)",
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id: zone("International"),
        shipping_profile_id: shippingProfile.id,
        type: { label: "International", description: "Tracked airmail, 7–14 days", code: "intl" },
        prices: [{ currency_code: "usd", amount: 15 }, { region_id: international.id, amount: 15 }],
        rules: storeRules,
      },
  ]
  const existingOptions = new Set((await fulfillmentService.listShippingOptions({})).map((o) => o.name))
  const missingOptions = shippingOptions.filter((o) => !existingOptions.has(o.name))
  if (missingOptions.length) await createShippingOptionsWorkflow(container).run({ input: missingOptions as any })
  const { data: locationChannels } = await query.graph({
    entity: "stock_location",
    fields: ["id", "sales_channels.id"],
    filters: { id: location.id },
  })
  if (!(locationChannels[0] as any)?.sales_channels?.some((c: any) => c?.id === salesChannel.id)) {
    await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: location.id, add: [salesChannel.id] } })
  }

  // Publishable key for the storefront ----------------------------------------------
  const apiKeyService = container.resolve(Modules.API_KEY)
  let [publishableKey] = await apiKeyService.listApiKeys({ type: "publishable" })
  if (!publishableKey) {
    publishableKey = await apiKeyService.createApiKeys({ title: "Storefront", type: "publishable", created_by: "seed" })
  }
  // db:migrate already links its default key to the default channel; linking twice
  // would give the key two (identical) channels and break cart creation.
  const { data: keyChannels } = await query.graph({
    entity: "api_key",
    fields: ["id", "sales_channels.id"],
    filters: { id: publishableKey.id },
  })
  if (!(keyChannels[0] as any)?.sales_channels?.some((c: any) => c?.id === salesChannel.id)) {
    await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: publishableKey.id, add: [salesChannel.id] } })
  }

  // Producers ---------------------------------------------------------------------
  const existingProducers = await ocop.listProducers({ handle: catalogue.producers.map((p) => p.handle) }, { select: ["id", "handle"] })
  const producerIdByHandle = new Map<string, string>(existingProducers.map((p) => [p.handle, p.id]))
  for (const p of catalogue.producers.filter((x) => !producerIdByHandle.has(x.handle))) {
    const { result } = await createProducerWorkflow(container).run({
      input: {
        ...p,
        // The demo's producers are approved; generated (benchmark) catalogues also have
        // applicants still under review and rejected ones (rejected below, from pending).
        status: p.status === "pending" || p.status === "rejected" ? "pending" : "approved",
        logo_url: `${backendUrl}/static/ocop/producers/${p.handle}.svg`,
      },
    })
    producerIdByHandle.set(p.handle, result.id)
  }

  // Products: created as drafts, certified, then published --------------------------
  const existingProducts = await productService.listProducts({ handle: catalogue.products.map((p) => p.handle) }, { select: ["id", "handle"] })
  const newProducts = catalogue.products.filter((p) => !existingProducts.some((e) => e.handle === p.handle))
  const products: { id: string; handle: string }[] = []
  // In batches: one workflow for 30 products is fine, for the benchmarks' 10 000 it is not.
  for (let i = 0; i < newProducts.length; i += 200) {
    const { result } = await createProductsWorkflow(container).run({
      input: { products: newProducts.slice(i, i + 200).map((p) => toProductInput(p, shippingProfile.id, backendUrl)) as any },
    })
    products.push(...result.map((p) => ({ id: p.id, handle: p.handle })))
  }
  const productIdByHandle = new Map([...existingProducts, ...products].map((p) => [p.handle, p.id]))
  if (newProducts.length) await link.create(
    newProducts.map((p) => ({
      [Modules.PRODUCT]: { product_id: productIdByHandle.get(p.handle)! },
      [OCOP_MODULE]: { producer_id: producerIdByHandle.get(p.producer)! },
    }))
  )

  // Inventory in the Huế warehouse.
  // (An empty id list would be no filter at all: a re-run that created no product must not touch stock.)
  const { data: variants } = products.length
    ? await query.graph({
        entity: "product_variant",
        fields: ["sku", "inventory_items.inventory_item_id"],
        filters: { product_id: products.map((p) => p.id) },
      })
    : { data: [] as any[] }
  // Only the new products' items get levels; re-runs leave stock as it is.
  const stockBySku = new Map(catalogue.products.flatMap((p) => p.variants.map((v) => [v.sku, v.inventory] as const)))
  if (variants.length) await createInventoryLevelsWorkflow(container).run({
    input: {
      inventory_levels: variants.flatMap((v: any) =>
        (v.inventory_items ?? []).map((ii: any) => ({
          location_id: location.id,
          inventory_item_id: ii.inventory_item_id,
          stocked_quantity: stockBySku.get(v.sku) ?? 0,
        }))
      ),
    },
  })

  const now = new Date()
  const recorded = new Set(
    (await ocop.listCertifications({ certificate_number: catalogue.products.map((p) => p.certification.certificate_number) }, { select: ["certificate_number"] })).map(
      (c) => c.certificate_number
    )
  )
  const uncertified = catalogue.products.filter((x) => !recorded.has(x.certification.certificate_number))
  if (uncertified.length > BULK_CERTIFICATION_THRESHOLD) {
    await bulkCertify(container, uncertified, productIdByHandle, producerIdByHandle, now)
  } else {
    for (const p of uncertified) {
      const c = p.certification
      const decisionDate = addMonths(now, -c.decided_months_ago)
      // Demo dates are relative to today, so who signed is too: "UBND tỉnh Thừa Thiên Huế" before
      // 2025, "UBND thành phố Huế" after, no district level after 1 July 2025 (admin-units.ts).
      const producer = catalogue.producers.find((x) => x.handle === p.producer)
      const unit = findCurrentUnit(producer?.commune)
      const authority = authorityAt(c.authority_level, c.issuing_authority, decisionDate, unit ? areaOf(unit) : producer?.district)
      const { result: certification } = await createCertificationWorkflow(container).run({
        input: {
          product_id: productIdByHandle.get(p.handle)!,
          certificate_number: c.certificate_number,
          decision_number: c.decision_number,
          decision_date: decisionDate,
          issuing_authority: authority.name,
          authority_level: authority.level,
          score: c.score,
          stars: c.stars,
          potential_five_star: c.potential_five_star,
          group_code: p.group,
          subgroup: p.subgroup,
          // Every certificate is seeded as it was issued; lapsed ones are then
          // expired by the rule (and the job), revoked or suspended ones go
          // through the same workflow an admin uses, so their history is real.
          // (Generated catalogues also have submissions under review, some then rejected.)
          status: c.status === "pending_review" || c.status === "rejected" ? "pending_review" : "active",
          geographical_indication: p.other_marks?.geographical_indication ?? null,
          collective_trademark: p.other_marks?.collective_trademark ?? null,
          is_demo: true,
          actor: { actor_type: "system", actor_id: "seed" },
        },
      })
      if (c.status === "revoked" || c.status === "suspended" || c.status === "rejected") {
        await changeCertificationWorkflow(container).run({
          input: {
            id: certification.id,
            type: c.status,
            changes: { status: c.status, status_reason: c.status_reason },
            reason: c.status_reason,
            actor: { actor_type: "system", actor_id: "seed" },
          },
        })
      }
    }
  }

  // Publish. Products whose certificate is in force go through the normal
  // workflow (its publish guard passes); the few that are not — the 2★
  // evaluation, the lapsed and the revoked certificates — are published
  // directly to reproduce a catalogue where they were on sale before. The OCOP
  // rule still keeps every one of them out of the store.
  const verdicts = await ocop.evaluateSellability([...productIdByHandle.values()])
  const publishable = [...productIdByHandle.values()].filter((id) => verdicts.get(id)?.sellable)
  const legacy = [...productIdByHandle.values()].filter((id) => !verdicts.get(id)?.sellable)
  if (publishable.length) await updateProductsWorkflow(container).run({
    input: { selector: { id: publishable }, update: { status: ProductStatus.PUBLISHED } },
  })
  if (legacy.length) await productService.updateProducts({ id: legacy }, { status: ProductStatus.PUBLISHED })

  // Suspended producers are applied last so their products were certified first.
  const suspended = catalogue.producers.filter((x) => x.status === "suspended")
  const alreadySuspended = new Set(
    (await ocop.listProducers({ handle: suspended.map((p) => p.handle), status: "suspended" }, { select: ["handle"] })).map((p) => p.handle)
  )
  for (const p of suspended.filter((x) => !alreadySuspended.has(x.handle))) {
    await suspendProducerWorkflow(container).run({
      input: { id: producerIdByHandle.get(p.handle)!, reason: "Demo: suspended pending re-inspection", actor: { actor_type: "system" } },
    })
  }

  const rejected = catalogue.producers.filter((x) => x.status === "rejected")
  const alreadyRejected = new Set(
    (await ocop.listProducers({ handle: rejected.map((p) => p.handle), status: "rejected" }, { select: ["handle"] })).map((p) => p.handle)
  )
  for (const p of rejected.filter((x) => !alreadyRejected.has(x.handle))) {
    await rejectProducerWorkflow(container).run({
      input: { id: producerIdByHandle.get(p.handle)!, reason: "Generated: application rejected", actor: { actor_type: "system" } },
    })
  }

  // Lapsed demo certificates become `expired` now rather than at the job's next run.
  await expireCertificationsWorkflow(container).run({ input: {} })

  // Traceability: every demo variant gets a (demo-marked) GTIN, every demo product a lot.
  // Only for the demo catalogue: the benchmarks' generated ones do not need lots.
  if (!process.env.OCOP_CATALOGUE_FILE) {
    const traceability: TraceabilityModuleService = container.resolve(TRACEABILITY_MODULE)
    const { data: demoVariants } = await query.graph({
      entity: "product_variant",
      fields: ["id", "sku", "product_id"],
      filters: { sku: catalogue.products.flatMap((p) => p.variants.map((v) => v.sku)) },
    })
    const variantBySku = new Map(demoVariants.map((v: any) => [v.sku, v]))
    const known = new Set((await traceability.listTradeItems({ variant_id: demoVariants.map((v: any) => v.id) }, { select: ["variant_id"] })).map((t) => t.variant_id))
    for (const [i, p] of catalogue.products.entries()) {
      for (const [j, v] of p.variants.entries()) {
        const variant = variantBySku.get(v.sku) as any
        if (!variant || known.has(variant.id)) continue
        await assignGtinWorkflow(container).run({
          input: { gtin: demoGtin(i, j), product_id: variant.product_id, variant_id: variant.id, producer_id: producerIdByHandle.get(p.producer)!, is_demo: true },
        })
      }
    }
    for (const lot of demoLots(catalogue, now)) {
      const [item] = await traceability.listTradeItems({ gtin: lot.gtin }, { select: ["id", "product_id", "variant_id", "producer_id"] })
      if (!item) continue
      const [existing] = await traceability.listLots({ gtin: lot.gtin } as any, { select: ["id"], take: 1 })
      if (existing) continue
      await recordLotWorkflow(container).run({
        input: {
          lot: { ...lot, trade_item_id: item.id, product_id: item.product_id, variant_id: item.variant_id, producer_id: item.producer_id, is_demo: true },
          actor: { actor_type: "system", actor_id: "seed" },
        },
      })
    }
  }

  // A demo promotion so the cart's promo-code field has something to accept.
  const promotionService = container.resolve(Modules.PROMOTION)
  const [existingPromo] = await promotionService.listPromotions({ code: "HUE10" })
  if (!existingPromo) {
    await createPromotionsWorkflow(container).run({
      input: {
        promotionsData: [
          {
            code: "HUE10",
            type: "standard",
            status: "active",
            application_method: { type: "percentage", target_type: "order", allocation: "across", value: 10 },
          },
        ],
      },
    })
  }

  // Producer portal demo logins (README): anlo@ / baola@ocop-hue.vn, idempotent.
  await seedProducerUsers(container)

  await storeService.updateStores(store.id, { metadata: { ...(store.metadata ?? {}), ocop_seeded_at: now.toISOString() } })
  // Fresh planner statistics: right after a bulk load PostgreSQL still believes the tables are
  // empty and plans the store's "on sale" query (api/utils/sellable-products.ts) as nested loops over
  // everything — 25 s instead of 25 ms at 1 000 products, until autovacuum gets to it.
  await container.resolve(ContainerRegistrationKeys.PG_CONNECTION).raw("ANALYZE")
  logger.info(
    `Seeded ${catalogue.producers.length} producers and ${catalogue.products.length} products ` +
      `(${publishable.length} sellable) in regions Việt Nam (VND) and International (USD).`
  )
}

function toProductInput(p: CatalogueProduct, shippingProfileId: string, backendUrl: string) {
  const image = `${backendUrl}/static/ocop/${p.handle}.svg`
  return {
    title: p.title_vi,
    subtitle: p.subtitle_vi,
    description: p.description_vi,
    handle: p.handle,
    status: ProductStatus.DRAFT,
    weight: p.weight_g,
    origin_country: "vn",
    thumbnail: image,
    images: [{ url: image }],
    shipping_profile_id: shippingProfileId,
    metadata: {
      title_en: p.title_en,
      subtitle_en: p.subtitle_en,
      description_en: p.description_en,
      labelling: p.labelling,
      search_synonyms: p.search_synonyms ?? [],
      // Option names in English, keyed by the Vietnamese title the product uses.
      option_titles_en: Object.fromEntries(p.options.map((o) => [o.title_vi, o.title_en])),
      tags: p.tags,
    },
    options: p.options.map((o) => ({ title: o.title_vi, values: o.values })),
    variants: p.variants.map((v) => ({
      title: v.title,
      sku: v.sku,
      options: v.option_values,
      manage_inventory: true,
      prices: [
        { amount: v.prices.vnd, currency_code: "vnd" },
        { amount: v.prices.usd, currency_code: "usd" },
      ],
    })),
  }
}

async function listPaymentProviderIds(container: ExecArgs["container"]): Promise<string[]> {
  const payment = container.resolve(Modules.PAYMENT)
  const providers = await payment.listPaymentProviders({})
  return providers.map((p) => p.id)
}

/**
 * Above this many new certificates (generated benchmark catalogues: 10 000, 50 000) they are
 * recorded in bulk rather than through one createCertificationWorkflow run each (525 s for 10 000:
 * each run re-evaluates one product and emits its events). The same rows result: the same checks
 * (rules.ts), the same history entries (issued, then revoked / suspended; submitted, then
 * rejected), and the sellability workflow run over the products in batches, which lists them.
 */
const BULK_CERTIFICATION_THRESHOLD = 200
const BULK_BATCH = 1000

async function bulkCertify(
  container: ExecArgs["container"],
  products: CatalogueProduct[],
  productIdByHandle: Map<string, string>,
  producerIdByHandle: Map<string, string>,
  now: Date
) {
  const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
  const occurred = new Date()
  const actor = { actor_type: "system", actor_id: "seed" }
  const rows = products.map((p) => {
    const c = p.certification
    const decisionDate = addMonths(now, -c.decided_months_ago)
    const validUntil = defaultValidUntil(decisionDate)
    const problem =
      effectiveStarsCheck(c.stars, c.score, !!c.potential_five_star) ??
      checkPotentialFiveStar(!!c.potential_five_star, c.stars, c.score) ??
      checkValidityWindow(decisionDate, validUntil)
    if (problem) throw new Error(`catalogue certificate ${c.certificate_number}: ${problem}`)
    const submitted = c.status === "pending_review" || c.status === "rejected"
    const first = submitted ? "pending_review" : "active"
    const events: Record<string, unknown>[] = [
      { type: submitted ? "submitted" : "issued", to_status: first, to_stars: c.stars, to_score: c.score, actor_type: "system", actor_id: actor.actor_id, occurred_at: occurred },
    ]
    // Lapsed ones stay `active` here: the expiry workflow the seed runs last records them.
    const final = c.status === "revoked" || c.status === "suspended" || c.status === "rejected" ? c.status : first
    if (final !== first) {
      events.push({ type: final, from_status: first, to_status: final, reason: c.status_reason ?? null, actor_type: "system", actor_id: actor.actor_id, occurred_at: occurred })
    }
    return {
      product_id: productIdByHandle.get(p.handle)!,
      producer_id: producerIdByHandle.get(p.producer)!,
      certificate_number: c.certificate_number,
      decision_number: c.decision_number,
      decision_date: decisionDate,
      issuing_authority: c.issuing_authority,
      authority_level: c.authority_level,
      score: c.score,
      stars: c.stars,
      potential_five_star: !!c.potential_five_star,
      taxonomy_version: CURRENT_TAXONOMY_VERSION,
      group_code: p.group,
      subgroup: p.subgroup ?? null,
      valid_from: decisionDate,
      valid_until: validUntil,
      status: final,
      status_reason: final !== first ? (c.status_reason ?? null) : null,
      geographical_indication: p.other_marks?.geographical_indication ?? null,
      collective_trademark: p.other_marks?.collective_trademark ?? null,
      is_demo: true,
      events,
    }
  })
  for (let i = 0; i < rows.length; i += BULK_BATCH) await ocop.createCertifications(rows.slice(i, i + BULK_BATCH) as any)
  const ids = rows.map((r) => r.product_id)
  for (let i = 0; i < ids.length; i += BULK_BATCH) {
    await syncProductSellabilityWorkflow(container).run({ input: { product_ids: ids.slice(i, i + BULK_BATCH) } })
  }
}
