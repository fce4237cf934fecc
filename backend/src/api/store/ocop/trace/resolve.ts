/**
 * What a consumer scanning a lot sees (Circular 02/2024/TT-BKHCN: product name and image,
 * producer name and address, production date, lot, expiry; plus the OCOP certificate): read
 * across the traceability, product and OCOP modules. A lot keeps resolving after its product
 * left the shop (a revoked certificate): the page says so plainly instead of disappearing.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { addressAsOf, currentAddress } from "../../../../modules/ocop/admin-units"
import { currentCertification, isCertificationInForce } from "../../../../modules/ocop/rules"
import { TRACEABILITY_MODULE } from "../../../../modules/traceability"
import { gtinDigitalLink, lotDigitalLink } from "../../../../modules/traceability/gs1"
import { certificationInForceOn, lotStatus } from "../../../../modules/traceability/rules"
import type TraceabilityModuleService from "../../../../modules/traceability/service"
import { isPublicCertificationStatus, PUBLIC_CERTIFICATION_FIELDS, PUBLIC_EVENT_FIELDS } from "../../../utils/public-fields"
import { filterStoreVisible } from "../../../utils/sellable-products"
import { storefrontOrigin } from "../../../utils/storefront-origin"

const trace = (c: MedusaContainer): TraceabilityModuleService => c.resolve(TRACEABILITY_MODULE)

const PRODUCER_FIELDS = ["legal_name", "handle", "street", "commune", "former_commune", "district", "province", "status"]

async function productFacts(container: MedusaContainer, productId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: [
      "id",
      "handle",
      "title",
      "thumbnail",
      "metadata",
      "variants.id",
      "variants.title",
      ...PRODUCER_FIELDS.map((f) => `producer.${f}`),
      ...PUBLIC_CERTIFICATION_FIELDS.map((f) => `certifications.${f}`),
      ...PUBLIC_EVENT_FIELDS.map((f) => `certifications.events.${f}`),
    ],
    filters: { id: productId },
  })
  const product = data[0] as any
  if (!product) return null
  const certifications = ((product.certifications ?? []) as any[]).filter((c) => c && isPublicCertificationStatus(c.status))
  const sellable = (await filterStoreVisible(container, [{ id: product.id }])).length > 0
  return { product, certifications, sellable }
}

const publicCert = (c: any, producer: any, now: Date) =>
  c
    ? {
        certificate_number: c.certificate_number,
        decision_number: c.decision_number,
        decision_date: c.decision_date,
        issuing_authority: c.issuing_authority,
        stars: c.stars,
        status: c.status,
        valid_from: c.valid_from,
        valid_until: c.valid_until,
        in_force: isCertificationInForce(c, now),
        // The address as the decision wrote it (former commune and province before the 2025 reform).
        address_as_certified: producer ? addressAsOf(producer, c.decision_date) : null,
        is_demo: c.is_demo ?? false,
      }
    : null

/** GET /store/ocop/trace/:gtin — the trade item: its product (when on sale) and how many lots it has. */
export async function resolveGtin(container: MedusaContainer, gtin: string) {
  const [item] = await trace(container).listTradeItems({ gtin }, { select: ["id", "gtin", "product_id", "variant_id", "is_demo"] })
  if (!item) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No product with GTIN ${gtin} is known here`)
  const facts = await productFacts(container, item.product_id)
  if (!facts) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No product with GTIN ${gtin} is known here`)
  const lots = await trace(container).listLots({ trade_item_id: item.id, superseded_at: null } as any, { select: ["id"] })
  return {
    gtin: item.gtin,
    is_demo: item.is_demo,
    digital_link: gtinDigitalLink(storefrontOrigin(), item.gtin),
    product: { handle: facts.sellable ? facts.product.handle : null, title: facts.product.title, sellable: facts.sellable },
    lots_count: lots.length,
  }
}

/** GET /store/ocop/trace/:gtin/lots/:lot — the consumer fields of one lot. */
export async function resolveLot(container: MedusaContainer, gtin: string, lotNumber: string, expiry: string | null, now = new Date()) {
  const service = trace(container)
  // The live entry; a number known only from superseded entries still resolves (to the latest of them).
  const lots = await service.listLots({ gtin, lot_number: lotNumber } as any, {
    select: ["id", "gtin", "product_id", "variant_id", "lot_number", "production_date", "expiry_date", "notes", "superseded_at", "corrects_lot_id", "is_demo", "created_at"],
    order: { created_at: "DESC" },
  })
  const lot = lots.find((l) => !l.superseded_at) ?? lots[0]
  if (!lot) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No lot ${lotNumber} of GTIN ${gtin} is known here`)
  const facts = await productFacts(container, lot.product_id)
  if (!facts) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No lot ${lotNumber} of GTIN ${gtin} is known here`)
  const { product, certifications, sellable } = facts
  const producer = product.producer ?? null
  const corrects = lot.corrects_lot_id ? await service.listLots({ id: lot.corrects_lot_id }, { select: ["id", "lot_number", "production_date", "expiry_date"] }) : []
  const correctedBy = lot.superseded_at ? lots.find((l) => l.corrects_lot_id === lot.id) ?? null : null
  const onProduction = certificationInForceOn(certifications, lot.production_date)
  const today = currentCertification(certifications, now)
  const variant = (product.variants ?? []).find((v: any) => v?.id === lot.variant_id)
  const lotExpiryDay = lot.expiry_date ? new Date(lot.expiry_date).toLocaleDateString("sv-SE", { timeZone: "Asia/Ho_Chi_Minh" }) : null
  return {
    gtin: lot.gtin,
    lot_number: lot.lot_number,
    production_date: lot.production_date,
    expiry_date: lot.expiry_date,
    notes: lot.notes,
    is_demo: lot.is_demo,
    status: lotStatus(lot),
    // The URI's ?17= says one expiry, the record another: show the record, and say it differs.
    expiry_in_link_matches: expiry === null ? null : expiry === lotExpiryDay,
    digital_link: lotDigitalLink(storefrontOrigin(), lot),
    corrects: corrects[0] ? { lot_number: corrects[0].lot_number } : null,
    corrected_by: correctedBy
      ? { lot_number: correctedBy.lot_number, digital_link: lotDigitalLink(storefrontOrigin(), correctedBy), corrected_at: lot.superseded_at }
      : null,
    product: {
      title: product.title,
      title_en: product.metadata?.title_en ?? null,
      variant_title: variant?.title ?? null,
      thumbnail: product.thumbnail,
      handle: sellable ? product.handle : null,
      on_sale: sellable,
    },
    // Not under the key "producer": /store responses reduce any "producer" object to the public
    // producer fields (utils/public-fields.ts shapeStorePayload), which would drop the addresses.
    made_by: producer
      ? {
          legal_name: producer.legal_name,
          handle: producer.handle,
          current_address: currentAddress(producer),
          current_address_en: currentAddress(producer, "en"),
          commune: producer.commune,
          former_commune: producer.former_commune ?? null,
          area: producer.district,
        }
      : null,
    certification_on_production_date: publicCert(onProduction, producer, now),
    certification_today: publicCert(today, producer, now),
  }
}

/** GET /store/ocop/certificates/:number/lots — the live lots of a certificate's product. */
export async function lotsOfProduct(container: MedusaContainer, productId: string) {
  const lots = await trace(container).listLots({ product_id: productId, superseded_at: null } as any, {
    select: ["id", "gtin", "lot_number", "production_date", "expiry_date", "is_demo"],
    order: { production_date: "DESC" },
    take: 100,
  })
  return lots.map((l) => ({ ...l, digital_link: lotDigitalLink(storefrontOrigin(), l) }))
}
