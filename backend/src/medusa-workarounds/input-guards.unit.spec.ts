import { findUnstorableText } from "./input-guards"

describe("findUnstorableText", () => {
  it("accepts ordinary and unusual but storable text", () => {
    for (const v of ["Trà cung đình Huế", "🍵🇻🇳👩‍👩‍👧‍👦", "\u202eevil", "e\u0301\u0301", "\u0001\u001b[31m", "", 5, null, { a: ["b", { c: "d" }] }]) {
      expect(findUnstorableText(v)).toBeNull()
    }
  })

  it("names the field holding a NUL or an unpaired surrogate", () => {
    expect(findUnstorableText({ shipping_address: { address_1: "12\u0000 Lê Lợi" } })).toBe("shipping_address.address_1: must not contain NUL characters")
    expect(findUnstorableText({ items: [{ title: "ok" }, { title: "a\ud800b" }] })).toMatch(/^items\.1\.title: must be valid Unicode/)
    expect(findUnstorableText({ x: "\udc00" })).toMatch(/^x: must be valid Unicode/)
    expect(findUnstorableText({ ["k\u0000"]: 1 })).toMatch(/field name/)
    expect(findUnstorableText("a\u0000", "query.q")).toBe("query.q: must not contain NUL characters")
  })
})
