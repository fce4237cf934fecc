import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MARKETPLACE_FINANCE_MODULE } from "../../../../modules/marketplace-finance"
import type MarketplaceFinanceModuleService from "../../../../modules/marketplace-finance/service"
import { runPayoutsWorkflow } from "../../../../workflows/marketplace-finance"
import { payoutJson } from "../read"

/**
 * POST /admin/marketplace/payout-runs — one payout per producer and currency for everything
 * payable at `cutoff` (default now). Safe to repeat or run twice at once: entries already in a
 * payout are never taken again, so a second run creates only what became payable since.
 */
export const POST = async (req: AuthenticatedMedusaRequest<{ cutoff?: string; holding_days?: number; producer_ids?: string[] }>, res: MedusaResponse) => {
  const b = req.validatedBody
  const { result } = await runPayoutsWorkflow(req.scope).run({
    input: {
      cutoff: b.cutoff ? new Date(b.cutoff) : new Date(),
      holding_days: b.holding_days,
      producer_ids: b.producer_ids,
      actor: { actor_type: "user", actor_id: req.auth_context.actor_id },
    },
  })
  const svc: MarketplaceFinanceModuleService = req.scope.resolve(MARKETPLACE_FINANCE_MODULE)
  const payouts = result.payout_ids.length ? await svc.listPayouts({ id: result.payout_ids }) : []
  res.status(201).json({ run_id: result.run_id, payouts: payouts.map(payoutJson), skipped_producer_ids: result.skipped_producer_ids })
}
