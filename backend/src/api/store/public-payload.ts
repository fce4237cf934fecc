import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { shapeStorePayload } from "../utils/public-fields"

/**
 * Every /store response goes through `shapeStorePayload` (utils/public-fields.ts):
 * whatever route built it — Medusa's products, carts and orders, our producer,
 * verification and search routes, a route added later — an OCOP certification or
 * producer in it carries only its public fields, and a certification that is not
 * public is not in it. Wrapping `res.json` is the one place every handler's
 * answer passes through (Medusa's handlers call `res.json` or `res.status().json`).
 */
export function storePublicPayload(_req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const json = res.json.bind(res)
  res.json = ((body: unknown) => json(res.statusCode < 400 ? shapeStorePayload(body) : body)) as typeof res.json
  next()
}
