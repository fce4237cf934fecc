import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OCOP_MODULE } from "../../modules/ocop"
import type OcopModuleService from "../../modules/ocop/service"
import type { ProducerType } from "../../modules/ocop/taxonomy"

export type ProducerInput = {
  handle: string
  legal_name: string
  type: ProducerType
  registration_number: string
  street?: string | null
  commune: string
  former_commune?: string | null
  district: string
  province?: string
  latitude?: number | null
  longitude?: number | null
  phone?: string | null
  email?: string | null
  website?: string | null
  story_vi?: string | null
  story_en?: string | null
  logo_url?: string | null
  status?: "pending" | "approved" | "rejected" | "suspended"
}

export const createProducerStep = createStep(
  "ocop-create-producer",
  async (input: ProducerInput, { container }) => {
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    const [existing] = await ocop.listProducers({ handle: input.handle }, { select: ["id"] })
    if (existing) throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `A producer with handle "${input.handle}" already exists`)
    const producer = await ocop.createProducers({ ...input, status_changed_at: new Date() } as any)
    return new StepResponse(producer, producer.id)
  },
  async (id, { container }) => {
    if (!id) return
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    await ocop.deleteProducers(id)
  }
)

export type ProducerStatusChange = {
  id: string
  status: "approved" | "rejected" | "suspended" | "pending"
  reason?: string | null
  allowed_from: string[]
}

export const changeProducerStatusStep = createStep(
  "ocop-change-producer-status",
  async (input: ProducerStatusChange, { container }) => {
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    const before = await ocop.retrieveProducer(input.id).catch(() => null)
    if (!before) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Producer ${input.id} was not found`)
    if (!input.allowed_from.includes(before.status)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Producer ${before.handle} is ${before.status}; it cannot become ${input.status}`
      )
    }
    const updated = await ocop.updateProducers({
      id: input.id,
      status: input.status,
      status_reason: input.reason ?? null,
      status_changed_at: new Date(),
    } as any)
    return new StepResponse(updated, {
      id: input.id,
      status: before.status,
      status_reason: before.status_reason,
      status_changed_at: before.status_changed_at,
    })
  },
  async (previous, { container }) => {
    if (!previous) return
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    await ocop.updateProducers(previous as any)
  }
)

/** The products linked to a producer (read only). */
export const producerProductIdsStep = createStep(
  "ocop-producer-product-ids",
  async (input: { producer_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "producer",
      fields: ["id", "products.id"],
      filters: { id: input.producer_id },
    })
    const ids = ((data[0] as any)?.products ?? []).map((p: any) => p?.id).filter(Boolean) as string[]
    return new StepResponse(ids)
  }
)

export const updateProducerStep = createStep(
  "ocop-update-producer",
  async (input: Partial<ProducerInput> & { id: string }, { container }) => {
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    const before = await ocop.retrieveProducer(input.id).catch(() => null)
    if (!before) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Producer ${input.id} was not found`)
    if (input.handle && input.handle !== before.handle) {
      const [clash] = await ocop.listProducers({ handle: input.handle }, { select: ["id"] })
      if (clash) throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `A producer with handle "${input.handle}" already exists`)
    }
    const { status: _ignored, ...changes } = input
    const previous: Record<string, unknown> = { id: input.id }
    for (const key of Object.keys(changes)) previous[key] = (before as any)[key]
    const updated = await ocop.updateProducers(changes as any)
    return new StepResponse(updated, previous)
  },
  async (previous, { container }) => {
    if (!previous) return
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    await ocop.updateProducers(previous as any)
  }
)
