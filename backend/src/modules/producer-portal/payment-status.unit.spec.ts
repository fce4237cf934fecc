import { orderPayment, paymentMethodOf, unpaidShippingProblem } from "./payment-status"

const collection = (provider: string, payment: Record<string, unknown> | null, status = "authorized") => ({
  status,
  payments: payment ? [{ provider_id: provider, ...payment }] : [],
  payment_sessions: [{ provider_id: provider, status: "authorized" }],
})

describe("orderPayment", () => {
  it("lets cash on delivery ship before it is collected", () => {
    expect(orderPayment([collection("pp_cod_cod", { captured_at: null })])).toEqual({ status: "cod_to_collect", method: "cod", can_ship: true })
    expect(orderPayment([collection("pp_cod_cod", { captured_at: "2026-12-01" }, "completed")])).toEqual({ status: "paid", method: "cod", can_ship: true })
  })

  it("holds a bank transfer, a card and an invoice until the money is captured", () => {
    expect(orderPayment([collection("pp_bank-transfer_bank-transfer", { captured_at: null })])).toEqual({ status: "awaiting_transfer", method: "bank_transfer", can_ship: false })
    expect(orderPayment([collection("pp_bank-transfer_bank-transfer", { captured_at: new Date() }, "completed")]).status).toBe("paid")
    expect(orderPayment([collection("pp_stripe_stripe", { captured_at: null })])).toEqual({ status: "awaiting_capture", method: "card", can_ship: false })
    expect(orderPayment([collection("pp_stripe_stripe", { captured_at: "t" })]).can_ship).toBe(true)
    expect(orderPayment([collection("pp_system_default", { captured_at: null })])).toEqual({ status: "awaiting_payment", method: "invoice", can_ship: false })
  })

  it("never ships an order without a payment, or with a refunded or canceled one", () => {
    expect(orderPayment([])).toEqual({ status: "awaiting_payment", method: null, can_ship: false })
    expect(orderPayment(null)).toEqual({ status: "awaiting_payment", method: null, can_ship: false })
    expect(orderPayment([collection("pp_bank-transfer_bank-transfer", null, "not_paid")])).toEqual({ status: "awaiting_payment", method: "bank_transfer", can_ship: false })
    expect(orderPayment([{ ...collection("pp_cod_cod", { captured_at: "t" }), refunded_amount: { numeric: 10 } }]).status).toBe("refunded")
    expect(orderPayment([collection("pp_cod_cod", { canceled_at: "t" }, "canceled")]).status).toBe("canceled")
  })

  it("names the payment method from Medusa's provider id", () => {
    expect(["pp_cod_cod", "pp_bank-transfer_bank-transfer", "pp_stripe_stripe", "pp_system_default", "pp_x_y", null].map(paymentMethodOf)).toEqual([
      "cod",
      "bank_transfer",
      "card",
      "invoice",
      "other",
      null,
    ])
  })

  it("explains every refusal", () => {
    expect(unpaidShippingProblem({ status: "cod_to_collect", method: "cod", can_ship: true })).toBeNull()
    expect(unpaidShippingProblem({ status: "awaiting_transfer", method: "bank_transfer", can_ship: false })).toMatch(/bank transfer has not been received/)
    expect(unpaidShippingProblem({ status: "awaiting_capture", method: "card", can_ship: false })).toMatch(/authorized but not captured/)
  })
})
