import { BAD_NUMBERS, countByFamily, generateCases, HUGE_STRING, UNICODE_EDGE_CASES, wrongTypes, type RouteSpec } from "./bad-input"

const spec: RouteSpec = {
  family: "test",
  method: "POST",
  path: "/things/1",
  actor: "admin",
  valid: { name: "Trà cung đình", quantity: 2, tags: ["a"] },
  required: ["name", "quantity"],
  kinds: { quantity: "quantity" },
  extra: [{ label: "foreign id", path: "/things/2", body: "{}", expect: "4xx" }],
}

describe("bad-input corpus generator", () => {
  const cases = generateCases(spec)
  const labels = cases.map((c) => c.label)

  it("breaks the transport: malformed JSON, content types, non-objects, pollution keys, size", () => {
    for (const l of ["malformed JSON (truncated)", "wrong content-type text/plain", "array body", "null body", "__proto__ key", "constructor.prototype key", "1 MB body", "deeply nested body", "unknown field"]) {
      expect(labels).toContain(l)
    }
    const proto = cases.find((c) => c.label === "__proto__ key")!
    // Sent as an own key of the JSON text, with the rest of the valid body.
    expect(proto.body).toMatch(/^\{"__proto__": \{/)
    expect(Object.keys(JSON.parse(proto.body!))).toEqual(expect.arrayContaining(["__proto__", "name", "quantity"]))
    expect(cases.find((c) => c.label === "1 MB body")!.body!.length).toBeGreaterThan(1024 * 1024)
  })

  it("gives every field wrong types, and every required field a missing case", () => {
    for (const field of ["name", "quantity", "tags"]) expect(labels.filter((l) => l.startsWith(`${field}:`)).length).toBeGreaterThan(2)
    expect(labels).toContain("name: missing")
    expect(labels).toContain("quantity: missing")
    expect(labels).not.toContain("tags: missing")
    expect(wrongTypes("string").map(([n]) => n)).not.toContain("string")
    expect(cases.find((c) => c.label === "name: 10 000 characters")!.body).toContain(HUGE_STRING)
  })

  it("sends bad numbers as raw JSON, and requires a 4xx for bad quantities", () => {
    for (const [name, raw] of BAD_NUMBERS) {
      const c = cases.find((x) => x.label.startsWith(`quantity: ${name}`))!
      expect(c.body).toContain(`"quantity":${raw}`)
      expect(c.expect).toBe(name === "zero" ? "non5xx" : "4xx")
    }
    // 1e400 is Infinity once parsed: the server must still answer 4xx.
    expect(JSON.parse(cases.find((c) => c.label.startsWith("quantity: infinity_literal"))!.body!).quantity).toBe(Infinity)
  })

  it("puts unicode edge cases into the first text field, escaped so the JSON stays valid", () => {
    const unicode = cases.filter((c) => c.label.includes("unicode"))
    expect(unicode).toHaveLength(Object.keys(UNICODE_EDGE_CASES).length)
    for (const c of unicode) {
      expect(c.expect).toBe("non5xx")
      expect(Object.values(UNICODE_EDGE_CASES)).toContain(JSON.parse(c.body!).name)
    }
  })

  it("keeps extra cases and counts by family", () => {
    expect(cases.find((c) => c.label === "foreign id")).toMatchObject({ path: "/things/2", method: "POST", actor: "admin", family: "test" })
    expect(countByFamily(cases)).toEqual({ test: cases.length })
  })

  it("makes bad query strings for GET routes", () => {
    const get = generateCases({ family: "q", method: "GET", path: "/list?fixed=1", actor: "anon", query: { limit: ["-1"] }, queryAny: { q: ["%F0%9F%8D%B5"] } })
    expect(get.map((c) => [c.path, c.expect])).toEqual([
      ["/list?fixed=1&limit=-1", "4xx"],
      ["/list?fixed=1&q=%F0%9F%8D%B5", "non5xx"],
    ])
  })
})
