import { model } from "@medusajs/framework/utils"

export const COMMISSION_SCOPES = ["default", "group", "producer"] as const
export type CommissionScope = (typeof COMMISSION_SCOPES)[number]

/**
 * A commission rate in force for a scope over a validity window [valid_from, valid_until).
 * `scope_key` ("default", "group:01", "producer:prod_ocop_…") names the scope so the
 * no-overlap check (service.ts, under an advisory lock) and the index can use one column.
 * Rules are never edited in place: a new rate is a new rule, an old one is ended or
 * retired (soft-deleted), and every change is appended to finance_event.
 */
const CommissionRule = model
  .define("commission_rule", {
    id: model.id({ prefix: "comrule" }).primaryKey(),
    scope: model.enum([...COMMISSION_SCOPES]),
    scope_key: model.text(),
    group_code: model.text().nullable(),
    producer_id: model.text().nullable(),
    rate_bp: model.number(),
    valid_from: model.dateTime(),
    valid_until: model.dateTime().nullable(),
    note: model.text().nullable(),
  })
  .indexes([{ on: ["scope_key", "valid_from"] }, { on: ["producer_id"] }])
  .checks([
    { name: "commission_rule_rate_range", expression: (c) => `${c.rate_bp} >= 0 AND ${c.rate_bp} <= 10000` },
    { name: "commission_rule_validity_order", expression: (c) => `${c.valid_until} IS NULL OR ${c.valid_until} > ${c.valid_from}` },
    {
      name: "commission_rule_scope_shape",
      expression: (c) =>
        `(${c.scope} = 'default' AND ${c.group_code} IS NULL AND ${c.producer_id} IS NULL) OR ` +
        `(${c.scope} = 'group' AND ${c.group_code} IS NOT NULL AND ${c.producer_id} IS NULL) OR ` +
        `(${c.scope} = 'producer' AND ${c.producer_id} IS NOT NULL AND ${c.group_code} IS NULL)`,
    },
  ])

export default CommissionRule
