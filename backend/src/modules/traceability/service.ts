import { MedusaService } from "@medusajs/framework/utils"
import Lot from "./models/lot"
import LotEvent from "./models/lot-event"
import TradeItem from "./models/trade-item"

/** CRUD from MedusaService; every write runs in a workflow (src/workflows/traceability). */
class TraceabilityModuleService extends MedusaService({ TradeItem, Lot, LotEvent }) {}

export default TraceabilityModuleService
