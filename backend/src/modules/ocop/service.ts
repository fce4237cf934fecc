import { MedusaService } from "@medusajs/framework/utils"
import Certification from "./models/certification"
import CertificationEvent from "./models/certification-event"
import Producer from "./models/producer"
import { currentCertification, isSellable } from "./rules"

export type SellabilityVerdict = {
  product_id: string
  sellable: boolean
  producer_id: string | null
  reason: "ok" | "no_certification" | "certification_not_in_force" | "producer_not_approved"
}

/**
 * CRUD for producers, certifications and their history comes from MedusaService;
 * the methods below are read-side questions the rest of the app asks this module.
 * Writes happen in workflows (src/workflows), which call the generated methods.
 */
class OcopModuleService extends MedusaService({ Producer, Certification, CertificationEvent }) {
  /** Decides, for each product id, whether it may be sold right now. */
  async evaluateSellability(productIds: string[], now: Date = new Date()): Promise<Map<string, SellabilityVerdict>> {
    const verdicts = new Map<string, SellabilityVerdict>()
    if (!productIds.length) return verdicts
    const certifications = await this.listCertifications(
      { product_id: productIds },
      { select: ["id", "product_id", "producer_id", "status", "stars", "valid_from", "valid_until", "decision_date"] }
    )
    const producerIds = [...new Set(certifications.map((c) => c.producer_id))]
    const producers = producerIds.length
      ? await this.listProducers({ id: producerIds }, { select: ["id", "status"] })
      : []
    const producerStatus = new Map(producers.map((p) => [p.id, p.status as string]))

    for (const productId of productIds) {
      const own = certifications.filter((c) => c.product_id === productId)
      const current = currentCertification(own, now)
      if (!current) {
        verdicts.set(productId, { product_id: productId, sellable: false, producer_id: null, reason: "no_certification" })
        continue
      }
      const status = producerStatus.get(current.producer_id)
      const sellable = isSellable(own, status, now)
      verdicts.set(productId, {
        product_id: productId,
        sellable,
        producer_id: current.producer_id,
        reason: sellable ? "ok" : status !== "approved" ? "producer_not_approved" : "certification_not_in_force",
      })
    }
    return verdicts
  }
}

export default OcopModuleService
