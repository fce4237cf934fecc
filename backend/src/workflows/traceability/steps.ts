import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TRACEABILITY_MODULE } from "../../modules/traceability"
import { lotEditProblem, TRACE_ERRORS } from "../../modules/traceability/rules"
import type TraceabilityModuleService from "../../modules/traceability/service"

const trace = (container: { resolve: (k: string) => any }): TraceabilityModuleService => container.resolve(TRACEABILITY_MODULE)

export type TraceActor = { actor_type: "producer" | "user" | "system"; actor_id?: string | null }

export type TradeItemInput = { gtin: string; product_id: string; variant_id: string; producer_id: string; is_demo?: boolean }

/**
 * Gives a variant its GTIN (GTIN-14). Re-assigning the same GTIN is a no-op; changing it is
 * refused once lots exist (their labels print the old one); a GTIN of another variant is refused.
 */
type TradeItemUndo = { delete?: string; restore?: { id: string; gtin: string; is_demo: boolean } } | null

export const assignGtinStep = createStep(
  "traceability-assign-gtin",
  async (input: TradeItemInput, { container }): Promise<StepResponse<any, TradeItemUndo>> => {
    const service = trace(container)
    const [taken] = await service.listTradeItems({ gtin: input.gtin }, { select: ["id", "variant_id"] })
    if (taken && taken.variant_id !== input.variant_id) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `GTIN ${input.gtin} already identifies another product variant.`, TRACE_ERRORS.gtinTaken)
    }
    const [existing] = await service.listTradeItems({ variant_id: input.variant_id }, { select: ["id", "gtin", "is_demo"] })
    if (existing?.gtin === input.gtin) return new StepResponse<any, TradeItemUndo>(existing, null)
    if (existing) {
      const [lot] = await service.listLots({ trade_item_id: existing.id } as any, { select: ["id"], take: 1 })
      if (lot) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `This variant already has lots printed with GTIN ${existing.gtin}; its GTIN can no longer change.`,
          TRACE_ERRORS.gtinHasLots
        )
      }
      const updated = await service.updateTradeItems({ id: existing.id, gtin: input.gtin, is_demo: input.is_demo ?? false })
      return new StepResponse<any, TradeItemUndo>(updated, { restore: { id: existing.id, gtin: existing.gtin, is_demo: existing.is_demo } })
    }
    const created = await service.createTradeItems({ ...input, is_demo: input.is_demo ?? false })
    return new StepResponse<any, TradeItemUndo>(created, { delete: created.id })
  },
  async (undo, { container }) => {
    if (!undo) return
    if (undo.delete) await trace(container).deleteTradeItems(undo.delete)
    if (undo.restore) await trace(container).updateTradeItems(undo.restore)
  }
)

export type LotInput = {
  trade_item_id: string
  gtin: string
  product_id: string
  variant_id: string
  producer_id: string
  lot_number: string
  production_date: Date
  expiry_date?: Date | null
  quantity: number
  notes?: string | null
  corrects_lot_id?: string | null
  is_demo?: boolean
}

export const createLotStep = createStep(
  "traceability-create-lot",
  async (input: LotInput, { container }) => {
    const service = trace(container)
    const [live] = await service.listLots({ gtin: input.gtin, lot_number: input.lot_number, superseded_at: null } as any, { select: ["id"] })
    if (live) {
      throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `Lot ${input.lot_number} is already recorded for this product; correct it instead.`)
    }
    const { trade_item_id, ...rest } = input
    const lot = await service.createLots({ ...rest, trade_item: trade_item_id } as any)
    return new StepResponse(lot, lot.id)
  },
  async (id, { container }) => {
    if (!id) return
    await trace(container).deleteLots(id)
  }
)

/**
 * 400 `lot_locked` once a unit of the lot's variant has been ordered since the lot was recorded
 * (rules.ts lotEditProblem). Reads only.
 */
export const assertLotEditableStep = createStep("traceability-assert-lot-editable", async (input: { id: string }, { container }) => {
  const lot = await trace(container).retrieveLot(input.id, { select: ["id", "variant_id", "created_at", "superseded_at"] })
  if (lot.superseded_at) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This lot was superseded by a correction; it can no longer change.", TRACE_ERRORS.lotLocked)
  }
  const orders = container.resolve(Modules.ORDER)
  const [item] = await orders.listOrderLineItems({ variant_id: lot.variant_id, created_at: { $gte: lot.created_at } } as any, { select: ["id"], take: 1 })
  const problem = lotEditProblem(item ? 1 : 0)
  if (problem) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, problem, TRACE_ERRORS.lotLocked)
  return new StepResponse(lot)
})

export type LotChanges = Partial<Pick<LotInput, "lot_number" | "production_date" | "expiry_date" | "quantity" | "notes">>

export const updateLotStep = createStep(
  "traceability-update-lot",
  async (input: { id: string; changes: LotChanges }, { container }) => {
    const service = trace(container)
    const before = await service.retrieveLot(input.id, { select: ["id", "lot_number", "production_date", "expiry_date", "quantity", "notes"] })
    const updated = await service.updateLots({ id: input.id, ...input.changes })
    return new StepResponse({ before, after: updated }, before)
  },
  async (before, { container }) => {
    if (!before) return
    await trace(container).updateLots(before as any)
  }
)

/** Marks a lot superseded by a correction (it keeps resolving, and says so). */
export const supersedeLotStep = createStep(
  "traceability-supersede-lot",
  async (input: { id: string }, { container }) => {
    const service = trace(container)
    const lot = await service.retrieveLot(input.id, {
      select: ["id", "gtin", "product_id", "variant_id", "producer_id", "lot_number", "production_date", "expiry_date", "quantity", "notes", "superseded_at", "is_demo"],
      relations: ["trade_item"],
    })
    if (lot.superseded_at) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This lot was already corrected; correct the latest entry instead.", TRACE_ERRORS.lotLocked)
    }
    await service.updateLots({ id: input.id, superseded_at: new Date() })
    return new StepResponse(lot, input.id)
  },
  async (id, { container }) => {
    if (!id) return
    await trace(container).updateLots({ id, superseded_at: null })
  }
)

export type LotEventInput = {
  lot_id: string
  action: "recorded" | "edited" | "corrected" | "superseded"
  actor: TraceActor
  before?: Record<string, unknown> | null
  after?: Record<string, unknown> | null
  reason?: string | null
}

/** Appends to the lots' change log (removed again if the workflow fails later). */
export const recordLotEventsStep = createStep(
  "traceability-record-lot-events",
  async (input: LotEventInput[], { container }) => {
    const events = (await trace(container).createLotEvents(
      input.map((e) => ({
        lot: e.lot_id,
        action: e.action,
        actor_type: e.actor.actor_type,
        actor_id: e.actor.actor_id ?? null,
        before: e.before ?? null,
        after: e.after ?? null,
        reason: e.reason ?? null,
      })) as any
    )) as unknown as { id: string }[]
    return new StepResponse(events, events.map((e) => e.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    await trace(container).deleteLotEvents(ids)
  }
)
