/**
 * The producer portal end to end over HTTP: a producer signs up, applies, is
 * approved, lists a product, submits its certification, and once the office has
 * approved the certificate and published the listing, sells it and ships its own
 * items — while no producer ever reaches another producer's data, and shopper
 * and admin tokens open no producer route (nor producer tokens theirs).
 */
import { admin, adminToken, http, store, uniq } from "../../../tests/support/api"
import { addItem, completeCart, createCart, prepareCheckout, region } from "../../../tests/support/checkout"
import {
  DEMO_PRODUCER_PASSWORD,
  listingBody,
  loginProducer,
  newProducer,
  PNG_1X1,
  producerApplication,
  producerCertificationBody,
  refreshToken,
  registerProducerLogin,
  uploadFiles,
} from "../../../tests/support/producer"
import { linkIn, waitForMail } from "../../../tests/support/mailbox"
import { until } from "../../../tests/support/wait"

const as = (token: string | undefined) => ({
  get: (path: string) => http("GET", path, { token }),
  post: (path: string, body: unknown = {}) => http("POST", path, { token, body }),
  del: (path: string) => http("DELETE", path, { token }),
})

async function storeVisible(productId: string) {
  return (await store("GET", `/store/products/${productId}`)).status === 200
}

async function producerCount() {
  const res = await admin("GET", "/admin/producers?limit=1")
  return res.body.count as number
}

async function shopperToken() {
  const email = `shopper-${uniq()}@example.com`
  const reg = await http("POST", "/auth/customer/emailpass/register", { body: { email, password: "shopper-2026" } })
  await store("POST", "/store/customers", { token: reg.body.token, body: { email, first_name: "Mai", last_name: "Phan" } })
  const login = await http("POST", "/auth/customer/emailpass", { body: { email, password: "shopper-2026" } })
  expect(login.status).toBe(200)
  return login.body.token as string
}

async function placeOrder(variantIds: string[]) {
  const { cart } = await createCart("vnd")
  for (const id of variantIds) {
    const add = await addItem(cart.id, id, 2)
    if (add.status !== 200) throw new Error(`add to cart failed: ${add.status} ${JSON.stringify(add.body)}`)
  }
  await prepareCheckout(cart.id, "pp_cod_cod")
  const done = await completeCart(cart.id)
  if (done.status !== 200 || done.body.type !== "order") throw new Error(`checkout failed: ${done.status} ${JSON.stringify(done.body)}`)
  return done.body.order as { id: string; display_id: number }
}

describe("producer sign-up, application and profile", () => {
  it("registers, applies (pending), refreshes its token, and sees its status", async () => {
    const login = await registerProducerLogin()
    const me = await as(login.token).get("/producers/me")
    expect(me.status).toBe(200)
    expect(me.body).toMatchObject({ producer: null, user: null, email: login.email })
    // The registration token opens nothing else.
    expect((await as(login.token).get("/producers/me/products")).status).toBe(401)

    const before = await producerCount()
    for (const [override, field] of [
      [{ type: "corporation" }, /type/],
      [{ registration_number: "" }, /registration_number/],
      [{ owner: { first_name: "A" } }, /owner, last_name/],
      [{ status: "approved" }, /status|unrecognized/i],
    ] as const) {
      const bad = await as(login.token).post("/producers", producerApplication(override))
      expect(bad.status).toBe(400)
      expect(bad.body.message).toMatch(field)
    }
    expect(await producerCount()).toBe(before)

    const body = producerApplication({ legal_name: "HTX Đan lát Phú Vang (test)" })
    const applied = await as(login.token).post("/producers", body)
    expect(applied.status).toBe(201)
    expect(applied.body.producer).toMatchObject({ status: "pending", legal_name: "HTX Đan lát Phú Vang (test)" })
    expect(applied.body.producer.handle).toMatch(/^htx-dan-lat-phu-vang-test(-\d+)?$/)
    expect(applied.body.user).toMatchObject({ email: login.email, role: "owner" })
    // Applying twice with the same login is a conflict, and writes nothing.
    const again = await as(login.token).post("/producers", producerApplication())
    expect(again.status).toBe(409)
    expect(await producerCount()).toBe(before + 1)

    const token = await refreshToken(login.token)
    const mine = await as(token).get("/producers/me")
    expect(mine.body.producer).toMatchObject({ id: applied.body.producer.id, status: "pending" })
    expect(mine.body.permissions).toMatchObject({ manage_listings: false, edit_legal_fields: true })
    // Pending: profile fully editable, listings not yet.
    expect((await as(token).post("/producers/me", { legal_name: "HTX Đan lát Phú Vang 2 (test)" })).status).toBe(200)
    const early = await as(token).post("/producers/me/products", listingBody())
    expect(early.status).toBe(403)
    expect(early.body.message).toMatch(/being reviewed/)
    // The admin sees the application and approves it.
    const pending = await admin("GET", "/admin/producers?status=pending&limit=200")
    expect(pending.body.producers.map((p: any) => p.id)).toContain(applied.body.producer.id)
    expect((await admin("POST", `/admin/producers/${applied.body.producer.id}/approve`, {})).status).toBe(200)
    const approved = await as(token).get("/producers/me")
    expect(approved.body.producer.status).toBe("approved")
    expect(approved.body.permissions).toMatchObject({ manage_listings: true, edit_legal_fields: false })
    // Approved: the legal record is the office's; contact details stay the producer's.
    const legal = await as(token).post("/producers/me", { registration_number: "OTHER-1" })
    expect(legal.status).toBe(403)
    expect(legal.body.message).toMatch(/registration_number .*OCOP office/)
    const contact = await as(token).post("/producers/me", { phone: "+84 234 3999 999", story_en: "A test cooperative." })
    expect(contact.status).toBe(200)
    expect(contact.body.producer.phone).toBe("+84 234 3999 999")
    const changes = await as(token).get("/producers/me/changes")
    expect(changes.body.changes.map((c: any) => c.action)).toEqual(["profile_updated", "profile_updated", "applied"])
    expect(changes.body.changes[0]).toMatchObject({ fields: ["phone", "story_en"], actor_type: "producer", actor_id: mine.body.user.id })
  })

  it("signs in the demo producers of the README", async () => {
    for (const email of ["anlo@ocop-hue.vn", "baola@ocop-hue.vn"]) {
      const res = await loginProducer(email, DEMO_PRODUCER_PASSWORD)
      expect(res.status).toBe(200)
      const me = await as(res.body.token).get("/producers/me")
      expect(me.body.producer.status).toBe("approved")
    }
    expect((await loginProducer("anlo@ocop-hue.vn", "wrong-password")).status).toBe(401)
  })

  it("resets a forgotten password through the emailed link", async () => {
    const { email } = await newProducer()
    const requested = await http("POST", "/auth/producer/emailpass/reset-password", { body: { identifier: email } })
    expect(requested.status).toBe(201)
    // The token as the producer gets it: in the link of the reset email (the notification row holds it sealed).
    const mail = await waitForMail(email, "ocop-producer-password-reset")
    const token = new URL(linkIn(mail, "/producer/reset-password")).searchParams.get("token") ?? ""
    expect((await http("POST", "/auth/producer/emailpass/update", { token: "not-a-token", body: { password: "x" } })).status).toBe(401)
    const updated = await http("POST", "/auth/producer/emailpass/update", { token, body: { password: "new-portal-pass-2026" } })
    expect(updated.status).toBe(200)
    expect((await loginProducer(email, "new-portal-pass-2026")).status).toBe(200)
    expect((await loginProducer(email, "portal-pass-2026")).status).toBe(401)
    // The reset token is single-use.
    expect((await http("POST", "/auth/producer/emailpass/update", { token, body: { password: "again-2026" } })).status).toBe(401)
  })

  it("invites a member who joins with a token; only the owner manages the team", async () => {
    const owner = await newProducer()
    const memberEmail = `member-${uniq()}@example.com`
    const invite = await as(owner.token).post("/producers/me/members", { email: memberEmail })
    expect(invite.status).toBe(201)
    expect(invite.body.token.length).toBeGreaterThanOrEqual(32)

    // Someone else cannot use it.
    const stranger = await registerProducerLogin()
    const wrong = await as(stranger.token).post("/producers/invites/accept", { token: invite.body.token, first_name: "X", last_name: "Y" })
    expect(wrong.status).toBe(403)
    expect(wrong.body.message).toContain(memberEmail)

    const member = await registerProducerLogin(memberEmail)
    const accepted = await as(member.token).post("/producers/invites/accept", { token: invite.body.token, first_name: "Thu", last_name: "Võ" })
    expect(accepted.status).toBe(201)
    const memberToken = await refreshToken(member.token)
    const me = await as(memberToken).get("/producers/me")
    expect(me.body).toMatchObject({ producer: { id: owner.producer.id }, user: { role: "member" } })
    expect((await as(memberToken).post("/producers/me/members", { email: `x-${uniq()}@example.com` })).status).toBe(403)
    // Used once.
    const reuse = await registerProducerLogin()
    expect((await as(reuse.token).post("/producers/invites/accept", { token: invite.body.token, first_name: "A", last_name: "B" })).status).toBe(404)

    const team = await as(owner.token).get("/producers/me/members")
    expect(team.body.members.map((m: any) => m.email).sort()).toEqual([owner.email, memberEmail].sort())
    const removed = await as(owner.token).del(`/producers/me/members/${accepted.body.user.id}`)
    expect(removed.status).toBe(200)
    expect((await as(memberToken).get("/producers/me/products")).status).toBe(401)
  })
})

describe("a listing's life: draft → certified → published → sold → shipped", () => {
  it("goes through the whole lifecycle, and the order reaches this producer only", async () => {
    const p = await newProducer()
    const other = await newProducer()

    // Images are uploaded through Medusa's file module.
    const upload = await uploadFiles(p.token, [{ name: "me-xung.png", type: "image/png", content: PNG_1X1 }])
    expect(upload.status).toBe(201)
    const imageUrl = upload.body.files[0].url as string
    expect(imageUrl).toMatch(/^https?:\/\//)
    const served = await fetch(imageUrl)
    expect(served.status).toBe(200)
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG_1X1)).toBe(true)
    const forged = await uploadFiles(p.token, [{ name: "x.png", type: "image/png", content: Buffer.from("<html>") }])
    expect(forged.status).toBe(400)
    const svg = await uploadFiles(p.token, [{ name: "x.svg", type: "image/svg+xml", content: Buffer.from("<svg/>") }])
    expect(svg.status).toBe(400)

    // Bad listings are 400s that name the field, and create nothing.
    const productsBefore = (await as(p.token).get("/producers/me/products")).body.count
    for (const [override, field] of [
      [{ variants: [] }, /variants/],
      [{ variants: [{ title: "Hộp", prices: { vnd: 45000.5, usd: 1.8 }, stock: 1 }] }, /vnd/],
      [{ variants: [{ title: "Hộp", prices: { vnd: 45000, usd: 1.234 }, stock: 1 }] }, /usd/i],
      [{ group: "weapons" }, /group/],
      [{ status: "published" }, /status|unrecognized/i],
      [{ images: ["javascript:alert(1)"] }, /images/],
    ] as const) {
      const bad = await as(p.token).post("/producers/me/products", listingBody(override))
      expect(bad.status).toBe(400)
      expect(bad.body.message).toMatch(field)
    }
    expect((await as(p.token).get("/producers/me/products")).body.count).toBe(productsBefore)

    // A new listing is a draft, stocked in Huế, not in the store.
    const created = await as(p.token).post("/producers/me/products", listingBody({ images: [imageUrl] }))
    expect(created.status).toBe(201)
    const product = created.body.product
    expect(product).toMatchObject({ status: "draft", state: "needs_certification", sellable: false, group: "food", images: [imageUrl] })
    expect(product.variants.map((v: any) => [v.title, v.prices.vnd, v.stock]).sort()).toEqual([
      ["Hộp 200 g", 45000, 30],
      ["Hộp 500 g", 99000, 10],
    ])
    expect(await storeVisible(product.id)).toBe(false)
    // A SKU already used by another listing is a 409 before anything is written (Medusa's
    // product workflow would leave the listing's options behind if it failed on the SKU).
    const clash = await as(p.token).post("/producers/me/products", listingBody({
      variants: [
        { title: "Mới", sku: `NEW-${uniq()}`.toUpperCase(), prices: { vnd: 10000, usd: 0.4 }, stock: 1 },
        { title: "Trùng", sku: product.variants.find((v: any) => v.sku)?.sku, prices: { vnd: 10000, usd: 0.4 }, stock: 1 },
      ],
    }))
    expect(clash.status).toBe(409)
    expect(clash.body.message).toMatch(/sku/i)
    expect((await as(p.token).get("/producers/me/products")).body.count).toBe(productsBefore + 1)
    const adminView = await admin("GET", `/admin/products/${product.id}?fields=status,*producer`)
    expect(adminView.body.product.producer.id).toBe(p.producer.id)

    // The admin cannot publish it before it is certified.
    expect((await admin("POST", `/admin/products/${product.id}`, { status: "published" })).status).toBe(400)

    // The producer submits its certification: pending review.
    const badCert = await as(p.token).post(`/producers/me/products/${product.id}/certification`, producerCertificationBody({ stars: 2 }))
    expect(badCert.status).toBe(400)
    const noEvidence = producerCertificationBody()
    delete (noEvidence as any).evidence_url
    expect((await as(p.token).post(`/producers/me/products/${product.id}/certification`, noEvidence)).status).toBe(400)
    const cert = await as(p.token).post(`/producers/me/products/${product.id}/certification`, producerCertificationBody())
    expect(cert.status).toBe(201)
    expect(cert.body.certification).toMatchObject({ status: "pending_review", producer_id: p.producer.id, group_code: "food" })
    expect(cert.body.product.state).toBe("awaiting_certification_review")
    const twice = await as(p.token).post(`/producers/me/products/${product.id}/certification`, producerCertificationBody())
    expect(twice.status).toBe(409)
    const history = await admin("GET", `/admin/ocop/certifications/${cert.body.certification.id}`)
    expect(history.body.certification.events[0]).toMatchObject({ type: "submitted", actor_type: "producer", actor_id: p.user.id })

    // The office approves the certificate, then publishes the listing.
    expect((await admin("POST", `/admin/ocop/certifications/${cert.body.certification.id}/approve`, {})).status).toBe(200)
    expect((await as(p.token).get(`/producers/me/products/${product.id}`)).body.product.state).toBe("awaiting_publication")
    expect((await admin("POST", `/admin/products/${product.id}`, { status: "published" })).status).toBe(200)
    const live = await as(p.token).get(`/producers/me/products/${product.id}`)
    expect(live.body.product).toMatchObject({ status: "published", state: "live", sellable: true })
    expect(await storeVisible(product.id)).toBe(true)

    // Price and stock apply at once: the listing stays live.
    const v200 = live.body.product.variants.find((v: any) => v.title === "Hộp 200 g")
    const priced = await as(p.token).post(`/producers/me/products/${product.id}`, { variants: [{ id: v200.id, prices: { vnd: 47000 }, stock: 25 }] })
    expect(priced.status).toBe(200)
    expect(priced.body).toMatchObject({ review_required: false, changed: ["prices", "stock"] })
    expect(priced.body.product.state).toBe("live")
    const vn = await region("vnd")
    const shopperView = await store("GET", `/store/products/${product.id}?region_id=${vn.id}&fields=*variants.calculated_price`)
    const shopperVariant = shopperView.body.product.variants.find((v: any) => v.id === v200.id)
    expect(shopperVariant.calculated_price.calculated_amount).toBe(47000)

    // A shopper buys it together with another producer's product.
    const otherProduct = (await as(other.token).post("/producers/me/products", listingBody())).body.product
    const otherCert = await as(other.token).post(`/producers/me/products/${otherProduct.id}/certification`, producerCertificationBody())
    await admin("POST", `/admin/ocop/certifications/${otherCert.body.certification.id}/approve`, {})
    expect((await admin("POST", `/admin/products/${otherProduct.id}`, { status: "published" })).status).toBe(200)
    const order = await placeOrder([v200.id, otherProduct.variants[0].id])

    // Each producer sees the order with its own line only, and where to send it.
    const mine = await until(async () => {
      const res = await as(p.token).get("/producers/me/orders")
      // The portal references an order by its display number, never by Medusa's order id.
      return res.body.orders.find((o: any) => o.display_id === order.display_id)
    })
    expect(mine.items.map((i: any) => i.product_id)).toEqual([product.id])
    expect(mine).toMatchObject({ shipping_status: "not_shipped", subtotal: 2 * 47000, currency_code: "vnd" })
    const detail = await as(p.token).get(`/producers/me/orders/${order.id}`)
    expect(detail.status).toBe(200)
    expect(detail.body.order.shipping_address).toMatchObject({ last_name: "Nguyễn", address_1: "12 Lê Lợi", city: "Huế", phone: "+84 234 3822 123" })
    expect(JSON.stringify(detail.body)).not.toContain(otherProduct.id)
    expect(JSON.stringify(detail.body)).not.toMatch(/"email"/)
    const theirs = await until(async () => (await as(other.token).get(`/producers/me/orders/${order.id}`)).body.order)
    expect(theirs.items.map((i: any) => i.product_id)).toEqual([otherProduct.id])
    const demo = await loginProducer("anlo@ocop-hue.vn", DEMO_PRODUCER_PASSWORD)
    expect((await as(demo.body.token).get(`/producers/me/orders/${order.id}`)).status).toBe(404)

    // The producer ships its items; the other producer's line stays unshipped.
    const tooMany = await as(p.token).post(`/producers/me/orders/${order.id}/ship`, { items: [{ id: mine.items[0].id, quantity: 3 }] })
    expect(tooMany.status).toBe(400)
    const foreignItem = await as(p.token).post(`/producers/me/orders/${order.id}/ship`, { items: [{ id: theirs.items[0].id, quantity: 1 }] })
    expect(foreignItem.status).toBe(400)
    const shipped = await as(p.token).post(`/producers/me/orders/${order.id}/ship`, { tracking_number: "VNPOST-TEST-123", carrier: "VNPost" })
    expect(shipped.status).toBe(200)
    expect(shipped.body.order.shipping_status).toBe("shipped")
    expect(shipped.body.order.fulfillments[0]).toMatchObject({ carrier: "VNPost", labels: [{ tracking_number: "VNPOST-TEST-123" }] })
    expect(shipped.body.order.fulfillments[0].shipped_at).toBeTruthy()
    expect((await as(p.token).post(`/producers/me/orders/${order.id}/ship`, {})).status).toBe(409)
    expect((await as(other.token).get(`/producers/me/orders/${order.id}`)).body.order.shipping_status).toBe("not_shipped")
    // In Medusa itself: one shipped fulfillment, holding this producer's line only.
    const adminOrder = await admin("GET", `/admin/orders/${order.id}?fields=id,fulfillments.id,fulfillments.shipped_at,fulfillments.items.*`)
    expect(adminOrder.body.order.fulfillments).toHaveLength(1)
    expect(adminOrder.body.order.fulfillments[0].shipped_at).toBeTruthy()
    expect(adminOrder.body.order.fulfillments[0].items.map((i: any) => [i.line_item_id, i.quantity])).toEqual([[mine.items[0].id, 2]])

    // A change to a certified fact sends the listing back to review, and is recorded.
    const renamed = await as(p.token).post(`/producers/me/products/${product.id}`, { title_en: "Huế sesame brittle (test)" })
    expect(renamed.status).toBe(200)
    expect(renamed.body).toMatchObject({ review_required: true, changed: ["title_en"] })
    expect(renamed.body.product).toMatchObject({ status: "draft", state: "awaiting_publication" })
    expect(await storeVisible(product.id)).toBe(false)
    const log = await admin("GET", `/admin/ocop/listing-changes?product_id=${product.id}&requires_review=true`)
    const review = log.body.changes.find((c: any) => c.action === "updated_sent_to_review")
    expect(review).toMatchObject({
      actor_type: "producer",
      actor_id: p.user.id,
      fields: ["title_en"],
      before: { title_en: product.title_en, status: "published" },
      after: { title_en: "Huế sesame brittle (test)", status: "draft" },
    })
    const priceLog = (await admin("GET", `/admin/ocop/listing-changes?product_id=${product.id}&requires_review=false`)).body.changes
    expect(priceLog[0]).toMatchObject({ fields: ["prices", "stock"], before: { prices: { [v200.id]: { vnd: 45000 } } } })

    // Deleting a listing with items still to ship is refused; after shipping it would be allowed.
    expect((await as(other.token).del(`/producers/me/products/${otherProduct.id}`)).status).toBe(409)
  }, 240_000)

  it("hides a suspended producer's listings; its users sign in but cannot create or change listings", async () => {
    const p = await newProducer()
    const created = await as(p.token).post("/producers/me/products", listingBody())
    const product = created.body.product
    const cert = await as(p.token).post(`/producers/me/products/${product.id}/certification`, producerCertificationBody())
    await admin("POST", `/admin/ocop/certifications/${cert.body.certification.id}/approve`, {})
    await admin("POST", `/admin/products/${product.id}`, { status: "published" })
    expect(await storeVisible(product.id)).toBe(true)

    expect((await admin("POST", `/admin/producers/${p.producer.id}/suspend`, { reason: "Hygiene inspection (test)" })).status).toBe(200)
    expect(await storeVisible(product.id)).toBe(false)
    const login = await loginProducer(p.email, p.password)
    expect(login.status).toBe(200)
    const me = await as(login.body.token).get("/producers/me")
    expect(me.body.producer.status).toBe("suspended")
    expect(me.body.permissions.reason).toMatch(/Hygiene inspection/)
    const listings = await as(login.body.token).get("/producers/me/products")
    expect(listings.body.products[0]).toMatchObject({ id: product.id, state: "hidden" })
    for (const res of [
      await as(login.body.token).post("/producers/me/products", listingBody()),
      await as(login.body.token).post(`/producers/me/products/${product.id}`, { variants: [{ id: product.variants[0].id, stock: 1 }] }),
      await as(login.body.token).post(`/producers/me/products/${product.id}/certification`, producerCertificationBody()),
      await as(login.body.token).del(`/producers/me/products/${product.id}`),
      await uploadFiles(login.body.token, [{ name: "a.png", type: "image/png", content: PNG_1X1 }]),
    ]) {
      expect(res.status).toBe(403)
      expect(res.body.message).toMatch(/suspended/)
    }
    // Nothing changed.
    const after = await as(login.body.token).get(`/producers/me/products/${product.id}`)
    expect(after.body.product.variants.map((v: any) => v.stock).sort()).toEqual(product.variants.map((v: any) => v.stock).sort())
  })
})

describe("authorization matrix", () => {
  let a: Awaited<ReturnType<typeof newProducer>>
  let b: Awaited<ReturnType<typeof newProducer>>
  let productId: string
  let variantId: string
  let orderId: string
  let memberId: string
  let shopper: string
  let adminJwt: string

  beforeAll(async () => {
    a = await newProducer()
    b = await newProducer()
    const created = await as(a.token).post("/producers/me/products", listingBody())
    productId = created.body.product.id
    variantId = created.body.product.variants[0].id
    const cert = await as(a.token).post(`/producers/me/products/${productId}/certification`, producerCertificationBody())
    await admin("POST", `/admin/ocop/certifications/${cert.body.certification.id}/approve`, {})
    await admin("POST", `/admin/products/${productId}`, { status: "published" })
    orderId = (await placeOrder([variantId])).id
    await until(async () => (await as(a.token).get(`/producers/me/orders/${orderId}`)).status === 200)
    const memberEmail = `member-${uniq()}@example.com`
    const invite = await as(a.token).post("/producers/me/members", { email: memberEmail })
    const member = await registerProducerLogin(memberEmail)
    memberId = (await as(member.token).post("/producers/invites/accept", { token: invite.body.token, first_name: "A", last_name: "B" })).body.user.id
    shopper = await shopperToken()
    adminJwt = await adminToken()
  })

  // Every producer route with a body that would pass validation.
  const routes = (): [string, string, unknown?][] => [
    ["GET", "/producers/me"],
    ["POST", "/producers/me", { phone: "+84 1" }],
    ["GET", "/producers/me/members"],
    ["POST", "/producers/me/members", { email: `z-${uniq()}@example.com` }],
    ["DELETE", `/producers/me/members/${memberId}`],
    ["GET", "/producers/me/products"],
    ["POST", "/producers/me/products", listingBody()],
    ["GET", `/producers/me/products/${productId}`],
    ["POST", `/producers/me/products/${productId}`, { variants: [{ id: variantId, stock: 1 }] }],
    ["DELETE", `/producers/me/products/${productId}`],
    ["POST", `/producers/me/products/${productId}/certification`, producerCertificationBody()],
    ["GET", "/producers/me/orders"],
    ["GET", `/producers/me/orders/${orderId}`],
    ["POST", `/producers/me/orders/${orderId}/ship`, {}],
    ["GET", "/producers/me/changes"],
  ]

  it("refuses another producer's ids with 404 and changes nothing", async () => {
    const before = await as(a.token).get(`/producers/me/products/${productId}`)
    const foreign = routes().filter(([, path]) => [productId, orderId, memberId].some((id) => path.includes(id)))
    expect(foreign.length).toBe(7)
    for (const [method, path, body] of foreign) {
      const res = await http(method, path, { token: b.token, body })
      expect([method, path, res.status]).toEqual([method, path, 404])
    }
    const after = await as(a.token).get(`/producers/me/products/${productId}`)
    expect(after.body.product).toEqual(before.body.product)
    expect((await as(a.token).get(`/producers/me/orders/${orderId}`)).body.order.shipping_status).toBe("not_shipped")
    expect((await as(a.token).get("/producers/me/members")).body.members.map((m: any) => m.id)).toContain(memberId)
  })

  it("never leaks another producer's records in lists", async () => {
    const text = JSON.stringify([
      (await as(b.token).get("/producers/me")).body,
      (await as(b.token).get("/producers/me/products?limit=100")).body,
      (await as(b.token).get("/producers/me/orders?limit=100")).body,
      (await as(b.token).get("/producers/me/members")).body,
      (await as(b.token).get("/producers/me/changes?limit=100")).body,
    ])
    for (const id of [a.producer.id, productId, orderId, memberId, a.user.id]) expect(text).not.toContain(id)
  })

  it("answers 401 without a token, and to shopper and admin tokens, on every producer route", async () => {
    const all: [string, string, unknown?][] = [
      ...routes(),
      ["POST", "/producers", producerApplication()],
      ["POST", "/producers/invites/accept", { token: "x".repeat(32), first_name: "A", last_name: "B" }],
    ]
    for (const token of [undefined, shopper, adminJwt, "not-a-jwt"]) {
      for (const [method, path, body] of all) {
        const res = await http(method, path, { token, body })
        expect([method, path, res.status]).toEqual([method, path, 401])
      }
      expect((await uploadFiles(token, [{ name: "a.png", type: "image/png", content: PNG_1X1 }])).status).toBe(401)
    }
  })

  it("a producer token opens no admin or shopper route", async () => {
    expect((await http("GET", "/admin/producers", { token: a.token })).status).toBe(401)
    expect((await http("GET", "/admin/ocop/listing-changes", { token: a.token })).status).toBe(401)
    expect((await store("GET", "/store/customers/me", { token: a.token })).status).toBe(401)
  })

  it("accepts only email and password for producers", async () => {
    const res = await http("POST", "/auth/producer/google", { body: {} })
    expect(res.status).toBe(400)
    expect(res.body.message).toMatch(/not allowed/)
  })
})
