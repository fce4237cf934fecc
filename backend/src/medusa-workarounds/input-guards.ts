/**
 * Guards against input that Medusa's own validators let through and that then
 * fails deep inside a workflow as a 500 (found by tests/integration/reliability-bad-input.spec.ts):
 *
 *  - text PostgreSQL cannot store: a NUL character ("invalid message format")
 *    or an unpaired UTF-16 surrogate (jsonb: "unsupported Unicode escape
 *    sequence"), in any body or query-string value of any route;
 *  - a path parameter that is not valid percent-encoding (Express throws a
 *    URIError that Medusa's error handler turns into a 500);
 *  - fractional or non-positive cart quantities (Medusa accepts 1.5 items);
 *  - a line item of ANOTHER cart deleted through your own cart's URL
 *    (Medusa's delete-line-item workflow does not check the item's cart);
 *  - negative prices on admin product routes.
 */
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { errorHandler } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { OCOP_MODULE } from "../modules/ocop"
import { describeIssues } from "../api/utils/validate"

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?:^|[^\ud800-\udbff])[\udc00-\udfff]/

/** The first value (by path) that PostgreSQL cannot store as text or jsonb, or null. */
export function findUnstorableText(value: unknown, path = "", depth = 0): string | null {
  if (depth > 64) return null
  if (typeof value === "string") {
    if (value.includes("\u0000")) return `${path || "value"}: must not contain NUL characters`
    if (LONE_SURROGATE.test(value)) return `${path || "value"}: must be valid Unicode (it contains an unpaired surrogate)`
    return null
  }
  if (!value || typeof value !== "object" || Buffer.isBuffer(value)) return null
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value)
  for (const [key, v] of entries) {
    const here = path ? `${path}.${key}` : key
    const keyProblem = findUnstorableText(key, `${here} (field name)`, depth + 1)
    if (keyProblem) return keyProblem
    const problem = findUnstorableText(v, here, depth + 1)
    if (problem) return problem
  }
  return null
}

/** 400 for text that cannot be stored, and for a path that is not valid percent-encoding. */
export function rejectUnstorableInput(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    decodeURIComponent(req.path)
  } catch {
    return next(invalid("The URL is not valid percent-encoded UTF-8."))
  }
  const problem = findUnstorableText(req.query, "query") ?? findUnstorableText(req.body)
  if (problem) return next(invalid(problem))
  next()
}

const quantity = (min: number) => z.number().int("quantity must be a whole number").min(min).max(100_000)

const CartCreateQuantities = z.object({ items: z.array(z.object({ quantity: quantity(1) }).loose()).optional() }).loose()
const LineItemAdd = z.object({ quantity: quantity(1) }).loose()
// 0 removes the item (Medusa's semantics).
const LineItemUpdate = z.object({ quantity: quantity(0) }).loose()

function checkBody(schema: z.ZodTypeAny) {
  return (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    // Only plain objects: Medusa's validator answers other shapes itself.
    if (!req.body || typeof req.body !== "object" || Array.isArray(req.body)) return next()
    const parsed = schema.safeParse(req.body)
    if (!parsed.success) return next(invalid(describeIssues(parsed.error)))
    next()
  }
}

export const cartCreateQuantities = checkBody(CartCreateQuantities)
export const lineItemAddQuantity = checkBody(LineItemAdd)
export const lineItemUpdateQuantity = checkBody(LineItemUpdate)

/** 404 unless the line item in the URL belongs to the cart in the URL. */
export async function lineItemOfCart(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const { id, line_id } = req.params
    const cart = req.scope.resolve(Modules.CART)
    const [item] = await cart.listLineItems({ id: line_id, cart_id: id }, { select: ["id"] })
    if (!item) return next(new MedusaError(MedusaError.Types.NOT_FOUND, `Line item ${line_id} was not found in cart ${id}`))
    next()
  } catch (e) {
    next(e)
  }
}

const NonNegativePrices = z
  .object({
    variants: z.array(z.object({ prices: z.array(z.object({ amount: z.number().min(0, "prices must not be negative") }).loose()).optional() }).loose()).optional(),
    prices: z.array(z.object({ amount: z.number().min(0, "prices must not be negative") }).loose()).optional(),
  })
  .loose()
export const nonNegativePrices = checkBody(NonNegativePrices)

/**
 * Medusa's error handler, except that the URIError Express throws (with status
 * 400) for a malformed path parameter stays a 400 instead of becoming a 500.
 */
export function projectErrorHandler() {
  const core = errorHandler()
  return (err: any, req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    if (err instanceof URIError) return core(invalid("The URL is not valid percent-encoded UTF-8."), req as any, res as any, next)
    return core(err, req as any, res as any, next)
  }
}

/**
 * 404 for `additional_data.producer_id` naming no producer, before the product
 * workflow runs: the hook would refuse it too, but only after the product was
 * created, and Medusa's compensation leaves the product's options behind.
 */
export async function producerOfAdditionalData(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const producerId = (req.body as any)?.additional_data?.producer_id
    if (typeof producerId !== "string" || !producerId) return next()
    const ocop = req.scope.resolve<{ listProducers: (f: object, c: object) => Promise<{ id: string }[]> }>(OCOP_MODULE)
    const [producer] = await ocop.listProducers({ id: producerId }, { select: ["id"] })
    if (!producer) return next(new MedusaError(MedusaError.Types.NOT_FOUND, `Producer ${producerId} was not found`))
    next()
  } catch (e) {
    next(e)
  }
}
