import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MARKETPLACE_FINANCE_MODULE } from "../../../../modules/marketplace-finance"
import type MarketplaceFinanceModuleService from "../../../../modules/marketplace-finance/service"
import { addCommissionRuleWorkflow } from "../../../../workflows/marketplace-finance"
import type { AdminCreateCommissionRuleType } from "../validators"

/** GET /admin/marketplace/commission-rules — every rule (ended ones too) with its change history. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const q = req.validatedQuery as { scope?: string; producer_id?: string; limit: number; offset: number }
  const svc: MarketplaceFinanceModuleService = req.scope.resolve(MARKETPLACE_FINANCE_MODULE)
  const filters: Record<string, unknown> = {}
  if (q.scope) filters.scope = q.scope
  if (q.producer_id) filters.producer_id = q.producer_id
  const [rules, count] = await svc.listAndCountCommissionRules(filters, { take: q.limit, skip: q.offset, order: { scope_key: "ASC", valid_from: "DESC" } })
  const history = rules.length
    ? await svc.listFinanceEvents({ subject_type: "commission_rule", subject_id: rules.map((r) => r.id) }, { order: { created_at: "DESC" } })
    : []
  res.json({ commission_rules: rules, history, count, limit: q.limit, offset: q.offset })
}

/** POST /admin/marketplace/commission-rules — a new rate for the default, an OCOP group or a producer. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateCommissionRuleType>, res: MedusaResponse) => {
  const b = req.validatedBody
  const { result } = await addCommissionRuleWorkflow(req.scope).run({
    input: {
      rule: {
        scope: b.scope,
        group_code: b.group_code ?? null,
        producer_id: b.producer_id ?? null,
        rate_bp: b.rate_bp,
        valid_from: new Date(b.valid_from),
        valid_until: b.valid_until ? new Date(b.valid_until) : null,
        note: b.note ?? null,
      },
      actor: { actor_type: "user", actor_id: req.auth_context.actor_id },
    },
  })
  res.status(201).json({ commission_rule: result })
}
