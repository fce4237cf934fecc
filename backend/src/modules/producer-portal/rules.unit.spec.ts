import {
  changedKeys,
  checkProfileEdit,
  classifyListingChange,
  hashInviteToken,
  inviteLimitConfig,
  inviteRightsProblem,
  listingRightsProblem,
  listingState,
  newInviteToken,
  shippingRightsProblem,
  slugify,
} from "./rules"

describe("producer profile edits", () => {
  it("lets a pending or rejected applicant change anything", () => {
    expect(checkProfileEdit("pending", ["legal_name", "registration_number", "phone"])).toBeNull()
    expect(checkProfileEdit("rejected", ["district"])).toBeNull()
  })
  it("keeps the legal record of an approved or suspended producer for the OCOP office", () => {
    expect(checkProfileEdit("approved", ["phone", "story_vi", "logo_url"])).toBeNull()
    expect(checkProfileEdit("approved", ["legal_name", "phone"])).toMatch(/^legal_name is part of your approved legal record/)
    expect(checkProfileEdit("suspended", ["registration_number", "commune"])).toMatch(/registration_number, commune are/)
  })
})

describe("listing rights", () => {
  it("only approved producers manage listings; the reason says why not", () => {
    expect(listingRightsProblem("approved")).toBeNull()
    expect(listingRightsProblem("pending")).toMatch(/being reviewed/)
    expect(listingRightsProblem("suspended", "Hygiene inspection")).toMatch(/suspended \(Hygiene inspection\).*cannot create/)
    expect(listingRightsProblem("rejected")).toMatch(/rejected/)
  })
  it("a suspended producer still ships what was sold", () => {
    expect(shippingRightsProblem("suspended")).toBeNull()
    expect(shippingRightsProblem("pending")).toMatch(/approved/)
  })
})

describe("team invites", () => {
  it("only an approved producer invites; the reason says why not", () => {
    expect(inviteRightsProblem("approved")).toBeNull()
    expect(inviteRightsProblem("pending")).toMatch(/being reviewed/)
    expect(inviteRightsProblem("suspended", "Hygiene inspection")).toMatch(/suspended \(Hygiene inspection\)\. You cannot invite/)
    expect(inviteRightsProblem("rejected")).toMatch(/rejected/)
  })
  it("limits invites per producer: 20 a day unless configured", () => {
    expect(inviteLimitConfig({})).toEqual({ max: 20, windowSeconds: 86_400 })
    expect(inviteLimitConfig({ PRODUCER_INVITE_LIMIT_MAX: "5", PRODUCER_INVITE_LIMIT_WINDOW_SECONDS: "60" })).toEqual({ max: 5, windowSeconds: 60 })
    expect(() => inviteLimitConfig({ PRODUCER_INVITE_LIMIT_MAX: "0" })).toThrow(/PRODUCER_INVITE_LIMIT_MAX/)
  })
})

describe("listing changes", () => {
  it("applies price and stock at once and sends everything else back to review", () => {
    expect(classifyListingChange(["prices", "stock"])).toEqual({ review: [], immediate: ["prices", "stock"], certified: [] })
    expect(classifyListingChange(["title_vi", "prices", "images"])).toEqual({
      review: ["title_vi", "images"],
      immediate: ["prices"],
      certified: ["title_vi"],
    })
  })
  it("derives the state a producer sees", () => {
    const base = { certification_statuses: [] as string[], has_certification_in_force: false }
    expect(listingState({ ...base, status: "published", sellable: true })).toBe("live")
    expect(listingState({ ...base, status: "published", sellable: false })).toBe("hidden")
    expect(listingState({ ...base, status: "draft", sellable: false })).toBe("needs_certification")
    expect(listingState({ status: "draft", sellable: false, certification_statuses: ["pending_review"], has_certification_in_force: false })).toBe(
      "awaiting_certification_review"
    )
    expect(listingState({ status: "draft", sellable: true, certification_statuses: ["active"], has_certification_in_force: true })).toBe(
      "awaiting_publication"
    )
  })
  it("diffs flat records", () => {
    expect(changedKeys({ a: 1, b: [1, 2], c: null }, { a: 1, b: [1, 3], d: undefined })).toEqual(["b"])
  })
})

describe("helpers", () => {
  it("slugifies Vietnamese without accents", () => {
    expect(slugify("Gạo hữu cơ An Lỗ")).toBe("gao-huu-co-an-lo")
    expect(slugify("HTX mây tre đan Bao La — Đèn mây")).toBe("htx-may-tre-dan-bao-la-den-may")
    expect(slugify("  !!  ")).toBe("")
  })
  it("stores only a hash of invite tokens", () => {
    const { token, hash } = newInviteToken()
    expect(token.length).toBeGreaterThanOrEqual(32)
    expect(hash).toBe(hashInviteToken(token))
    expect(hash).not.toContain(token)
  })
})
