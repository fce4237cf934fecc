/**
 * Every write of the traceability module: GTINs on variants, lots recorded, edited (before any
 * sale) and corrected (always a new entry). Each step compensates (./steps.ts).
 */
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  assertLotEditableStep,
  assignGtinStep,
  createLotStep,
  recordLotEventsStep,
  supersedeLotStep,
  updateLotStep,
  type LotChanges,
  type LotInput,
  type TraceActor,
  type TradeItemInput,
} from "./steps"

const snapshot = (lot: Record<string, any>) => ({
  lot_number: lot.lot_number,
  production_date: lot.production_date,
  expiry_date: lot.expiry_date ?? null,
  quantity: lot.quantity,
  notes: lot.notes ?? null,
})

export const assignGtinWorkflow = createWorkflow("traceability-assign-gtin-flow", (input: TradeItemInput) => {
  const item = assignGtinStep(input)
  return new WorkflowResponse(item)
})

export const recordLotWorkflow = createWorkflow("traceability-record-lot-flow", (input: { lot: LotInput; actor: TraceActor }) => {
  const lot = createLotStep(input.lot)
  const events = transform({ lot, input }, ({ lot, input }) => [
    { lot_id: lot.id, action: "recorded" as const, actor: input.actor, after: snapshot(lot) },
  ])
  recordLotEventsStep(events)
  return new WorkflowResponse(lot)
})

export const editLotWorkflow = createWorkflow("traceability-edit-lot-flow", (input: { id: string; changes: LotChanges; actor: TraceActor }) => {
  assertLotEditableStep({ id: input.id })
  const result = updateLotStep({ id: input.id, changes: input.changes })
  const events = transform({ result, input }, ({ result, input }) => [
    { lot_id: input.id, action: "edited" as const, actor: input.actor, before: snapshot(result.before), after: snapshot(result.after) },
  ])
  recordLotEventsStep(events)
  return new WorkflowResponse(transform({ result }, ({ result }) => result.after))
})

/**
 * A correction: the old entry is superseded (never changed otherwise) and a new one recorded in
 * its place, pointing back at it. Both entries log it, with the reason.
 */
export const correctLotWorkflow = createWorkflow(
  "traceability-correct-lot-flow",
  (input: { id: string; changes: LotChanges; reason: string; actor: TraceActor }) => {
    const old = supersedeLotStep({ id: input.id })
    const replacement = transform({ old, input }, ({ old, input }) => ({
      trade_item_id: (old as any).trade_item?.id ?? (old as any).trade_item_id,
      gtin: old.gtin,
      product_id: old.product_id,
      variant_id: old.variant_id,
      producer_id: old.producer_id,
      lot_number: input.changes.lot_number ?? old.lot_number,
      production_date: input.changes.production_date ?? old.production_date,
      expiry_date: input.changes.expiry_date !== undefined ? input.changes.expiry_date : old.expiry_date,
      quantity: input.changes.quantity ?? old.quantity,
      notes: input.changes.notes !== undefined ? input.changes.notes : old.notes,
      corrects_lot_id: old.id,
      is_demo: old.is_demo,
    }))
    const lot = createLotStep(replacement as any)
    const events = transform({ old, lot, input }, ({ old, lot, input }) => [
      { lot_id: old.id, action: "superseded" as const, actor: input.actor, before: snapshot(old), after: { superseded_by: lot.id }, reason: input.reason },
      { lot_id: lot.id, action: "corrected" as const, actor: input.actor, before: snapshot(old), after: snapshot(lot), reason: input.reason },
    ])
    recordLotEventsStep(events)
    return new WorkflowResponse(lot)
  }
)
