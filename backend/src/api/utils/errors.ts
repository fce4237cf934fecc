import { MedusaError } from "@medusajs/framework/utils"

/**
 * Medusa answers DUPLICATE_ERROR with 422 and CONFLICT with a generic message.
 * A duplicate record is a 409 Conflict that should say what clashed, so routes
 * translate it into an HTTP error the error handler passes through verbatim.
 */
export function conflictIfDuplicate(error: unknown): unknown {
  const e = error as { type?: string; message?: string } | null
  if (e?.type === MedusaError.Types.DUPLICATE_ERROR) {
    const http = new Error(e.message) as Error & { status: number; statusCode: number; expose: boolean }
    http.status = 409
    http.statusCode = 409
    http.expose = true
    return http
  }
  return error
}

/** Runs a workflow call and rethrows duplicates as 409 with their message. */
export async function withConflicts<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (e) {
    throw conflictIfDuplicate(e)
  }
}
