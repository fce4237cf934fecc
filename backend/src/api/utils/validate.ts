import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"

/** Formats zod issues as one readable sentence: "score: Too big: expected number to be <=100". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message))
    .join("; ")
}

/** Validates req.query with a strict zod schema into req.validatedQuery (400 on failure). */
export function validateQuery(schema: z.ZodTypeAny) {
  return (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const parsed = schema.safeParse(req.query)
    if (!parsed.success) return next(new MedusaError(MedusaError.Types.INVALID_DATA, describeIssues(parsed.error)))
    ;req.validatedQuery = parsed.data as MedusaRequest["validatedQuery"]
    next()
  }
}
