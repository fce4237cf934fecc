import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OCOP_MODULE } from "../../modules/ocop"
import {
  checkPotentialFiveStar,
  checkValidityWindow,
  defaultValidUntil,
  effectiveStarsCheck,
  holdsCertificateNumber,
  NUMBER_FREE_STATUSES,
} from "../../modules/ocop/rules"
import type OcopModuleService from "../../modules/ocop/service"
import { CURRENT_TAXONOMY_VERSION, TAXONOMIES } from "../../modules/ocop/taxonomy"

export type Actor = { actor_type: "user" | "producer" | "system"; actor_id?: string | null }

export type CertificationInput = {
  product_id: string
  certificate_number: string
  decision_number: string
  decision_date: Date | string
  issuing_authority: string
  authority_level: "district" | "province" | "central"
  score: number
  stars: number
  potential_five_star?: boolean
  group_code: string
  subgroup?: string | null
  taxonomy_version?: string
  valid_from?: Date | string
  valid_until?: Date | string
  status?: "pending_review" | "active" | "expired" | "revoked" | "suspended"
  status_reason?: string | null
  evidence_url?: string | null
  geographical_indication?: string | null
  collective_trademark?: string | null
  is_demo?: boolean
}

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/** Decisions on record (see holdsCertificateNumber) carrying this certificate number, other than `exceptId`. */
function recordedWithNumber(ocop: OcopModuleService, certificateNumber: string, exceptId?: string) {
  return ocop.listCertifications(
    {
      certificate_number: certificateNumber,
      status: { $nin: [...NUMBER_FREE_STATUSES] },
      ...(exceptId ? { id: { $ne: exceptId } } : {}),
    } as any,
    { select: ["id", "status"] }
  )
}

/** Checks a certification against the 148/QĐ-TTg rules and the data it refers to. Writes nothing. */
export const validateCertificationStep = createStep(
  "ocop-validate-certification",
  async (input: CertificationInput, { container }) => {
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)

    const starsProblem = effectiveStarsCheck(input.stars, input.score, !!input.potential_five_star)
    if (starsProblem) throw invalid(starsProblem)
    const p5 = checkPotentialFiveStar(!!input.potential_five_star, input.stars, input.score)
    if (p5) throw invalid(p5)

    const version = input.taxonomy_version ?? CURRENT_TAXONOMY_VERSION
    const groups = TAXONOMIES[version]
    if (!groups) throw invalid(`unknown taxonomy version "${version}"`)
    if (!groups.includes(input.group_code)) {
      throw invalid(`unknown OCOP group "${input.group_code}"; expected one of ${groups.join(", ")}`)
    }

    const decisionDate = new Date(input.decision_date)
    const validFrom = input.valid_from ? new Date(input.valid_from) : decisionDate
    const validUntil = input.valid_until ? new Date(input.valid_until) : defaultValidUntil(decisionDate)
    const validityProblem = checkValidityWindow(validFrom, validUntil)
    if (validityProblem) throw invalid(validityProblem)

    const { data: products } = await query.graph({
      entity: "product",
      fields: ["id", "producer.id"],
      filters: { id: input.product_id },
    })
    const product = products[0] as any
    if (!product) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product ${input.product_id} was not found`)
    const producerId: string | undefined = product.producer?.id
    if (!producerId) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Product ${input.product_id} has no OCOP producer; link one first`)
    }

    // Only decisions on record hold a number: a producer's pending submission never blocks the
    // admin recording the real certificate (its approval is then refused, see below).
    const [sameNumber] = await recordedWithNumber(ocop, input.certificate_number)
    if (sameNumber) {
      throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `Certificate number ${input.certificate_number} already exists`)
    }
    const [sameDecision] = await ocop.listCertifications(
      { product_id: input.product_id, issuing_authority: input.issuing_authority, decision_number: input.decision_number },
      { select: ["id"] }
    )
    if (sameDecision) {
      throw new MedusaError(
        MedusaError.Types.DUPLICATE_ERROR,
        `Decision ${input.decision_number} of ${input.issuing_authority} is already recorded for this product`
      )
    }
    return new StepResponse({
      ...input,
      producer_id: producerId,
      taxonomy_version: version,
      decision_date: decisionDate,
      valid_from: validFrom,
      valid_until: validUntil,
    })
  }
)

export const createCertificationStep = createStep(
  "ocop-create-certification",
  async (input: CertificationInput & { producer_id: string; actor?: Actor }, { container }) => {
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    const { actor, producer_id, ...data } = input
    const status = data.status ?? "active"
    const created = await ocop.createCertifications({
      ...data,
      producer_id,
      status,
      decision_date: new Date(data.decision_date),
      valid_from: new Date(data.valid_from!),
      valid_until: new Date(data.valid_until!),
      events: [
        {
          type: status === "pending_review" ? "submitted" : "issued",
          to_status: status,
          to_stars: data.stars,
          to_score: data.score,
          reason: data.status_reason ?? null,
          actor_type: actor?.actor_type ?? "system",
          actor_id: actor?.actor_id ?? null,
          occurred_at: new Date(),
        },
      ],
    } as any)
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (!id) return
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    await ocop.deleteCertifications(id)
  }
)

export type CertificationChange = {
  id: string
  type: "rerated" | "revoked" | "suspended" | "reinstated" | "expired" | "issued" | "rejected" | "amended"
  changes: Partial<{
    stars: number
    score: number
    potential_five_star: boolean
    status: string
    status_reason: string | null
    decision_number: string
    decision_date: Date
    valid_until: Date
    evidence_url: string | null
    subgroup: string | null
    geographical_indication: string | null
    collective_trademark: string | null
  }>
  reason?: string | null
  actor?: Actor
  /** Only apply when the row is still in one of these statuses (keeps concurrent runs idempotent). */
  expect_status?: string[]
}

/**
 * Applies one change to a certification and appends it to the history.
 * Returns null when `expect_status` no longer matches (someone else got there first).
 */
export const changeCertificationStep = createStep(
  "ocop-change-certification",
  async (input: CertificationChange, { container }) => {
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    const before = await ocop.retrieveCertification(input.id).catch(() => null)
    if (!before) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Certification ${input.id} was not found`)
    if (input.expect_status && !input.expect_status.includes(before.status)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Certification ${before.certificate_number} is ${before.status}; cannot apply "${input.type}"`
      )
    }
    const stars = input.changes.stars ?? before.stars
    const score = input.changes.score ?? before.score
    const p5 = input.changes.potential_five_star ?? before.potential_five_star
    const problem = effectiveStarsCheck(stars, score, p5) ?? checkPotentialFiveStar(p5, stars, score)
    if (problem) throw invalid(problem)
    // Approving a submission puts its number on record: refused when another decision already
    // holds it (typically the admin recorded the real certificate while this one waited).
    const nextStatus = input.changes.status ?? before.status
    if (!holdsCertificateNumber(before.status) && holdsCertificateNumber(nextStatus)) {
      const [holder] = await recordedWithNumber(ocop, before.certificate_number, before.id)
      if (holder) {
        throw new MedusaError(
          MedusaError.Types.DUPLICATE_ERROR,
          `Certificate number ${before.certificate_number} is already on record (certification ${holder.id}, ${holder.status}); this submission cannot be approved with it`
        )
      }
    }

    const updated = await ocop.updateCertifications({ id: input.id, ...input.changes } as any)
    const [event] = await ocop.createCertificationEvents([
      {
        certification_id: input.id,
        type: input.type,
        from_status: before.status,
        to_status: input.changes.status ?? before.status,
        from_stars: before.stars,
        to_stars: stars,
        from_score: before.score,
        to_score: score,
        reason: input.reason ?? input.changes.status_reason ?? null,
        actor_type: input.actor?.actor_type ?? "system",
        actor_id: input.actor?.actor_id ?? null,
        occurred_at: new Date(),
      } as any,
    ])
    const previous: Record<string, unknown> = {}
    for (const key of Object.keys(input.changes)) previous[key] = (before as any)[key]
    return new StepResponse(updated, { id: input.id, previous, event_id: event.id })
  },
  async (undo, { container }) => {
    if (!undo) return
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    await ocop.updateCertifications({ id: undo.id, ...undo.previous } as any)
    await ocop.deleteCertificationEvents(undo.event_id)
  }
)
