/**
 * What the store may see of OCOP records: the public contract documented in the
 * README ("Store fields and routes"). Two mechanisms use these lists, so a field
 * that is not named here never leaves a store route:
 *
 * 1. `publicOcopFieldsParam` rewrites a store product request's `fields` before
 *    Medusa's validator reads it. Medusa's allowed-fields filter lets a relation
 *    that is allowed be selected in full (`*certifications` becomes
 *    `certifications.*`, every column), so the OCOP relations are allowed only as
 *    explicit leaf paths, and every spelling of "the whole relation" is turned
 *    into exactly those leaves. Any other OCOP path (`certifications.evidence_url`,
 *    `*producer.certifications`, …) is then dropped by Medusa itself.
 * 2. `shapeStorePayload` (run on every /store response, see
 *    store/public-payload.ts) keeps only these fields of every certification and
 *    producer object, and drops certifications that are not public (pending
 *    review, rejected) — a query cannot filter a linked list, so this is where
 *    that rule is applied.
 */
import { PUBLIC_CERTIFICATION_FIELDS, PUBLIC_EVENT_FIELDS, PUBLIC_PRODUCER_FIELDS, type CertificationStatus } from "../../modules/ocop/contract"

// The lists themselves are part of the OCOP contract (modules/ocop/contract.ts), shared with the storefront.
export { PUBLIC_CERTIFICATION_FIELDS, PUBLIC_EVENT_FIELDS, PUBLIC_PRODUCER_FIELDS } from "../../modules/ocop/contract"

/**
 * Statuses a shopper may see. A submission waiting for review or refused by the
 * office was never an OCOP decision: it is not shown anywhere in the store.
 */
export const PUBLIC_CERTIFICATION_STATUSES: readonly CertificationStatus[] = ["active", "expired", "revoked", "suspended"]

export function isPublicCertificationStatus(status: unknown): boolean {
  return typeof status === "string" && (PUBLIC_CERTIFICATION_STATUSES as readonly string[]).includes(status)
}

const OCOP_RELATIONS = {
  producer: PUBLIC_PRODUCER_FIELDS,
  certifications: PUBLIC_CERTIFICATION_FIELDS,
} as const
type OcopRelation = keyof typeof OCOP_RELATIONS

/**
 * Field paths accepted in `fields=` on store product routes for the OCOP links:
 * leaves only. A bare relation name would let `*relation` select every column.
 */
export const STORE_PRODUCT_OCOP_ALLOWED = Object.entries(OCOP_RELATIONS).flatMap(([relation, fields]) =>
  fields.map((f) => `${relation}.${f}`)
)

/**
 * Rewrites one `fields` value so that every way of asking for a whole OCOP
 * relation — `*certifications`, `certifications.*`, `+*certifications`,
 * `+certifications.*`, `certifications`, `+certifications` — asks for its public
 * leaves instead, keeping Medusa's modifier semantics (a star or `+` adds to the
 * default fields; a bare name replaces them; `-` removes and is left alone).
 * Whenever certifications are asked for, their `status` is too, so the response
 * step can drop the ones that are not public (it drops a certification without a
 * status as well).
 */
export function publicOcopFieldsParam(fields: string): string {
  const out: string[] = []
  let certifications = false
  for (const token of fields.split(",")) {
    const modifier = /^[+ \t-]*/.exec(token)![0]
    const name = token.slice(modifier.length)
    if (modifier.includes("-")) {
      out.push(token)
      continue
    }
    const star = name.startsWith("*") || name.endsWith(".*")
    const bare = name.replace(/(^\*|\.\*$)/, "")
    const relation = (Object.keys(OCOP_RELATIONS) as OcopRelation[]).find((r) => r === bare)
    if (bare === "certifications" || bare.startsWith("certifications.")) certifications = true
    if (!relation) {
      out.push(token)
      continue
    }
    // A star or `+` keeps the defaults (Medusa: only unprefixed fields replace them).
    const prefix = star || modifier ? "+" : ""
    out.push(...OCOP_RELATIONS[relation].map((f) => `${prefix}${relation}.${f}`))
  }
  if (certifications) out.push("+certifications.status")
  return out.join(",")
}

type Json = unknown

function pick(obj: Record<string, Json>, keys: readonly string[]): Record<string, Json> {
  const out: Record<string, Json> = {}
  for (const k of keys) if (k in obj) out[k] = obj[k]
  return out
}

const isObject = (v: Json): v is Record<string, Json> => !!v && typeof v === "object" && !Array.isArray(v)

/** Only plain objects are walked: a Date or a BigNumber in a response serialises itself and is left as it is. */
function isPlain(v: Json): v is Record<string, Json> {
  if (!isObject(v)) return false
  const proto = Object.getPrototypeOf(v)
  return proto === Object.prototype || proto === null
}

/** A producer as the store may show it; `products` is the producer pages' list of products on sale. */
function publicProducer(p: Record<string, Json>) {
  return pick(p, [...PUBLIC_PRODUCER_FIELDS, "products"])
}

/** A certification as the store may show it, or null when it must not be shown at all. */
function publicCertification(c: Json, extra: readonly string[] = []): Record<string, Json> | null {
  if (!isObject(c) || !isPublicCertificationStatus(c.status)) return null
  const out = pick(c, [...PUBLIC_CERTIFICATION_FIELDS, ...extra])
  if (Array.isArray(out.events)) out.events = out.events.filter(isObject).map((e) => pick(e, PUBLIC_EVENT_FIELDS))
  return out
}

/** Extra keys of the verification route's `certificate` (computed there, or its own whitelisted relations). */
const CERTIFICATE_EXTRA = ["in_force", "sellable", "product", "producer", "events"] as const

/**
 * Walks a store response body and whitelists every OCOP object in it, wherever
 * it sits (a product list, a product, a cart's items, a producer page, the
 * verification route): `certifications` lists, a `certificate`, `producer` and
 * `producers`. `metadata` is free-form JSON and is not walked.
 */
export function shapeStorePayload(body: Json): Json {
  if (Array.isArray(body)) return body.map(shapeStorePayload)
  if (!isPlain(body)) return body
  const out: Record<string, Json> = {}
  for (const [key, value] of Object.entries(body)) {
    if (key === "metadata") out[key] = value
    else if (key === "certifications" && Array.isArray(value)) {
      out[key] = value.map((c) => publicCertification(c)).filter((c): c is Record<string, Json> => c !== null).map(shapeStorePayload)
    } else if (key === "certificate" && isObject(value)) {
      const c = publicCertification(value, CERTIFICATE_EXTRA)
      out[key] = c ? shapeStorePayload(c) : null
    } else if (key === "producer" && isObject(value)) out[key] = shapeStorePayload(publicProducer(value))
    else if (key === "producers" && Array.isArray(value)) {
      out[key] = value.map((p) => (isObject(p) ? shapeStorePayload(publicProducer(p)) : p))
    } else out[key] = shapeStorePayload(value)
  }
  return out
}
