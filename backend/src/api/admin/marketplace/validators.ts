import { z } from "@medusajs/framework/zod"
import { COMMISSION_SCOPES } from "../../../modules/marketplace-finance/models/commission-rule"
import { PAYOUT_STATUSES } from "../../../modules/marketplace-finance/models/payout"
import { OCOP_GROUP_CODES } from "../../../modules/ocop/taxonomy"
import { isoDate } from "../ocop/validators"

const id = z.string().trim().min(1).max(100)
const paging = { limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).default(0) }

/** A rate in basis points: 0 (no commission) to 10 000 (100 %). 1 250 = 12.5 %. */
export const rateBp = z.number().int().min(0, "rate_bp must be at least 0").max(10_000, "rate_bp must be at most 10000 (100 %)")

export const AdminCreateCommissionRule = z
  .object({
    scope: z.enum(COMMISSION_SCOPES),
    group_code: z.enum(OCOP_GROUP_CODES).optional(),
    producer_id: id.optional(),
    rate_bp: rateBp,
    valid_from: isoDate,
    valid_until: isoDate.nullish(),
    note: z.string().trim().max(500).nullish(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.scope === "group" && !v.group_code) ctx.addIssue({ code: "custom", path: ["group_code"], message: "a group rule names its OCOP group_code" })
    if (v.scope === "producer" && !v.producer_id) ctx.addIssue({ code: "custom", path: ["producer_id"], message: "a producer rule names its producer_id" })
    if (v.scope !== "group" && v.group_code) ctx.addIssue({ code: "custom", path: ["group_code"], message: "only a group rule has a group_code" })
    if (v.scope !== "producer" && v.producer_id) ctx.addIssue({ code: "custom", path: ["producer_id"], message: "only a producer rule has a producer_id" })
    if (v.valid_until && Date.parse(v.valid_until) <= Date.parse(v.valid_from)) {
      ctx.addIssue({ code: "custom", path: ["valid_until"], message: "valid_until must be after valid_from" })
    }
  })
export type AdminCreateCommissionRuleType = z.infer<typeof AdminCreateCommissionRule>

export const AdminEndCommissionRule = z.object({ valid_until: isoDate }).strict()

export const AdminListCommissionRules = z
  .object({ scope: z.enum(COMMISSION_SCOPES).optional(), producer_id: id.optional(), ...paging })
  .strict()

export const AdminVerifyBankAccount = z.object({ account_number: z.string().trim().min(1).max(40) }).strict()

export const AdminRunPayouts = z
  .object({
    /** Entries that became payable up to this instant (default: now). */
    cutoff: isoDate.optional(),
    holding_days: z.number().int().min(0).max(120).optional(),
    producer_ids: z.array(id).min(1).max(500).optional(),
  })
  .strict()

export const AdminListPayouts = z
  .object({ status: z.enum(PAYOUT_STATUSES).optional(), producer_id: id.optional(), run_id: id.optional(), ...paging })
  .strict()

export const AdminMarkPayoutPaid = z.object({ bank_reference: z.string().trim().min(1).max(100) }).strict()
export const AdminMarkPayoutFailed = z.object({ reason: z.string().trim().min(1).max(1000) }).strict()
export const AdminReopenPayout = z.object({}).strict()

export const AdminListLedger = z
  .object({ producer_id: id.optional(), order_id: id.optional(), ...paging })
  .strict()

export const AdminDashboardQuery = z.object({ months: z.coerce.number().int().min(1).max(36).default(12) }).strict()

/** The producer's bank account: shape only; the NAPAS list and VietQR's number format are checked in the workflow (codes). */
export const ProducerSetBankAccount = z
  .object({
    bank_bin: z.string().trim().min(1).max(20),
    account_number: z.string().trim().min(1).max(40),
    account_name: z.string().trim().min(2).max(120),
  })
  .strict()
export type ProducerSetBankAccountType = z.infer<typeof ProducerSetBankAccount>

export const ProducerListPayouts = z.object({ ...paging }).strict()
export const StatementQuery = z.object({ format: z.enum(["json", "csv", "html"]).default("json") }).strict()

export const AdminListBankAccounts = z
  .object({ status: z.enum(["unverified", "verified"]).optional(), ...paging })
  .strict()
