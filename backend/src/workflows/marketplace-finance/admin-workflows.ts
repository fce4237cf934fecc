import { ContainerRegistrationKeys, generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { makeTransferReference } from "../../modules/payment-bank-transfer/vietqr"
import { ACCOUNT_NUMBER_PATTERN, bankByBin } from "../../modules/marketplace-finance/banks"
import { DEFAULT_HOLDING_DAYS, isPayable } from "../../modules/marketplace-finance/rules"
import { type Actor, FINANCE_ERRORS, type NewCommissionRule, type NewPayout, payoutVietQr, int } from "../../modules/marketplace-finance/service"
import { finance } from "./ledger-steps"

// Commission rules -------------------------------------------------------------------

const addCommissionRuleStep = createStep(
  "marketplace-finance-add-commission-rule",
  async (input: { rule: NewCommissionRule; actor: Actor }, { container }) => {
    const rule = await finance(container).addCommissionRule(input.rule, input.actor)
    return new StepResponse(rule, rule.id)
  },
  async (id, { container }) => {
    if (id) await finance(container).softDeleteCommissionRules([id])
  }
)

export const addCommissionRuleWorkflow = createWorkflow(
  "marketplace-finance-add-commission-rule",
  (input: { rule: NewCommissionRule; actor: Actor }) => new WorkflowResponse(addCommissionRuleStep(input))
)

const endCommissionRuleStep = createStep(
  "marketplace-finance-end-commission-rule",
  async (input: { id: string; valid_until: Date | string; actor: Actor }, { container }) => {
    // Workflow inputs are serialized between steps: a Date arrives as its ISO string.
    const { rule, before } = await finance(container).endCommissionRule(input.id, new Date(input.valid_until), input.actor)
    return new StepResponse(rule, { id: input.id, valid_until: before.valid_until })
  },
  async (undo, { container }) => {
    if (undo) await finance(container).updateCommissionRules({ id: undo.id, valid_until: undo.valid_until })
  }
)

export const endCommissionRuleWorkflow = createWorkflow(
  "marketplace-finance-end-commission-rule",
  (input: { id: string; valid_until: Date | string; actor: Actor }) => new WorkflowResponse(endCommissionRuleStep(input))
)

// Producer bank accounts ----------------------------------------------------------------

export type BankAccountInput = { bank_bin: string; account_number: string; account_name: string }

/** 400 with a code when the bank is not in the NAPAS list or the number cannot be paid by VietQR. */
export function bankAccountProblem(input: BankAccountInput): MedusaError | null {
  if (!bankByBin(input.bank_bin)) {
    return new MedusaError(MedusaError.Types.INVALID_DATA, `Bank BIN ${input.bank_bin} is not a bank in the NAPAS list.`, FINANCE_ERRORS.unknownBank)
  }
  if (!ACCOUNT_NUMBER_PATTERN.test(input.account_number)) {
    return new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "The account number must be 1–19 letters or digits, without spaces.",
      FINANCE_ERRORS.invalidAccountNumber
    )
  }
  return null
}

const setBankAccountStep = createStep(
  "marketplace-finance-set-bank-account",
  async (input: { producer_id: string; account: BankAccountInput; actor: Actor }, { container }) => {
    const problem = bankAccountProblem(input.account)
    if (problem) throw problem
    const svc = finance(container)
    const [previous] = await svc.listProducerBankAccounts({ producer_id: input.producer_id })
    const same =
      previous &&
      previous.bank_bin === input.account.bank_bin &&
      previous.account_number === input.account.account_number &&
      previous.account_name === input.account.account_name
    if (same) return new StepResponse(previous, null)
    // Any change of where the money goes needs the office to check it again.
    const fields = { ...input.account, status: "unverified" as const, verified_at: null, verified_by: null }
    const account = previous
      ? await svc.updateProducerBankAccounts({ id: previous.id, ...fields })
      : await svc.createProducerBankAccounts({ producer_id: input.producer_id, ...fields })
    await svc.createFinanceEvents({
      subject_type: "bank_account",
      subject_id: account.id,
      producer_id: input.producer_id,
      action: previous ? "changed" : "created",
      ...input.actor,
      data: { before: previous ?? null, after: account } as any,
    })
    return new StepResponse(account, previous ? { restore: previous } : { remove: account.id })
  },
  async (undo, { container }) => {
    if (!undo) return
    const svc = finance(container)
    if ("remove" in undo) await svc.deleteProducerBankAccounts([undo.remove])
    else {
      const p = undo.restore as any
      await svc.updateProducerBankAccounts({
        id: p.id,
        bank_bin: p.bank_bin,
        account_number: p.account_number,
        account_name: p.account_name,
        status: p.status,
        verified_at: p.verified_at,
        verified_by: p.verified_by,
      })
    }
  }
)

export const setProducerBankAccountWorkflow = createWorkflow(
  "marketplace-finance-set-bank-account",
  (input: { producer_id: string; account: BankAccountInput; actor: Actor }) => new WorkflowResponse(setBankAccountStep(input))
)

const verifyBankAccountStep = createStep(
  "marketplace-finance-verify-bank-account",
  async (input: { producer_id: string; account_number: string; actor: Actor }, { container }) => {
    const svc = finance(container)
    const [account] = await svc.listProducerBankAccounts({ producer_id: input.producer_id })
    if (!account) throw new MedusaError(MedusaError.Types.NOT_FOUND, "This producer has no bank account on file.")
    // The admin confirms which number it checked, so a change made meanwhile is not verified unseen.
    if (account.account_number !== input.account_number) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "The account changed since you opened it; check it again.", "bank_account_changed")
    }
    const verified = await svc.updateProducerBankAccounts({ id: account.id, status: "verified", verified_at: new Date(), verified_by: input.actor.actor_id })
    await svc.createFinanceEvents({
      subject_type: "bank_account",
      subject_id: account.id,
      producer_id: input.producer_id,
      action: "verified",
      ...input.actor,
      data: verified as any,
    })
    return new StepResponse(verified, { id: account.id, status: account.status, verified_at: account.verified_at, verified_by: account.verified_by })
  },
  async (undo, { container }) => {
    if (undo) await finance(container).updateProducerBankAccounts(undo as any)
  }
)

export const verifyProducerBankAccountWorkflow = createWorkflow(
  "marketplace-finance-verify-bank-account",
  (input: { producer_id: string; account_number: string; actor: Actor }) => new WorkflowResponse(verifyBankAccountStep(input))
)

// Payout runs -----------------------------------------------------------------------------

export type PayoutRunInput = { cutoff: Date | string; holding_days?: number; producer_ids?: string[]; actor: Actor }

/**
 * Reads what is payable at the cut-off: unsettled entries whose producer's parcel has
 * shipped (its fulfillment of that line has `shipped_at`) and whose holding period has
 * passed, grouped per producer and currency; producers without a verified bank account
 * are left out (named in `skipped`), or refused when the admin asked for them by name.
 */
const preparePayoutRunStep = createStep("marketplace-finance-prepare-payout-run", async (input: PayoutRunInput, { container }) => {
  const svc = finance(container)
  // Workflow inputs are serialized: a Date arrives as its ISO string.
  const cutoff = new Date(input.cutoff)
  const holdingDays = input.holding_days ?? DEFAULT_HOLDING_DAYS
  const ids = await svc.unsettledEntryIds()
  let entries = ids.length ? await svc.listLedgerEntries({ id: ids }) : []
  if (input.producer_ids?.length) entries = entries.filter((e) => input.producer_ids!.includes(e.producer_id))
  const producerIds = [...new Set([...(input.producer_ids ?? []), ...entries.map((e) => e.producer_id)])]
  const accounts = producerIds.length ? await svc.listProducerBankAccounts({ producer_id: producerIds }) : []
  const verified = new Map(accounts.filter((a) => a.status === "verified").map((a) => [a.producer_id, a]))
  const unverifiedNamed = (input.producer_ids ?? []).filter((id) => !verified.has(id))
  if (unverifiedNamed.length) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `No payout can go to an unverified bank account: ${unverifiedNamed.join(", ")}. Verify the account first.`,
      FINANCE_ERRORS.bankAccountNotVerified
    )
  }

  // When did each producer's line ship? (Its own fulfillment in Medusa; see producer-portal.)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const orderIds = [...new Set(entries.map((e) => e.order_id))]
  const shippedAt = new Map<string, Date>()
  if (orderIds.length) {
    const { data: orders } = await query.graph({
      entity: "order",
      fields: ["id", "fulfillments.shipped_at", "fulfillments.canceled_at", "fulfillments.items.line_item_id"],
      filters: { id: orderIds },
    })
    for (const o of orders as any[]) {
      for (const f of o.fulfillments ?? []) {
        if (!f?.shipped_at || f.canceled_at) continue
        for (const i of f.items ?? []) if (i?.line_item_id) shippedAt.set(i.line_item_id, new Date(f.shipped_at))
      }
    }
  }

  const groups = new Map<string, { producer_id: string; currency_code: string; ids: string[] }>()
  const skipped = new Set<string>()
  for (const e of entries) {
    const payable = isPayable({ kind: e.kind, occurred_at: e.occurred_at, shipped_at: shippedAt.get(e.line_item_id) ?? null }, cutoff, holdingDays)
    if (!payable) continue
    if (!verified.has(e.producer_id)) {
      skipped.add(e.producer_id)
      continue
    }
    const key = `${e.producer_id}|${e.currency_code}`
    const g = groups.get(key) ?? { producer_id: e.producer_id, currency_code: e.currency_code, ids: [] }
    g.ids.push(e.id)
    groups.set(key, g)
  }
  const runId = generateEntityId(undefined, "porun")
  const payouts: NewPayout[] = [...groups.values()].map((g) => {
    const id = generateEntityId(undefined, "payout")
    const account = verified.get(g.producer_id)!
    return {
      id,
      run_id: runId,
      producer_id: g.producer_id,
      currency_code: g.currency_code,
      period_end: cutoff,
      reference: makeTransferReference(id, "OCOPPO"),
      bank_bin: account.bank_bin,
      account_number: account.account_number,
      account_name: account.account_name,
      ledger_entry_ids: g.ids,
    }
  })
  return new StepResponse({ run_id: runId, payouts, skipped_producer_ids: [...skipped] })
})

const createPayoutsStep = createStep(
  "marketplace-finance-create-payouts",
  async (input: { payouts: NewPayout[]; actor: Actor }, { container }) => {
    const svc = finance(container)
    const ids = await svc.createPayoutsForRun(input.payouts)
    if (ids.length) {
      const created = await svc.listPayouts({ id: ids })
      await svc.createFinanceEvents(
        created.map((p) => ({ subject_type: "payout" as const, subject_id: p.id, producer_id: p.producer_id, action: "created", ...input.actor, data: p as any }))
      )
    }
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (ids?.length) await finance(container).removePayouts(ids)
  }
)

export const runPayoutsWorkflow = createWorkflow("marketplace-finance-run-payouts", (input: PayoutRunInput) => {
  const prepared = preparePayoutRunStep(input)
  const created = createPayoutsStep({ payouts: prepared.payouts, actor: input.actor })
  return new WorkflowResponse({ run_id: prepared.run_id, payout_ids: created, skipped_producer_ids: prepared.skipped_producer_ids })
})

// Payout state: paid, failed, reopened ---------------------------------------------------------

type PayoutTransition = { id: string; action: "mark_paid" | "mark_failed" | "reopen"; bank_reference?: string; reason?: string; actor: Actor }

const transitionPayoutStep = createStep(
  "marketplace-finance-transition-payout",
  async (input: PayoutTransition, { container }) => {
    const svc = finance(container)
    const [payout] = await svc.listPayouts({ id: input.id })
    if (!payout) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Payout ${input.id} was not found`)
    const before = {
      id: payout.id,
      status: payout.status,
      paid_at: payout.paid_at,
      bank_reference: payout.bank_reference,
      failed_at: payout.failed_at,
      failure_reason: payout.failure_reason,
      bank_bin: payout.bank_bin,
      account_number: payout.account_number,
      account_name: payout.account_name,
      vietqr_payload: payout.vietqr_payload,
    }
    let update: Record<string, unknown>
    if (input.action === "mark_paid") {
      if (payout.status !== "pending") {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Only a pending payout can be marked paid (this one is ${payout.status}).`, FINANCE_ERRORS.payoutNotPending)
      }
      update = { status: "paid", paid_at: new Date(), bank_reference: input.bank_reference }
    } else if (input.action === "mark_failed") {
      if (payout.status === "failed") {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This payout is already marked failed.", FINANCE_ERRORS.payoutNotOpen)
      }
      update = { status: "failed", failed_at: new Date(), failure_reason: input.reason }
    } else {
      if (payout.status !== "failed") {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Only a failed payout can be reopened (this one is ${payout.status}).`, FINANCE_ERRORS.payoutNotFailed)
      }
      // A returned transfer usually means a wrong account: resend to the account verified now.
      const [account] = await svc.listProducerBankAccounts({ producer_id: payout.producer_id })
      if (account?.status !== "verified") {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          "The producer's bank account is not verified; verify it before reopening the payout.",
          FINANCE_ERRORS.bankAccountNotVerified
        )
      }
      update = {
        status: "pending",
        paid_at: null,
        bank_reference: null,
        bank_bin: account.bank_bin,
        account_number: account.account_number,
        account_name: account.account_name,
        vietqr_payload: payoutVietQr({
          currency_code: payout.currency_code,
          amount: int(payout.amount),
          bank_bin: account.bank_bin,
          account_number: account.account_number,
          reference: payout.reference,
        }),
      }
    }
    const updated = await svc.updatePayouts({ id: payout.id, ...update })
    await svc.createFinanceEvents({
      subject_type: "payout",
      subject_id: payout.id,
      producer_id: payout.producer_id,
      action: input.action,
      ...input.actor,
      data: { before, after: update } as any,
    })
    return new StepResponse(updated, before)
  },
  async (before, { container }) => {
    if (before) await finance(container).updatePayouts(before as any)
  }
)

export const transitionPayoutWorkflow = createWorkflow("marketplace-finance-transition-payout", (input: PayoutTransition) =>
  new WorkflowResponse(transitionPayoutStep(input))
)
