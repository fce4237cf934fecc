import { guestOrderReadMinutes, mayReadOrder } from "./order-access"

describe("mayReadOrder", () => {
  const placed = new Date("2026-12-01T10:00:00Z")
  const at = (minutes: number) => new Date(placed.getTime() + minutes * 60_000)
  const registered = { customer_id: "cus_a", customer_has_account: true, created_at: placed }
  const guest = { customer_id: "cus_g", customer_has_account: false, created_at: placed }

  it("opens a registered customer's order to that customer only, at any time", () => {
    expect(mayReadOrder(registered, { customer_id: "cus_a" }, at(60 * 24 * 365), 60)).toBe(true)
    expect(mayReadOrder(registered, { customer_id: null }, at(0), 60)).toBe(false)
    expect(mayReadOrder(registered, { customer_id: "cus_b" }, at(0), 60)).toBe(false)
  })

  it("opens a guest order by its id only within the window after checkout", () => {
    expect(mayReadOrder(guest, { customer_id: null }, at(0), 60)).toBe(true)
    expect(mayReadOrder(guest, { customer_id: "cus_b" }, at(60), 60)).toBe(true)
    expect(mayReadOrder(guest, { customer_id: null }, at(61), 60)).toBe(false)
    expect(mayReadOrder({ ...guest, customer_id: null }, { customer_id: null }, at(61), 60)).toBe(false)
    expect(mayReadOrder(guest, { customer_id: null }, at(1), 0)).toBe(false)
  })

  it("reads the window from OCOP_GUEST_ORDER_READ_MINUTES (60 by default)", () => {
    expect(guestOrderReadMinutes({})).toBe(60)
    expect(guestOrderReadMinutes({ OCOP_GUEST_ORDER_READ_MINUTES: "15" })).toBe(15)
    expect(guestOrderReadMinutes({ OCOP_GUEST_ORDER_READ_MINUTES: "0" })).toBe(0)
    expect(guestOrderReadMinutes({ OCOP_GUEST_ORDER_READ_MINUTES: "soon" })).toBe(60)
    expect(guestOrderReadMinutes({ OCOP_GUEST_ORDER_READ_MINUTES: "" })).toBe(60)
  })
})
