import { Module } from "@medusajs/framework/utils"
import TraceabilityModuleService from "./service"

/**
 * Batch traceability (TCVN 12850:2019 / GS1 Global Traceability Standard; Circular 02/2024/TT-BKHCN):
 * trade items (a variant's GTIN), the lots producers record for them, and the lots' change log.
 * Its own module, migrations and snapshot: a bounded context apart from certification.
 */
export const TRACEABILITY_MODULE = "traceability"

export default Module(TRACEABILITY_MODULE, {
  service: TraceabilityModuleService,
})
