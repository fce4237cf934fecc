import { planRecovery, type CheckoutOrder, type CheckoutState } from "./plan"

const order = (id: string, links: Partial<CheckoutOrder["links"]> = {}): CheckoutOrder => ({
  id,
  line_item_ids: [`ordli_${id}`],
  links: { cart_ids: [], payment_collection_ids: [], promotion_ids: [], ...links },
})

const state = (over: Partial<CheckoutState> = {}): CheckoutState => ({
  cart_id: "cart_1",
  cart_found: true,
  completed_at: null,
  linked_order: null,
  orphan_orders: [],
  payment_collection_id: "pay_col_1",
  payment_authorized: false,
  captures_without_transaction: [],
  ...over,
})

describe("planRecovery: what to do with a cart whose checkout was cut off", () => {
  it("leaves an untouched cart alone", () => {
    expect(planRecovery(state())).toMatchObject({ action: "none", reason: "untouched" })
  })

  it("leaves a whole checkout alone (linked order, authorized, completed)", () => {
    const linked = order("order_1", { cart_ids: ["cart_1"], payment_collection_ids: ["pay_col_1"] })
    const plan = planRecovery(state({ linked_order: linked, payment_authorized: true, completed_at: "2026-11-29T08:00:00.000Z" }))
    expect(plan).toMatchObject({ action: "none", reason: "complete", cart_completed_at: "keep" })
    expect(plan.retire.order_ids).toEqual([])
  })

  it("does nothing for a cart that does not exist", () => {
    expect(planRecovery(state({ cart_found: false, orphan_orders: [order("order_x")] }))).toMatchObject({ action: "none", reason: "cart-missing" })
  })

  it("rolls back an orphan order (written, never linked): reservations, links it got and usage go with it, the cart reopens", () => {
    const orphan = order("order_1", { payment_collection_ids: ["pay_col_1"], promotion_ids: ["promo_1"] })
    const plan = planRecovery(state({ orphan_orders: [orphan], completed_at: "2026-11-29T08:00:00.000Z" }))
    expect(plan.action).toBe("roll-back")
    expect(plan.reason).toBe("orphan-order")
    expect(plan.retire.order_ids).toEqual(["order_1"])
    expect(plan.retire.line_item_ids).toEqual(["ordli_order_1"])
    expect(plan.retire.links).toEqual([
      { order: { order_id: "order_1" }, payment: { payment_collection_id: "pay_col_1" } },
      { order: { order_id: "order_1" }, promotion: { promotion_id: "promo_1" } },
    ])
    expect(plan.retire.promotion_order_ids).toEqual(["order_1"])
    expect(plan.cart_completed_at).toBe("clear")
  })

  it("does not touch promotion usage of an orphan that carries no promotion link", () => {
    const plan = planRecovery(state({ orphan_orders: [order("order_1")] }))
    expect(plan.retire.promotion_order_ids).toEqual([])
    expect(plan.cart_completed_at).toBe("keep")
  })

  it("rolls back a linked order whose payment was never authorized, with any orphan beside it", () => {
    const linked = order("order_2", { cart_ids: ["cart_1"], payment_collection_ids: ["pay_col_1"] })
    const plan = planRecovery(state({ linked_order: linked, orphan_orders: [order("order_1")], completed_at: "2026-11-29T08:00:00.000Z" }))
    expect(plan).toMatchObject({ action: "roll-back", reason: "payment-not-authorized", cart_completed_at: "clear" })
    expect(plan.retire.order_ids).toEqual(["order_2", "order_1"])
    expect(plan.retire.links).toContainEqual({ order: { order_id: "order_2" }, cart: { cart_id: "cart_1" } })
  })

  it("never rolls back once a payment is authorized: records the missing captures instead", () => {
    const linked = order("order_2", { cart_ids: ["cart_1"], payment_collection_ids: ["pay_col_1"] })
    const plan = planRecovery(
      state({
        linked_order: linked,
        payment_authorized: true,
        completed_at: "2026-11-29T08:00:00.000Z",
        captures_without_transaction: [{ capture_id: "capt_1", amount: 125000, currency_code: "vnd" }],
      })
    )
    expect(plan).toMatchObject({ action: "roll-forward", reason: "captures-not-recorded", cart_completed_at: "keep" })
    expect(plan.retire.order_ids).toEqual([])
    expect(plan.transactions).toEqual([
      { order_id: "order_2", amount: 125000, currency_code: "vnd", reference: "capture", reference_id: "capt_1" },
    ])
  })

  it("an authorized checkout whose cart lost completed_at gets it back; stray orphans are retired", () => {
    const linked = order("order_2", { cart_ids: ["cart_1"] })
    const plan = planRecovery(state({ linked_order: linked, payment_authorized: true, orphan_orders: [order("order_1")] }))
    expect(plan).toMatchObject({ action: "roll-forward", reason: "completed-at-missing", cart_completed_at: "set" })
    expect(plan.retire.order_ids).toEqual(["order_1"])
  })

  it("a linked order on a cart without a payment collection is not complete-cart's: left alone", () => {
    const linked = order("order_3", { cart_ids: ["cart_1"] })
    expect(planRecovery(state({ linked_order: linked, payment_collection_id: null }))).toMatchObject({ action: "none", reason: "complete" })
  })
})
