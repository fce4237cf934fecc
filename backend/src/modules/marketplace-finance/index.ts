import { Module } from "@medusajs/framework/utils"
import MarketplaceFinanceModuleService from "./service"

/** Marketplace money: commission rules, the producer ledger, bank accounts and payouts. */
export const MARKETPLACE_FINANCE_MODULE = "marketplace_finance"

export default Module(MARKETPLACE_FINANCE_MODULE, {
  service: MarketplaceFinanceModuleService,
})
