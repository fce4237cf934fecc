/**
 * Middleware routes of marketplace money (admin: /admin/marketplace/*, producer portal:
 * /producers/me/{bank-account,earnings,payouts}), spread into src/api/middlewares.ts.
 * Admin routes are behind Medusa's admin auth; producer routes load the producer first,
 * so every read is narrowed to the signed-in producer (another's payout is a 404).
 */
import { validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import {
  AdminCreateCommissionRule,
  AdminListBankAccounts,
  AdminDashboardQuery,
  AdminEndCommissionRule,
  AdminListCommissionRules,
  AdminListLedger,
  AdminListPayouts,
  AdminMarkPayoutFailed,
  AdminMarkPayoutPaid,
  AdminReopenPayout,
  AdminRunPayouts,
  AdminVerifyBankAccount,
  ProducerListPayouts,
  ProducerSetBankAccount,
  StatementQuery,
} from "../admin/marketplace/validators"
import { loadProducerContext, producerAuth } from "../producers/helpers"
import { listQuery, routeQuery } from "../utils/list-query"

const signedIn = () => [producerAuth(), loadProducerContext]

export const marketplaceMoneyMiddlewareRoutes: MiddlewareRoute[] = [
  { matcher: "/admin/marketplace/commission-rules", method: "GET", middlewares: [listQuery(AdminListCommissionRules)] },
  { matcher: "/admin/marketplace/commission-rules", method: "POST", middlewares: [validateAndTransformBody(AdminCreateCommissionRule)] },
  { matcher: "/admin/marketplace/commission-rules/:id/end", method: "POST", middlewares: [validateAndTransformBody(AdminEndCommissionRule)] },
  { matcher: "/admin/marketplace/bank-accounts", method: "GET", middlewares: [listQuery(AdminListBankAccounts)] },
  {
    matcher: "/admin/marketplace/producers/:id/bank-account/verify",
    method: "POST",
    middlewares: [validateAndTransformBody(AdminVerifyBankAccount)],
  },
  { matcher: "/admin/marketplace/ledger", method: "GET", middlewares: [listQuery(AdminListLedger)] },
  { matcher: "/admin/marketplace/payout-runs", method: "POST", middlewares: [validateAndTransformBody(AdminRunPayouts)] },
  { matcher: "/admin/marketplace/payouts", method: "GET", middlewares: [listQuery(AdminListPayouts)] },
  { matcher: "/admin/marketplace/payouts/:id/statement", method: "GET", middlewares: [routeQuery(StatementQuery)] },
  { matcher: "/admin/marketplace/payouts/:id/mark-paid", method: "POST", middlewares: [validateAndTransformBody(AdminMarkPayoutPaid)] },
  { matcher: "/admin/marketplace/payouts/:id/mark-failed", method: "POST", middlewares: [validateAndTransformBody(AdminMarkPayoutFailed)] },
  { matcher: "/admin/marketplace/payouts/:id/reopen", method: "POST", middlewares: [validateAndTransformBody(AdminReopenPayout)] },
  { matcher: "/admin/marketplace/dashboard", method: "GET", middlewares: [routeQuery(AdminDashboardQuery)] },

  { matcher: "/producers/me/bank-account", method: "GET", middlewares: signedIn() },
  { matcher: "/producers/me/bank-account", method: "POST", middlewares: [...signedIn(), validateAndTransformBody(ProducerSetBankAccount)] },
  { matcher: "/producers/me/earnings", method: "GET", middlewares: signedIn() },
  { matcher: "/producers/me/payouts", method: "GET", middlewares: [...signedIn(), listQuery(ProducerListPayouts)] },
  { matcher: "/producers/me/payouts/:id", method: "GET", middlewares: signedIn() },
  { matcher: "/producers/me/payouts/:id/statement", method: "GET", middlewares: [...signedIn(), routeQuery(StatementQuery)] },
]
