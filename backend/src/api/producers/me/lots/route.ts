import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { lotDatesProblem, TRACE_ERRORS } from "../../../../modules/traceability/rules"
import { recordLotWorkflow } from "../../../../workflows/traceability"
import { withConflicts } from "../../../utils/errors"
import { producerContext, requireListingRights } from "../../helpers"
import type { ProducerListLotsType, ProducerRecordLotType } from "../../lots-validators"
import { LOT_FIELDS, presentLot, traceService } from "../../lots"

/** GET /producers/me/lots — the producer's own lots, newest first, with their Digital Link. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { producer } = producerContext(req)
  const q = req.validatedQuery as ProducerListLotsType
  const filters: Record<string, unknown> = { producer_id: producer.id }
  if (q.product_id) filters.product_id = q.product_id
  const [lots, count] = await traceService(req).listAndCountLots(filters, {
    select: [...LOT_FIELDS],
    order: { created_at: "DESC" },
    take: q.limit,
    skip: q.offset,
  })
  res.json({ lots: lots.map((l) => presentLot(l as any)), count, limit: q.limit, offset: q.offset })
}

/**
 * POST /producers/me/lots — record a lot of one of the producer's own variants, which must
 * have a GTIN (400 `variant_without_gtin`); another producer's variant is a 404.
 */
export const POST = async (req: AuthenticatedMedusaRequest<ProducerRecordLotType>, res: MedusaResponse) => {
  requireListingRights(req)
  const { producer, actor } = producerContext(req)
  const body = req.validatedBody
  const [item] = await traceService(req).listTradeItems({ variant_id: body.variant_id }, { select: ["id", "gtin", "product_id", "producer_id"] })
  if (item && item.producer_id !== producer.id) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Variant ${body.variant_id} was not found`)
  if (!item) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "Give this variant its GTIN first (POST /producers/me/trade-items): a lot is identified by GTIN and lot number.",
      TRACE_ERRORS.variantWithoutGtin
    )
  }
  const problem = lotDatesProblem(body.production_date, body.expiry_date)
  if (problem) throw new MedusaError(MedusaError.Types.INVALID_DATA, problem)
  const { result } = await withConflicts(() =>
    recordLotWorkflow(req.scope).run({
      input: {
        lot: {
          trade_item_id: item.id,
          gtin: item.gtin,
          product_id: item.product_id,
          variant_id: body.variant_id,
          producer_id: producer.id,
          lot_number: body.lot_number,
          production_date: body.production_date,
          expiry_date: body.expiry_date ?? null,
          quantity: body.quantity,
          notes: body.notes ?? null,
        },
        actor,
      },
    })
  )
  res.status(201).json({ lot: presentLot(result as any) })
}
