/**
 * Per-producer shipments as the shopper sees them (issue 18), over real HTTP against the real server:
 * a registered shopper's two-producer order is one parcel per producer; producer A ships its lines
 * through the portal with carrier and tracking; `GET /store/orders/:id/parcels` then shows A shipped
 * with its tracking and B still waiting, and Medusa's own fulfillment status says partly shipped.
 * The parcels are readable exactly when the order is: never by another customer (404, like an order
 * that does not exist), and a malformed id is a 400.
 */
import { http, store, uniq } from "../support/api"
import { dbQuery } from "../support/inventory"
import { until } from "../support/wait"
import { placeCustomerOrder, portalOrder, registeredCustomer, sellerWithListing, type Seller } from "../support/two-producer-order"

const parcelsOf = (orderId: string, token?: string) => store("GET", `/store/orders/${orderId}/parcels`, { token })

let a: Seller
let b: Seller
let owner: Awaited<ReturnType<typeof registeredCustomer>>
let other: Awaited<ReturnType<typeof registeredCustomer>>
let order: { id: string; display_id: number }

beforeAll(async () => {
  ;[a, b, owner, other] = [await sellerWithListing(), await sellerWithListing(), await registeredCustomer("owner"), await registeredCustomer("other")]
  order = await placeCustomerOrder(owner.token, [[a.variantId, 2], [b.variantId, 1]])
})

describe("the shopper's order: one parcel per producer", () => {
  it("shows each producer's own lines, both waiting to ship", async () => {
    // The producer ↔ order link is written by a subscriber right after the order is placed.
    const parcels = await until(async () => {
      const res = await parcelsOf(order.id, owner.token)
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      return res.body.parcels.length === 2 && res.body.parcels.every((p: any) => p.producer) && res.body.parcels
    }, { what: "two parcels with their producers" })
    const ofA = parcels.find((p: any) => p.producer.id === a.producer.id)
    const ofB = parcels.find((p: any) => p.producer.id === b.producer.id)
    expect(ofA.producer).toEqual({ id: a.producer.id, handle: a.producer.handle, legal_name: a.producer.legal_name })
    expect(ofA.items.map((i: any) => i.quantity)).toEqual([2])
    expect(ofB.items.map((i: any) => i.quantity)).toEqual([1])
    for (const p of [ofA, ofB]) expect([p.status, p.shipments]).toEqual(["waiting", []])
  })

  it("after producer A ships through the portal: A shipped with carrier and tracking, B still waiting", async () => {
    const listed = await portalOrder(a, order.display_id)
    const tracking = `VNP${uniq().toUpperCase()}`
    const trackingUrl = `https://www.vnpost.vn/tra-cuu-hanh-trinh/buu-pham?key=${tracking}`
    const shipped = await http("POST", `/producers/me/orders/${listed.id}/ship`, {
      token: a.token,
      body: { carrier: "VNPost", tracking_number: tracking, tracking_url: trackingUrl },
    })
    expect(shipped.status, JSON.stringify(shipped.body)).toBe(200)

    const res = await parcelsOf(order.id, owner.token)
    expect(res.status).toBe(200)
    const ofA = res.body.parcels.find((p: any) => p.producer.id === a.producer.id)
    const ofB = res.body.parcels.find((p: any) => p.producer.id === b.producer.id)
    expect(ofA.status).toBe("shipped")
    expect(ofA.items.map((i: any) => i.shipped_quantity)).toEqual([2])
    expect(ofA.shipments).toHaveLength(1)
    expect(ofA.shipments[0]).toMatchObject({ carrier: "VNPost", tracking: [{ number: tracking, url: trackingUrl }], delivered_at: null })
    expect(Date.now() - Date.parse(ofA.shipments[0].shipped_at)).toBeLessThan(10 * 60_000)
    expect([ofB.status, ofB.shipments, ofB.items.map((i: any) => i.shipped_quantity)]).toEqual(["waiting", [], [0]])

    // One Medusa fulfillment per producer: the order as a whole is partly shipped by Medusa's own rules
    // (which count unfulfilled lines only when the lines' details are loaded with the order).
    const medusa = await store("GET", `/store/orders/${order.id}?fields=${encodeURIComponent("id,fulfillment_status,*items,*items.detail")}`, { token: owner.token })
    expect(medusa.body.order.fulfillment_status).toBe("partially_shipped")
  })

  it("is readable exactly when the order is: never by another customer, and a malformed id is a 400", async () => {
    // Past the short window in which the id alone opens a freshly placed order (order-access.ts).
    await dbQuery(`UPDATE "order" SET created_at = now() - interval '2 hours' WHERE id = $1`, [order.id])
    for (const [who, token] of [["nobody", undefined], ["another customer", other.token], ["producer A", a.token]] as const) {
      const res = await parcelsOf(order.id, token)
      expect([who, res.status, res.body.type], JSON.stringify(res.body)).toEqual([who, 404, "not_found"])
      expect(JSON.stringify(res.body)).not.toContain(a.producer.legal_name)
    }
    const mine = await parcelsOf(order.id, owner.token)
    expect([mine.status, mine.body.parcels.length]).toEqual([200, 2])
    // A refusal looks exactly like an order that does not exist.
    const missing = await parcelsOf(`order_01NOPE${uniq().toUpperCase()}`, owner.token)
    expect([missing.status, missing.body.type]).toEqual([404, "not_found"])
    const bad = await parcelsOf("not-an-order", owner.token)
    expect([bad.status, bad.body.type]).toEqual([400, "invalid_data"])
  })
})
