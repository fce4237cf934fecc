import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { OCOP_MODULE } from "../../modules/ocop"
import type OcopModuleService from "../../modules/ocop/service"
import { slugify } from "../../modules/producer-portal/rules"
import { applyAsProducerWorkflow } from "../../workflows/producer-portal"
import { withConflicts } from "../utils/errors"
import type { ProducerApplyType } from "./validators"

/** A free handle derived from the legal name: "HTX An Lỗ" → "htx-an-lo", then "-2", "-3"… */
async function freeHandle(ocop: OcopModuleService, wanted: string): Promise<string> {
  const base = slugify(wanted) || "producer"
  const taken = new Set(
    (await ocop.listProducers({ handle: { $like: `${base}%` } } as any, { select: ["handle"], withDeleted: true })).map((p) => p.handle)
  )
  if (!taken.has(base)) return base
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`
}

/**
 * POST /producers — a registered producer identity (the token from
 * POST /auth/producer/emailpass/register) applies: the producer is created
 * `pending` with its owner. Refresh the token afterwards
 * (POST /auth/token/refresh) to act as that owner.
 */
export const POST = async (req: AuthenticatedMedusaRequest<ProducerApplyType>, res: MedusaResponse) => {
  if (req.auth_context.actor_id) {
    throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, "You already belong to a producer; see GET /producers/me.")
  }
  const { owner, handle, ...producer } = req.validatedBody
  const ocop: OcopModuleService = req.scope.resolve(OCOP_MODULE)
  const { result } = await withConflicts(async () =>
    applyAsProducerWorkflow(req.scope).run({
      input: {
        auth_identity_id: req.auth_context.auth_identity_id,
        producer: { ...producer, handle: handle ?? (await freeHandle(ocop, producer.legal_name)) } as any,
        owner,
      },
    })
  )
  res.status(201).json({ producer: result.producer, user: result.user })
}
