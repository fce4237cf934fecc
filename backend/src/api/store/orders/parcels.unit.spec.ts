import { parcelStatus, toParcels } from "./parcels"

describe("parcelStatus", () => {
  it("follows the shipped and delivered units of the producer's lines", () => {
    expect(parcelStatus(3, 0, 0)).toBe("waiting")
    expect(parcelStatus(3, 1, 0)).toBe("partially_shipped")
    expect(parcelStatus(3, 3, 0)).toBe("shipped")
    expect(parcelStatus(3, 3, 3)).toBe("delivered")
    expect(parcelStatus(0, 0, 0)).toBe("waiting")
  })
})

describe("toParcels", () => {
  const order = {
    items: [
      { id: "li_a1", product_title: "Mè xửng", variant_title: "Hộp 500 g", quantity: 2, detail: { quantity: 2, shipped_quantity: 2, delivered_quantity: 0 } },
      { id: "li_b1", title: "Nón lá", quantity: 1, detail: { quantity: 1, shipped_quantity: 0, delivered_quantity: 0 } },
      { id: "li_x", title: "Unlinked", quantity: 1, detail: { quantity: 1 } },
    ],
    fulfillments: [
      { id: "ful_a", created_at: "2026-12-03T01:00:00Z", shipped_at: "2026-12-03T01:00:00Z", metadata: { producer_id: "prod_a", carrier: "VNPost" }, labels: [{ tracking_number: "VN1", tracking_url: "https://vnpost.vn/t/VN1" }] },
      { id: "ful_a_old", created_at: "2026-12-02T01:00:00Z", canceled_at: "2026-12-02T02:00:00Z", metadata: { producer_id: "prod_a" }, labels: [] },
      { id: "ful_b_bad", created_at: "2026-12-03T01:00:00Z", shipped_at: null, metadata: { producer_id: "prod_other" }, labels: [{ tracking_number: "Z", tracking_url: "javascript:alert(1)" }] },
    ],
  }
  const links = [
    { producer_id: "prod_a", line_item_ids: ["li_a1"] },
    { producer_id: "prod_b", line_item_ids: ["li_b1"] },
  ]
  const producers = [
    { id: "prod_a", handle: "co-so-a", legal_name: "Cơ sở A" },
    { id: "prod_b", handle: "htx-b", legal_name: "HTX B" },
  ]

  it("groups lines by producer, with only that producer's live shipments", () => {
    const [a, b, none] = toParcels(order, links, producers)
    expect(a).toEqual({
      producer: { id: "prod_a", handle: "co-so-a", legal_name: "Cơ sở A" },
      status: "shipped",
      items: [{ id: "li_a1", title: "Mè xửng", variant_title: "Hộp 500 g", thumbnail: null, quantity: 2, shipped_quantity: 2 }],
      shipments: [{ id: "ful_a", shipped_at: "2026-12-03T01:00:00.000Z", delivered_at: null, carrier: "VNPost", tracking: [{ number: "VN1", url: "https://vnpost.vn/t/VN1" }] }],
    })
    expect([b.producer?.id, b.status, b.shipments]).toEqual(["prod_b", "waiting", []])
    // Lines no link owns yet: one parcel without producer, and no shipment is attributed to it.
    expect([none.producer, none.items.map((i) => i.id), none.shipments]).toEqual([null, ["li_x"], []])
  })

  it("hands out only web addresses as tracking links", () => {
    const parcels = toParcels(order, [{ producer_id: "prod_other", line_item_ids: ["li_x"] }], [{ id: "prod_other", handle: "o", legal_name: "O" }])
    const other = parcels.find((p) => p.producer?.id === "prod_other")!
    expect(other.shipments[0].tracking).toEqual([{ number: "Z", url: null }])
  })
})
