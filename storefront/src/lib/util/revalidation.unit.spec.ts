import { describe, expect, it } from "vitest"
import { MAX_TAGS, parseRevalidationRequest, secretMatches } from "./revalidation"

describe("parseRevalidationRequest", () => {
  it("accepts the catalogue's tags and one product's, without duplicates", () => {
    expect(parseRevalidationRequest({ tags: ["products", "product-me-xung-thien-huong", "products"] })).toEqual({
      tags: ["products", "product-me-xung-thien-huong"],
    })
  })

  it.each([
    [null, /object/],
    [[], /object/],
    [{ tags: [] }, /1 to/],
    [{ tags: Array.from({ length: MAX_TAGS + 1 }, () => "products") }, /1 to/],
    [{ tags: ["cart-cart_01"] }, /not a catalogue tag/],
    [{ tags: ["customer-abc"] }, /not a catalogue tag/],
    [{ tags: ["product-Mè-xửng"] }, /not a catalogue tag/],
    [{ tags: ["product-../x"] }, /not a catalogue tag/],
    [{ tags: [42] }, /not a catalogue tag/],
    [{ tags: ["products"], paths: ["/"] }, /unknown field paths/],
  ])("refuses %j", (body: unknown, message: RegExp) => {
    const parsed = parseRevalidationRequest(body)
    expect("error" in parsed && parsed.error).toMatch(message)
  })
})

describe("secretMatches", () => {
  const secret = "s".repeat(32)
  it("matches only the exact secret", () => {
    expect(secretMatches(secret, secret)).toBe(true)
    expect(secretMatches(`${secret}x`, secret)).toBe(false)
    expect(secretMatches("s".repeat(31), secret)).toBe(false)
    expect(secretMatches(null, secret)).toBe(false)
  })
  it("lets nobody in when the storefront has no (or a short) secret", () => {
    expect(secretMatches("", "")).toBe(false)
    expect(secretMatches("short", "short")).toBe(false)
    expect(secretMatches(secret, undefined)).toBe(false)
  })
})
