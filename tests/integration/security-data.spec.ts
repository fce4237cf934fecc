/**
 * Security (issue 13): what the store and the producer portal hand out.
 *  3. Store answers carry only the documented public OCOP fields, whatever `fields`
 *     asks for, and never a certification pending review or rejected.
 *  6. The portal shows each order's payment status; a bank-transfer order does not
 *     ship before it is paid (400 `order_not_paid`, nothing fulfilled); COD does.
 *  7. The portal never hands out Medusa's order id (nor does its change log), and
 *     `GET /store/orders/:id` opens an order by its id alone only shortly after
 *     checkout; afterwards a customer's order only to that customer.
 */
import { admin, http, login, store, uniq } from "../support/api"
import { addItem, completeCart, createCart, prepareCheckout, region, VN_ADDRESS } from "../support/checkout"
import { dbQuery } from "../support/inventory"
import { listingBody, newProducer, producerCertificationBody } from "../support/producer"
import { until } from "../support/wait"

const COD = "pp_cod_cod"
const BANK = "pp_bank-transfer_bank-transfer"
const EVIDENCE = `https://example.org/ocop/evidence-${uniq()}.pdf`
const ADMIN_NOTE = `internal curation note ${uniq()}`

// The README's "Store fields and routes" contract.
const PUBLIC_CERTIFICATION = [
  "id", "certificate_number", "decision_number", "decision_date", "issuing_authority", "authority_level", "score", "stars",
  "potential_five_star", "taxonomy_version", "group_code", "subgroup", "valid_from", "valid_until", "status",
  "geographical_indication", "collective_trademark", "is_demo",
]
const PUBLIC_PRODUCER = [
  "id", "handle", "legal_name", "type", "registration_number", "street", "commune", "district", "province", "latitude",
  "longitude", "phone", "email", "website", "story_vi", "story_en", "logo_url",
  // Issue 17: the commune an address named before the 2025 merger (provenance history, public by design).
  "former_commune",
]

const as = (token: string) => ({
  get: (path: string) => http("GET", path, { token }),
  post: (path: string, body: unknown = {}) => http("POST", path, { token, body }),
})

/** Every certification and producer object anywhere in a response body. */
function ocopObjects(body: unknown, found: { certifications: any[]; producers: any[] } = { certifications: [], producers: [] }) {
  if (Array.isArray(body)) body.forEach((b) => ocopObjects(b, found))
  else if (body && typeof body === "object") {
    for (const [k, v] of Object.entries(body)) {
      if (k === "metadata") continue
      if (k === "certifications" && Array.isArray(v)) found.certifications.push(...v)
      if (k === "certificate" && v && typeof v === "object") found.certifications.push(v)
      if (k === "producer" && v && typeof v === "object") found.producers.push(v)
      if (k === "producers" && Array.isArray(v)) found.producers.push(...v)
      ocopObjects(v, found)
    }
  }
  return found
}

let producer: Awaited<ReturnType<typeof newProducer>>
let productId: string
let handle: string
let variantId: string
let active: any
let pendingId: string
let rejected: { id: string; number: string }
let pendingNumber: string

beforeAll(async () => {
  producer = await newProducer()
  const created = await as(producer.token).post("/producers/me/products", listingBody())
  expect(created.status).toBe(201)
  productId = created.body.product.id
  handle = created.body.product.handle
  variantId = created.body.product.variants[0].id
  // C1: submitted with its evidence, approved with an admin note → active.
  const c1 = await as(producer.token).post(`/producers/me/products/${productId}/certification`, producerCertificationBody({ evidence_url: EVIDENCE }))
  expect(c1.status).toBe(201)
  expect((await admin("POST", `/admin/ocop/certifications/${c1.body.certification.id}/approve`, { reason: ADMIN_NOTE })).status).toBe(200)
  active = c1.body.certification
  // C2: submitted, then refused by the office (no API refuses a submission yet: the row is set as the office would).
  const c2 = await as(producer.token).post(`/producers/me/products/${productId}/certification`, producerCertificationBody({ evidence_url: EVIDENCE }))
  expect(c2.status).toBe(201)
  rejected = { id: c2.body.certification.id, number: c2.body.certification.certificate_number }
  await dbQuery(`UPDATE certification SET status = 'rejected', status_reason = $2 WHERE id = $1`, [rejected.id, ADMIN_NOTE])
  // C3: waiting for review.
  const c3 = await as(producer.token).post(`/producers/me/products/${productId}/certification`, producerCertificationBody({ evidence_url: EVIDENCE }))
  expect(c3.status).toBe(201)
  pendingId = c3.body.certification.id
  pendingNumber = c3.body.certification.certificate_number
  // Submissions send the listing back to review; C1 is in force, so the office re-publishes it.
  expect((await admin("POST", `/admin/products/${productId}`, { status: "published" })).status).toBe(200)
  await until(async () => (await store("GET", `/store/products/${productId}`)).status === 200)
})

describe("3. store answers carry only public OCOP fields", () => {
  const SPELLINGS = [
    "*certifications,*producer",
    "certifications.*,producer.*",
    "+certifications.*,+producer.*",
    "certifications,producer",
    "+certifications,+producer",
    "id,certifications.evidence_url,certifications.reminders_sent,certifications.status_reason,certifications.producer_id,certifications.created_at",
    "+certifications.evidence_url,+certifications.reminders_sent,+certifications.status_reason,+certifications.updated_at",
    "*certifications,+certifications.evidence_url",
    "*producer,+producer.status,+producer.status_reason,+producer.status_changed_at,+producer.created_at",
    "*producer.certifications",
    "*certifications.producer",
    "*certifications.events",
    "*producer.products",
    "*producer.products.certifications",
    "*",
    "*,*certifications",
  ]

  function expectPublic(label: string, body: unknown) {
    const text = JSON.stringify(body)
    for (const secret of [EVIDENCE, ADMIN_NOTE, "reminders_sent", "status_reason", "producer_id", pendingId, rejected.id]) {
      expect(text.includes(secret), `${label}: leaks ${secret}`).toBe(false)
    }
    const { certifications, producers } = ocopObjects(body)
    for (const c of certifications) {
      expect(Object.keys(c).filter((k) => !PUBLIC_CERTIFICATION.includes(k) && !["in_force", "sellable", "product", "producer", "events"].includes(k)), label).toEqual([])
      expect(["active", "expired", "revoked", "suspended"], label).toContain(c.status)
    }
    for (const p of producers) expect(Object.keys(p).filter((k) => !PUBLIC_PRODUCER.includes(k) && k !== "products"), label).toEqual([])
    return { certifications, producers }
  }

  it("on product lists, by id and by handle, for every spelling of `fields`", async () => {
    for (const fields of SPELLINGS) {
      const f = encodeURIComponent(fields)
      for (const path of [
        `/store/products?id=${productId}&fields=${f}`,
        `/store/products?handle=${handle}&fields=${f}`,
        `/store/products/${productId}?fields=${f}`,
        `/Store/Products/${productId}?fields=${f}`,
      ]) {
        const res = await store("GET", path)
        // Medusa drops what is not allowed silently: every spelling is answered, none leaks.
        expect(res.status, `${path}: ${JSON.stringify(res.body).slice(0, 300)}`).toBe(200)
        expectPublic(path, res.body)
      }
    }
    // The storefront's own fields still bring what it shows (storefront/src/lib/data/products.ts).
    const res = await store("GET", `/store/products/${productId}?fields=${encodeURIComponent("id,handle,*producer,*certifications")}`)
    expect(res.status).toBe(200)
    const { certifications, producers } = expectPublic("storefront fields", res.body)
    expect(certifications.map((c) => c.id)).toEqual([active.id])
    expect(certifications[0]).toMatchObject({ certificate_number: active.certificate_number, stars: 4, status: "active", decision_number: active.decision_number })
    expect(producers[0]).toMatchObject({ id: producer.producer.id, legal_name: producer.producer.legal_name, handle: producer.producer.handle })
  })

  it("on producer pages, certificate verification, search, carts and orders", async () => {
    const paths = [
      `/store/producers?limit=100`,
      `/store/producers/${producer.producer.handle}`,
      `/store/ocop/certificates/${encodeURIComponent(active.certificate_number)}`,
      `/store/ocop/search?q=${encodeURIComponent("mè xửng thử")}&limit=50`,
    ]
    for (const path of paths) {
      const res = await store("GET", path)
      expect(res.status, path).toBe(200)
      expectPublic(path, res.body)
    }
    const verified = await store("GET", `/store/ocop/certificates/${encodeURIComponent(active.certificate_number)}`)
    expect(verified.body.certificate).toMatchObject({ id: active.id, status: "active", in_force: true, sellable: true })
    // A submission pending review or refused is not an OCOP certificate.
    for (const number of [pendingNumber, rejected.number]) {
      const res = await store("GET", `/store/ocop/certificates/${encodeURIComponent(number)}`)
      expect([number, res.status, res.body.type]).toEqual([number, 404, "not_found"])
    }

    const { cart } = await createCart("vnd")
    expect((await addItem(cart.id, variantId, 1)).status).toBe(200)
    const cartFields = ["*items.product.certifications", "*items.product.producer", "+items.product.certifications.evidence_url", "*items.product"]
    for (const fields of cartFields) {
      const res = await store("GET", `/store/carts/${cart.id}?fields=${encodeURIComponent(fields)}`)
      expect(res.status, fields).toBe(200)
      expectPublic(`cart ${fields}`, res.body)
    }
    await prepareCheckout(cart.id, COD)
    const done = await completeCart(cart.id)
    expect(done.body.type).toBe("order")
    expectPublic("complete", done.body)
    const order = await store("GET", `/store/orders/${done.body.order.id}?fields=${encodeURIComponent("*items.product.certifications,*items.product.producer")}`)
    expect(order.status).toBe(200)
    expectPublic("order", order.body)
  })
})

/** A placed VND order of the test producer's product, paid with `provider`; optionally as a signed-in customer. */
async function placeOrder(provider: string, token?: string) {
  let cartId: string
  if (token) {
    const r = await region("vnd")
    const res = await store("POST", "/store/carts", { token, body: { region_id: r.id, shipping_address: VN_ADDRESS } })
    expect(res.status).toBe(200)
    cartId = res.body.cart.id
  } else cartId = (await createCart("vnd")).cart.id
  expect((await addItem(cartId, variantId, 1)).status).toBe(200)
  await prepareCheckout(cartId, provider)
  const done = await store("POST", `/store/carts/${cartId}/complete`, { token })
  expect(done.body.type, JSON.stringify(done.body)).toBe("order")
  const order = done.body.order as { id: string; display_id: number }
  // The producer ↔ order link is written by a subscriber; then the order is read through the portal's own reference.
  const listed = await until(async () =>
    (await as(producer.token).get("/producers/me/orders?limit=100")).body?.orders?.find((o: any) => o.display_id === order.display_id)
  )
  const portal = (await as(producer.token).get(`/producers/me/orders/${listed.id}`)).body.order
  return { order, portal }
}

async function fulfillmentsOf(orderId: string) {
  const res = await admin("GET", `/admin/orders/${orderId}?fields=id,fulfillments.id,fulfillments.shipped_at`)
  expect(res.status).toBe(200)
  return res.body.order.fulfillments ?? []
}

describe("6. producers see payment status and ship only what may ship", () => {
  it("refuses shipping an unpaid bank transfer (400 order_not_paid, nothing fulfilled), ships it once paid, ships COD at once", async () => {
    const bank = await placeOrder(BANK)
    expect(bank.portal).toMatchObject({ payment_status: "awaiting_transfer", payment_method: "bank_transfer", can_ship: false })
    const listed = (await as(producer.token).get("/producers/me/orders?limit=100")).body.orders.find((o: any) => o.id === bank.portal.id)
    expect(listed).toMatchObject({ payment_status: "awaiting_transfer", can_ship: false })

    const refused = await as(producer.token).post(`/producers/me/orders/${bank.portal.id}/ship`, { tracking_number: "VNPOST-UNPAID" })
    expect([refused.status, refused.body.type, refused.body.code]).toEqual([400, "not_allowed", "order_not_paid"])
    expect(refused.body.message).toMatch(/bank transfer has not been received/)
    expect(await fulfillmentsOf(bank.order.id)).toEqual([])
    expect((await as(producer.token).get(`/producers/me/orders/${bank.portal.id}`)).body.order).toMatchObject({ shipping_status: "not_shipped", fulfillments: [] })

    // The office records the transfer (captures the payment): now it ships.
    const payments = await admin("GET", `/admin/orders/${bank.order.id}?fields=id,*payment_collections.payments`)
    const paymentId = payments.body.order.payment_collections[0].payments[0].id
    expect((await admin("POST", `/admin/payments/${paymentId}/capture`, {})).status).toBe(200)
    expect((await as(producer.token).get(`/producers/me/orders/${bank.portal.id}`)).body.order).toMatchObject({ payment_status: "paid", can_ship: true })
    const shipped = await as(producer.token).post(`/producers/me/orders/${bank.portal.id}/ship`, { tracking_number: "VNPOST-PAID" })
    expect(shipped.status).toBe(200)
    expect(shipped.body.order.shipping_status).toBe("shipped")

    const cod = await placeOrder(COD)
    expect(cod.portal).toMatchObject({ payment_status: "cod_to_collect", payment_method: "cod", can_ship: true })
    const codShipped = await as(producer.token).post(`/producers/me/orders/${cod.portal.id}/ship`, {})
    expect(codShipped.status).toBe(200)
    expect(await fulfillmentsOf(cod.order.id)).toHaveLength(1)
  })
})

describe("7. an order id opens only what its holder may see", () => {
  it("the portal references orders by display number and never hands out Medusa's order id", async () => {
    const { order, portal } = await placeOrder(COD)
    expect(portal.id).toBe(String(order.display_id))
    const texts = [
      JSON.stringify((await as(producer.token).get("/producers/me/orders?limit=100")).body),
      JSON.stringify((await as(producer.token).get(`/producers/me/orders/${order.display_id}`)).body),
      JSON.stringify((await as(producer.token).post(`/producers/me/orders/${order.display_id}/ship`, {})).body),
      JSON.stringify((await as(producer.token).get("/producers/me/changes?limit=100")).body),
    ]
    for (const text of texts) expect(text).not.toMatch(/"order_[0-9A-Z]{10,}"/)
    // What the portal shows opens nothing in the store.
    const res = await store("GET", `/store/orders/${portal.id}`)
    expect([res.status, res.body.type]).toEqual([404, "not_found"])
  })

  it("GET /store/orders/:id: by id only right after checkout; afterwards a customer's order needs that customer", async () => {
    const email = `owner-${uniq()}@example.com`
    const password = "owner-pass-2026"
    const reg = await http("POST", "/auth/customer/emailpass/register", { body: { email, password } })
    expect((await store("POST", "/store/customers", { token: reg.body.token, body: { email, first_name: "Lan" } })).status).toBe(200)
    const owner = await login("customer", email, password)
    const otherEmail = `other-${uniq()}@example.com`
    const otherReg = await http("POST", "/auth/customer/emailpass/register", { body: { email: otherEmail, password } })
    expect((await store("POST", "/store/customers", { token: otherReg.body.token, body: { email: otherEmail } })).status).toBe(200)
    const other = await login("customer", otherEmail, password)

    // Right after checkout the id opens the order: the confirmation page of Medusa's starter flow (publishable key only).
    const guest = await placeOrder(COD)
    const confirmation = await store("GET", `/store/orders/${guest.order.id}`)
    expect(confirmation.status).toBe(200)
    expect(confirmation.body.order.id).toBe(guest.order.id)

    // Later, the id alone opens nothing: a guest order no more, a customer's order only for that customer.
    const { order } = await placeOrder(BANK, owner)
    const old = await placeOrder(COD)
    await dbQuery(`UPDATE "order" SET created_at = now() - interval '2 hours' WHERE id = ANY($1)`, [[order.id, old.order.id]])
    for (const [who, token] of [["nobody", undefined], ["another customer", other], ["the producer", producer.token]] as const) {
      for (const id of [order.id, old.order.id]) {
        const res = await store("GET", `/store/orders/${id}`, { token })
        expect([who, res.status, res.body.type], JSON.stringify(res.body)).toEqual([who, 404, "not_found"])
        expect(JSON.stringify(res.body)).not.toContain(email)
      }
    }
    const mine = await store("GET", `/store/orders/${order.id}`, { token: owner })
    expect(mine.status).toBe(200)
    expect(mine.body.order).toMatchObject({ id: order.id, email })
    expect((await store("GET", `/store/orders/${old.order.id}`, { token: owner })).status).toBe(404)
    // A refusal looks exactly like an order that does not exist.
    const missing = await store("GET", `/store/orders/order_01NOPE${uniq().toUpperCase()}`)
    expect([missing.status, missing.body.type]).toEqual([404, "not_found"])
  })
})
