/**
 * The OCOP rule end to end over HTTP: only products whose current certification
 * is in force (active, ≥ 3★, within validity) and whose producer is approved are
 * ever visible or purchasable, and every bad input is a clear 4xx that changes nothing.
 */
import { admin, store, uniq } from "../../../tests/support/api"
import { addItem, completeCart, createCart, prepareCheckout } from "../../../tests/support/checkout"
import { approvedProducerId, certificationBody, createDraftProduct, createSellableProduct, monthsAgo } from "../../../tests/support/ocop"

async function visibleInStore(productId: string, handle: string) {
  const list = await store("GET", `/store/products?handle=${handle}`)
  const byId = await store("GET", `/store/products/${productId}`)
  const inList = list.body.products.length === 1
  expect(byId.status === 200).toBe(inList)
  return inList
}

async function certificationCount() {
  const res = await admin("GET", "/admin/ocop/certifications?limit=1")
  return res.body.count as number
}

describe("certification rules and bad input", () => {
  let productId: string
  let before: number

  beforeAll(async () => {
    const product = await createDraftProduct(await approvedProducerId())
    productId = product.id
  })
  beforeEach(async () => {
    before = await certificationCount()
  })
  afterEach(async () => {
    expect(await certificationCount()).toBe(before)
  })

  const cases: [string, Record<string, unknown>, number, RegExp][] = [
    ["a score of 120", { score: 120 }, 400, /score/i],
    ["2 stars on a 75-point score", { stars: 2, score: 75 }, 400, /75.*4★/],
    ["valid_until before valid_from", { valid_from: "2025-06-01", valid_until: "2025-01-01" }, 400, /valid_until/],
    ["an unknown group", { group_code: "weapons" }, 400, /group_code/],
    ["a malformed date", { decision_date: "32/13/2025" }, 400, /decision_date/],
    ["an unknown field", { discount: 10 }, 400, /discount|unrecognized/i],
    ["potential 5★ under 90 points", { potential_five_star: true, score: 80, stars: 4 }, 400, /potential/i],
  ]
  for (const [name, override, status, message] of cases) {
    it(`rejects ${name}`, async () => {
      const res = await admin("POST", "/admin/ocop/certifications", certificationBody(productId, override))
      expect(res.status).toBe(status)
      expect(res.body.message).toMatch(message)
    })
  }

  it("rejects an unknown product with 404", async () => {
    const res = await admin("POST", "/admin/ocop/certifications", certificationBody("prod_does_not_exist"))
    expect(res.status).toBe(404)
  })

  it("rejects a duplicate decision for the same authority and product with 409, and a reused certificate number", async () => {
    const body = certificationBody(productId, { status: "pending_review" })
    const first = await admin("POST", "/admin/ocop/certifications", body)
    expect(first.status).toBe(201)
    before += 1
    const again = await admin("POST", "/admin/ocop/certifications", { ...body, certificate_number: `${body.certificate_number}-B` })
    expect(again.status).toBe(409)
    expect(again.body.message).toMatch(/already recorded/)
    // A number is held by a decision on record (not by a submission under review, which may
    // share it: tests/integration/security-rules.spec.ts); reusing one on record is a 409.
    const onRecord = await admin("GET", "/admin/ocop/certifications?status=active&limit=1")
    const recordedNumber = onRecord.body.certifications[0].certificate_number
    const sameNumber = await admin("POST", "/admin/ocop/certifications", { ...body, decision_number: "DEMO-OTHER/QĐ", certificate_number: recordedNumber })
    expect(sameNumber.status).toBe(409)
    expect(sameNumber.body.message).toContain(recordedNumber)
  })

  it("accepts a potential 5★ product rated 4★ with 96 points", async () => {
    const res = await admin(
      "POST",
      "/admin/ocop/certifications",
      certificationBody(productId, { potential_five_star: true, score: 96, stars: 4, status: "pending_review" })
    )
    expect(res.status).toBe(201)
    expect(res.body.certification.potential_five_star).toBe(true)
    before += 1
  })

  it("returns 404 for unknown certification ids on every action", async () => {
    for (const action of ["", "/revoke", "/suspend", "/reinstate", "/approve"]) {
      const res = await admin(action ? "POST" : "GET", `/admin/ocop/certifications/ocert_missing${action}`, action ? { reason: "x" } : undefined)
      expect(res.status).toBe(404)
    }
  })
})

describe("publishing needs a certification in force", () => {
  it("refuses to publish an uncertified product, with a clear message", async () => {
    const product = await createDraftProduct(await approvedProducerId())
    const res = await admin("POST", `/admin/products/${product.id}`, { status: "published" })
    expect(res.status).toBe(400)
    expect(res.body.message).toMatch(/certification/i)
    const after = await admin("GET", `/admin/products/${product.id}?fields=status`)
    expect(after.body.product.status).toBe("draft")
  })

  it("refuses to create a product directly as published", async () => {
    const producerId = await approvedProducerId()
    const handle = `xuat-ban-ngay-${uniq()}`
    const res = await admin("POST", "/admin/products", {
      title: "Xuất bản ngay",
      handle,
      status: "published",
      options: [{ title: "Cỡ", values: ["Hộp"] }],
      variants: [{ title: "Hộp", options: { "Cỡ": "Hộp" }, prices: [{ amount: 10000, currency_code: "vnd" }] }],
      additional_data: { producer_id: producerId },
    })
    expect(res.status).toBe(400)
    const list = await admin("GET", `/admin/products?handle=${handle}`)
    expect(list.body.products).toHaveLength(0)
  })
})

describe("a certified product's life in the store", () => {
  it("is visible with stars, producer and origin once certified and published", async () => {
    const { product } = await createSellableProduct()
    expect(await visibleInStore(product.id, product.handle)).toBe(true)
    const res = await store("GET", `/store/products/${product.id}?fields=*producer,*certifications`)
    expect(res.body.product.producer.district).toBeTruthy()
    expect(res.body.product.certifications[0].stars).toBe(4)
  })

  it("disappears everywhere when its certificate is revoked, but stays verifiable", async () => {
    const { product, certification } = await createSellableProduct()
    const { region } = await createCart("vnd")
    const revoke = await admin("POST", `/admin/ocop/certifications/${certification.id}/revoke`, { reason: "Labelling fraud (test)" })
    expect(revoke.status).toBe(200)
    expect(await visibleInStore(product.id, product.handle)).toBe(false)
    const list = await store("GET", `/store/products?limit=200&fields=id`)
    expect(list.body.products.map((p: any) => p.id)).not.toContain(product.id)

    const { cart } = await createCart("vnd")
    const add = await addItem(cart.id, product.variants[0].id)
    // Refused by the OCOP guard on add-to-cart (not by a missing price or channel): its status, type and wording.
    expect(add.status, JSON.stringify(add.body)).toBe(400)
    expect(add.body.type).toBe("not_allowed")
    expect(add.body.message).toBe(`"${product.title}" is not a certified OCOP product on sale right now and cannot be added to the cart.`)

    const verify = await store("GET", `/store/ocop/certificates/${certification.certificate_number}`)
    expect(verify.status).toBe(200)
    expect(verify.body.certificate.status).toBe("revoked")
    expect(verify.body.certificate.sellable).toBe(false)
    expect(verify.body.certificate.product.handle).toBeNull()
    expect(region).toBeTruthy()
  })

  it("cannot be put back on sale by hand: the storefront's channel refuses it, a product form edit parks it", async () => {
    const { product, certification } = await createSellableProduct()
    expect((await admin("POST", `/admin/ocop/certifications/${certification.id}/revoke`, { reason: "Test: manual relisting" })).status).toBe(200)
    const stores = await admin("GET", "/admin/stores")
    const marketplace = stores.body.stores[0].default_sales_channel_id as string

    // Adding it to the storefront's channel from the sales-channel page: a clear 400, nothing written.
    const add = await admin("POST", `/admin/sales-channels/${marketplace}/products`, { add: [product.id] })
    expect(add.status).toBe(400)
    expect(add.body.message).toMatch(/Only certified OCOP products/)
    expect(add.body.message).toContain(product.id)
    expect(await visibleInStore(product.id, product.handle)).toBe(false)

    // Editing that published, revoked product is refused by the publish guard (it needs a certification in force).
    const edit = await admin("POST", `/admin/products/${product.id}`, { sales_channels: [{ id: marketplace }] })
    expect(edit.status).toBe(400)
    expect(await visibleInStore(product.id, product.handle)).toBe(false)

    // A published product of a suspended producer may be edited; ticking the storefront's channel
    // in the product form saves, but the product stays parked in the hold channel.
    const own = await admin("POST", "/admin/producers", {
      handle: `htx-park-${uniq()}`,
      legal_name: "HTX Tạm dừng (test)",
      type: "cooperative",
      registration_number: "DEMO-TEST",
      commune: "Hương Long",
      district: "TP Huế",
    })
    const parked = await createSellableProduct({ producerId: own.body.producer.id })
    expect((await admin("POST", `/admin/producers/${own.body.producer.id}/suspend`, { reason: "Test: parking" })).status).toBe(200)
    expect(await visibleInStore(parked.product.id, parked.product.handle)).toBe(false)
    const tick = await admin("POST", `/admin/products/${parked.product.id}?fields=id,*sales_channels`, {
      sales_channels: [{ id: marketplace }],
    })
    expect(tick.status).toBe(200)
    expect(tick.body.product.sales_channels.map((c: any) => c.id)).not.toContain(marketplace)
    expect(await visibleInStore(parked.product.id, parked.product.handle)).toBe(false)

    // A sellable product can still be moved in and out of the channel by hand.
    const other = await createSellableProduct()
    expect((await admin("POST", `/admin/sales-channels/${marketplace}/products`, { remove: [other.product.id] })).status).toBe(200)
    expect(await visibleInStore(other.product.id, other.product.handle)).toBe(false)
    expect((await admin("POST", `/admin/sales-channels/${marketplace}/products`, { add: [other.product.id] })).status).toBe(200)
    expect(await visibleInStore(other.product.id, other.product.handle)).toBe(true)
  })

  it("cannot be checked out if it became unsellable after it was put in the cart; nothing is ordered", async () => {
    const { product, certification } = await createSellableProduct()
    const { cart } = await createCart("vnd")
    const add = await addItem(cart.id, product.variants[0].id, 2)
    expect(add.status).toBe(200)
    await prepareCheckout(cart.id, "pp_cod_cod")
    await admin("POST", `/admin/ocop/certifications/${certification.id}/suspend`, { reason: "Inspection (test)" })
    const done = await completeCart(cart.id)
    // Refused by the OCOP guard on complete-cart, before payment authorisation.
    expect(done.status, JSON.stringify(done.body)).toBe(400)
    expect(done.body.type).toBe("not_allowed")
    expect(done.body.message).toBe(`"${product.title}" is no longer a certified OCOP product on sale; remove it from the cart to place the order.`)
    const orders = await admin("GET", `/admin/orders?fields=id&q=${encodeURIComponent(cart.email ?? "")}`)
    expect(orders.body.orders ?? []).toHaveLength(0)

    // Reinstated, the same cart completes.
    await admin("POST", `/admin/ocop/certifications/${certification.id}/reinstate`, { reason: "Cleared" })
    const retry = await completeCart(cart.id)
    expect(retry.status).toBe(200)
    expect(retry.body.type).toBe("order")
  })

  it("is hidden when re-rated below 3★ and the history keeps both ratings", async () => {
    const { product, certification } = await createSellableProduct()
    const bad = await admin("POST", `/admin/ocop/certifications/${certification.id}/rerate`, { score: 45, stars: 3, reason: "x" })
    expect(bad.status).toBe(400)
    const res = await admin("POST", `/admin/ocop/certifications/${certification.id}/rerate`, {
      score: 45,
      stars: 2,
      reason: "Re-evaluation 2026 (test)",
    })
    expect(res.status).toBe(200)
    expect(await visibleInStore(product.id, product.handle)).toBe(false)
    const history = res.body.certification.events.map((e: any) => [e.type, e.from_stars, e.to_stars])
    expect(history).toEqual([
      ["issued", null, 4],
      ["rerated", 4, 2],
    ])
  })

  it("follows its producer: hidden while suspended, back when approved", async () => {
    // A dedicated producer, so other tests' products are not affected.
    const own = await admin("POST", "/admin/producers", {
      handle: `htx-thu-${uniq()}`,
      legal_name: "HTX Thử nghiệm (test)",
      type: "cooperative",
      registration_number: "DEMO-TEST",
      commune: "Hương Long",
      district: "TP Huế",
    })
    expect(own.status).toBe(201)
    const { product } = await createSellableProduct({ producerId: own.body.producer.id })
    expect(await visibleInStore(product.id, product.handle)).toBe(true)
    const suspend = await admin("POST", `/admin/producers/${own.body.producer.id}/suspend`, { reason: "Hygiene inspection (test)" })
    expect(suspend.status).toBe(200)
    expect(await visibleInStore(product.id, product.handle)).toBe(false)
    const page = await store("GET", `/store/producers/${own.body.producer.handle}`)
    expect(page.status).toBe(404)
    const approve = await admin("POST", `/admin/producers/${own.body.producer.id}/approve`, {})
    expect(approve.status).toBe(200)
    expect(await visibleInStore(product.id, product.handle)).toBe(true)
    const back = await store("GET", `/store/producers/${own.body.producer.handle}`)
    expect(back.body.producer.products.map((p: any) => p.id)).toEqual([product.id])
  })
})

describe("expiry job and renewal reminders", () => {
  it("expires lapsed certificates once, even when run twice at the same time, and hides the product", async () => {
    const producerId = await approvedProducerId()
    const product = await createDraftProduct(producerId)
    // Decided 37 months ago: valid_until (36 months) has passed but the status still says active.
    const cert = await admin("POST", "/admin/ocop/certifications", certificationBody(product.id, { decision_date: monthsAgo(37) }))
    expect(cert.status).toBe(201)
    const [a, b] = await Promise.all([
      admin("POST", "/admin/ocop/jobs/expire-certifications", {}),
      admin("POST", "/admin/ocop/jobs/expire-certifications", {}),
    ])
    expect([a.status, b.status]).toEqual([200, 200])
    const expiredIds = [...a.body.expired, ...b.body.expired].map((e: any) => e.id)
    expect(expiredIds.filter((id: string) => id === cert.body.certification.id)).toHaveLength(1)
    const third = await admin("POST", "/admin/ocop/jobs/expire-certifications", {})
    expect(third.body.expired.map((e: any) => e.id)).not.toContain(cert.body.certification.id)

    const after = await admin("GET", `/admin/ocop/certifications/${cert.body.certification.id}`)
    expect(after.body.certification.status).toBe("expired")
    expect(after.body.certification.events.filter((e: any) => e.type === "expired")).toHaveLength(1)
    expect(await visibleInStore(product.id, product.handle)).toBe(false)
    const verify = await store("GET", `/store/ocop/certificates/${after.body.certification.certificate_number}`)
    expect(verify.body.certificate.status).toBe("expired")
  })

  it("sends one renewal reminder per threshold and lists the certificate as expiring", async () => {
    // Reminders are emails: a producer with a contact address (the seeded ones have one).
    const approved = await admin("GET", "/admin/producers?status=approved&limit=100")
    const producer = approved.body.producers.find((p: any) => p.email)
    const { certification } = await createSellableProduct({ producerId: producer.id, certification: { decision_date: monthsAgo(34) } })
    await admin("POST", "/admin/ocop/jobs/expire-certifications", {})
    await admin("POST", "/admin/ocop/jobs/expire-certifications", {})
    const after = await admin("GET", `/admin/ocop/certifications/${certification.id}`)
    const reminders = after.body.certification.events.filter((e: any) => e.type === "reminder_sent")
    expect(reminders).toHaveLength(1)
    expect(Object.keys(after.body.certification.reminders_sent)).toEqual(["90"])
    const expiring = await admin("GET", "/admin/ocop/certifications?expiring_within_days=90&limit=200")
    expect(expiring.body.certifications.map((c: any) => c.id)).toContain(certification.id)
    const notifications = await admin("GET", `/admin/notifications?to=${encodeURIComponent(producer.email)}&channel=email&limit=100&fields=template,data`)
    expect(
      notifications.body.notifications.some(
        (n: any) => n.template === "ocop-certificate-expiry" && n.data?.certificate_number === certification.certificate_number && n.data?.stage === 90
      )
    ).toBe(true)
  })
})

describe("store OCOP routes", () => {
  it("verifies a certificate by number and 404s an unknown one; 400 for a malformed one", async () => {
    const list = await admin("GET", "/admin/ocop/certifications?status=active&limit=1")
    const number = list.body.certifications[0].certificate_number
    const ok = await store("GET", `/store/ocop/certificates/${number.toLowerCase()}`)
    expect(ok.status).toBe(200)
    expect(ok.body.certificate.certificate_number).toBe(number)
    expect(ok.body.certificate.producer.legal_name).toBeTruthy()
    expect((await store("GET", "/store/ocop/certificates/DEMO-NOPE-000")).status).toBe(404)
    expect((await store("GET", `/store/ocop/certificates/${encodeURIComponent("x' OR 1=1 --")}`)).status).toBe(400)
  })

  it("filters products by stars, group, district and producer type, and rejects unknown values", async () => {
    const four = await store("GET", "/store/products?ocop_stars=4&fields=*certifications&limit=200")
    expect(four.status).toBe(200)
    expect(four.body.products.length).toBeGreaterThan(0)
    for (const p of four.body.products) {
      expect(p.certifications.some((c: any) => c.status === "active" && c.stars === 4)).toBe(true)
    }
    const food = await store("GET", "/store/products?ocop_group=food&producer_type=cooperative&fields=*producer&limit=200")
    expect(food.status).toBe(200)
    for (const p of food.body.products) expect(p.producer.type).toBe("cooperative")
    expect((await store("GET", "/store/products?ocop_stars=9")).status).toBe(400)
    expect((await store("GET", "/store/products?ocop_group=weapons")).status).toBe(400)
  })

  it("lists approved producers with their products on sale only", async () => {
    const res = await store("GET", "/store/producers")
    expect(res.status).toBe(200)
    expect(res.body.producers.length).toBeGreaterThan(0)
    for (const p of res.body.producers) expect(p).not.toHaveProperty("status_reason")
    const all = await admin("GET", "/admin/producers?status=suspended")
    for (const s of all.body.producers) {
      expect(res.body.producers.map((p: any) => p.id)).not.toContain(s.id)
      expect((await store("GET", `/store/producers/${s.handle}`)).status).toBe(404)
    }
    expect((await store("GET", "/store/producers?limit=0")).status).toBe(400)
  })
})
