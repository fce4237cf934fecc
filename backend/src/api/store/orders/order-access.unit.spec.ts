import { guestOrderReadMinutes, mayReadOrder } from "./order-access"

describe("mayReadOrder", () => {
  const placed = new Date("2026-12-01T10:00:00Z")
  const at = (minutes: number) => new Date(placed.getTime() + minutes * 60_000)
  const registered = { customer_id: "cus_a", created_at: placed }
  const guest = { customer_id: "cus_g", created_at: placed }

  it("opens an order to its signed-in customer at any time", () => {
    expect(mayReadOrder(registered, { customer_id: "cus_a" }, at(60 * 24 * 365), 60)).toBe(true)
  })

  it("opens an order by its id alone only within the window after checkout (the confirmation page)", () => {
    for (const order of [registered, guest, { customer_id: null, created_at: placed }]) {
      expect(mayReadOrder(order, { customer_id: null }, at(0), 60)).toBe(true)
      expect(mayReadOrder(order, { customer_id: "cus_b" }, at(60), 60)).toBe(true)
      expect(mayReadOrder(order, { customer_id: null }, at(61), 60)).toBe(false)
      expect(mayReadOrder(order, { customer_id: "cus_b" }, at(61), 60)).toBe(false)
      expect(mayReadOrder(order, { customer_id: null }, at(1), 0)).toBe(false)
    }
  })

  it("reads the window from OCOP_GUEST_ORDER_READ_MINUTES (60 by default)", () => {
    expect(guestOrderReadMinutes({})).toBe(60)
    expect(guestOrderReadMinutes({ OCOP_GUEST_ORDER_READ_MINUTES: "15" })).toBe(15)
    expect(guestOrderReadMinutes({ OCOP_GUEST_ORDER_READ_MINUTES: "0" })).toBe(0)
    expect(guestOrderReadMinutes({ OCOP_GUEST_ORDER_READ_MINUTES: "soon" })).toBe(60)
    expect(guestOrderReadMinutes({ OCOP_GUEST_ORDER_READ_MINUTES: "" })).toBe(60)
  })
})
