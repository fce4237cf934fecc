/**
 * The demo catalogue's GTINs and lots: derived, not typed in, so every demo product gets them.
 * Pure (dates passed in); unit-tested with a Digital Link round-trip for every lot.
 *
 * The GTINs use Vietnam's GS1 prefix 893 with an invented company prefix (8930000) and are marked
 * `is_demo`: they identify nothing outside this demo.
 */
import { gs1CheckDigit, VIETNAM_GS1_PREFIX } from "../../modules/traceability/gs1"
import type { Catalogue } from "./catalogue"

export const DEMO_COMPANY_PREFIX = `${VIETNAM_GS1_PREFIX}0000`

/** GTIN-14 of a demo variant: 0 + 8930000 + a 5-digit item reference + the check digit. */
export function demoGtin(productIndex: number, variantIndex: number): string {
  const body = `${DEMO_COMPANY_PREFIX}${String(productIndex * 10 + variantIndex + 1).padStart(5, "0")}`
  return `0${body}${gs1CheckDigit(body)}`
}

export type DemoLot = {
  handle: string
  sku: string
  gtin: string
  lot_number: string
  production_date: Date
  expiry_date: Date | null
  quantity: number
  notes: string | null
}

const addMonths = (d: Date, months: number) => {
  const out = new Date(d)
  out.setUTCMonth(out.getUTCMonth() + months)
  return out
}

/** One lot per demo product (its first variant), produced a month ago, expiring after its shelf life. */
export function demoLots(catalogue: Catalogue, now: Date): DemoLot[] {
  return catalogue.products.map((p, i) => {
    const produced = addMonths(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)), -1)
    const shelfLife = Number((p.labelling as any)?.shelf_life_months) || null
    const producer = catalogue.producers.find((x) => x.handle === p.producer)
    const code = p.variants[0].sku.split("-")[0].replace(/[^A-Z0-9]/g, "").slice(0, 8) || "LOT"
    return {
      handle: p.handle,
      sku: p.variants[0].sku,
      gtin: demoGtin(i, 0),
      lot_number: `${code}-${produced.getUTCFullYear()}${String(produced.getUTCMonth() + 1).padStart(2, "0")}`,
      production_date: produced,
      expiry_date: shelfLife ? addMonths(produced, shelfLife) : null,
      quantity: Math.max(1, p.variants[0].inventory),
      notes: producer ? `Demo: nguyên liệu từ ${producer.former_commune ?? producer.commune} / raw material from ${producer.former_commune ?? producer.commune}` : "Demo",
    }
  })
}
