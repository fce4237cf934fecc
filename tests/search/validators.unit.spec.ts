import { describe, expect, it } from "vitest"
import { StoreOcopSearch } from "../../backend/src/api/store/ocop/search/validators"

const parse = (q: Record<string, unknown>) => StoreOcopSearch.safeParse(q)

describe("GET /store/ocop/search validation", () => {
  it("applies defaults and treats empty values as unset", () => {
    const r = parse({ q: "", price_min: "", price_max: "", stars: "", sort: "", limit: "", offset: "" })
    expect(r.success).toBe(true)
    expect(r.data).toMatchObject({ currency: "vnd", sort: "relevance", limit: 24, offset: 0 })
    expect(r.data!.q).toBeUndefined()
    expect(r.data!.stars).toBeUndefined()
  })

  it("accepts repeated and comma-separated lists and coerces numbers", () => {
    expect(parse({ stars: ["4", "5"] }).data!.stars).toEqual([4, 5])
    expect(parse({ stars: "4,5" }).data!.stars).toEqual([4, 5])
    expect(parse({ group: "food,beverage", district: ["Phú Vang"] }).data).toMatchObject({ group: ["food", "beverage"], district: ["Phú Vang"] })
    expect(parse({ price_min: "1000", price_max: "2000", currency: "USD" }).data).toMatchObject({ price_min: 1000, price_max: 2000, currency: "usd" })
  })

  it.each([
    [{ group: "weapons" }, "group"],
    [{ stars: "7" }, "stars"],
    [{ stars: "2" }, "stars"],
    [{ stars: "x" }, "stars"],
    [{ producer_type: "alien" }, "producer_type"],
    [{ currency: "eur" }, "currency"],
    [{ sort: "random" }, "sort"],
    [{ limit: "0" }, "limit"],
    [{ limit: "101" }, "limit"],
    [{ offset: "-1" }, "offset"],
    [{ offset: "1.5" }, "offset"],
    [{ price_min: "cheap" }, "price_min"],
    [{ price_min: "-5" }, "price_min"],
    [{ price_min: "10", price_max: "5" }, "price_min"],
    [{ q: ["a", "b"] }, "q"],
    [{ q: "a".repeat(1001) }, "q"],
    [{ colour: "red" }, ""],
    [{ stars: Array(21).fill("4") }, "stars"],
  ])("rejects %j", (input, path) => {
    const r = parse(input)
    expect(r.success).toBe(false)
    if (path) expect(r.error!.issues.map((i: any) => i.path.join("."))).toEqual(expect.arrayContaining([expect.stringContaining(path)]))
  })
})
