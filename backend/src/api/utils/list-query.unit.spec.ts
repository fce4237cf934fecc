import { describe, expect, it } from "vitest"
import { z } from "@medusajs/framework/zod"
import { findParams, listQuery } from "./list-query"

/** Runs the middleware as Medusa does for a request with this query string; resolves to the request or the error. */
async function run(schema: z.ZodType, query: Record<string, unknown>) {
  const req: Record<string, any> = { query, allowed: [] }
  const error = await new Promise<unknown>((resolve) => void listQuery(schema)(req as never, {} as never, resolve))
  return { req, error: error as { type?: string; message?: string } | undefined }
}

const Schema = findParams({ status: z.enum(["active", "revoked"]).optional() }, { defaultLimit: 20, maxLimit: 100 })

describe("list queries through Medusa's validateAndTransformQuery", () => {
  it("fills the page defaults and Medusa's pagination config", async () => {
    const { req, error } = await run(Schema, { status: "active" })
    expect(error).toBeUndefined()
    expect(req.validatedQuery).toEqual({ status: "active", limit: 20, offset: 0 })
    expect(req.filterableFields).toEqual({ status: "active" })
    expect(req.queryConfig.pagination).toMatchObject({ skip: 0, take: 20 })
  })

  it("coerces the query string's numbers like Medusa's own list routes", async () => {
    const { req } = await run(Schema, { limit: "5", offset: "10" })
    expect(req.queryConfig.pagination).toMatchObject({ skip: 10, take: 5 })
  })

  it.each([
    ["a limit above the route's bound", { limit: "101" }, /limit must be a whole number from 1 to 100/],
    ["a zero limit", { limit: "0" }, /limit/],
    ["a negative offset", { offset: "-1" }, /offset must be a whole number/],
    ["a limit that is not a number", { limit: "many" }, /limit/],
    ["a limit in exponent notation (parseInt would read 1)", { limit: "1e400" }, /limit must be a whole number/],
    ["a fractional offset", { offset: "0.5" }, /offset must be a whole number/],
    ["an unknown filter value", { status: "lost" }, /status/],
    ["an unknown parameter", { color: "red" }, /Unrecognized fields: 'color'/],
    ["field selection", { fields: "*producer.bank_account" }, /Unrecognized fields: 'fields'/],
    ["deleted rows", { with_deleted: "true" }, /Unrecognized fields: 'with_deleted'/],
  ])("refuses %s with Medusa's invalid_data error naming it", async (_label, query, message) => {
    const { error } = await run(Schema, query)
    expect(error?.type).toBe("invalid_data")
    expect(error?.message).toMatch(message)
  })
})
