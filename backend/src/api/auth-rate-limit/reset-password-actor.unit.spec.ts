import { identityHasActor } from "./reset-password-actor"

describe("a password reset for actor X only for identities that are an X", () => {
  it("reads Medusa's `${actor_type}_id` app_metadata keys", () => {
    expect(identityHasActor({ user_id: "user_1" }, "user")).toBe(true)
    expect(identityHasActor({ user_id: "user_1" }, "producer")).toBe(false)
    expect(identityHasActor({ customer_id: "cus_1", producer_id: "pruser_1" }, "producer")).toBe(true)
    expect(identityHasActor({ producer_id: "" }, "producer")).toBe(false)
    expect(identityHasActor({ producer_id: 42 }, "producer")).toBe(false)
    expect(identityHasActor(null, "customer")).toBe(false)
    expect(identityHasActor({ user_id: "user_1" }, "USER")).toBe(false)
  })
})
