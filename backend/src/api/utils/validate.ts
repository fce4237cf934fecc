import type { z } from "@medusajs/framework/zod"

/** Formats zod issues as one readable sentence: "score: Too big: expected number to be <=100". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message))
    .join("; ")
}
