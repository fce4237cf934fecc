/**
 * Reliability: bad input. A generated corpus (tests/support/bad-input.ts) of
 * malformed requests against every custom mutation route of the project
 * (backend/src/api/**\/route.ts), the store routes a shopper uses (carts, line
 * items, addresses, customers, OCOP search and certificate verification) and a
 * few core admin routes. Two rules hold for every request:
 *  - never a 5xx (a clear 4xx for what is wrong; some unusual but valid input,
 *    like an emoji in a name, may be accepted);
 *  - a rejected request changes nothing: the relevant tables are fingerprinted
 *    (row count + md5 of the rows) before and after each route's batch, and
 *    around every request that was allowed to be accepted.
 */
import pg from "pg"
import { admin, adminToken, BACKEND_URL, http, PUBLISHABLE_KEY, store, uniq } from "../support/api"
import { addItem, region, variantOf, VN_ADDRESS } from "../support/checkout"
import { createDraftProduct, createSellableProduct } from "../support/ocop"
import { listingBody, newProducer, producerApplication, producerCertificationBody, registerProducerLogin } from "../support/producer"
import {
  BAD_QUERY_VALUES,
  countByFamily,
  generateCases,
  HUGE_STRING,
  UNICODE_QUERY_VALUES,
  type Actor,
  type BadCase,
  type RouteSpec,
} from "../support/bad-input"

// Tables a bad request could corrupt: OCOP and portal tables, catalogue, carts, orders, stock, customers, auth.
const TABLES = [
  "producer",
  "certification",
  "certification_event",
  "producer_user",
  "producer_invite",
  "listing_change",
  "product",
  "product_variant",
  "product_option",
  "product_option_value",
  "product_sales_channel",
  "product_product_ocop_producer",
  "image",
  "price",
  "price_set",
  "cart",
  "cart_line_item",
  "cart_address",
  "cart_promotion",
  "cart_shipping_method",
  "cart_payment_collection",
  "payment_collection",
  "payment_session",
  "customer",
  "customer_address",
  "order",
  "order_item",
  "order_line_item",
  "fulfillment",
  "inventory_item",
  "inventory_level",
  "reservation_item",
  "auth_identity",
  "provider_identity",
  "user",
  "promotion",
  "region",
  "sales_channel",
]

let db: pg.Client
let tables: string[] = []

/** Row count and md5 of every row, per table. */
async function snapshot(): Promise<Record<string, string>> {
  const parts = tables.map(
    (t) => `SELECT '${t}' AS t, count(*)::text || ':' || md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS v FROM "${t}" x`
  )
  const res = await db.query(parts.join(" UNION ALL "))
  return Object.fromEntries(res.rows.map((r) => [r.t, r.v]))
}

function diff(a: Record<string, string>, b: Record<string, string>): string[] {
  return Object.keys(a).filter((t) => a[t] !== b[t])
}

/** Waits until background work (subscribers, index sync) has settled: two equal snapshots in a row. */
async function settled(timeoutMs = 8000): Promise<Record<string, string>> {
  let last = await snapshot()
  const end = Date.now() + timeoutMs
  while (Date.now() < end) {
    await new Promise((r) => setTimeout(r, 150))
    const next = await snapshot()
    if (!diff(last, next).length) return next
    last = next
  }
  return last
}

type Fixtures = {
  tokens: Record<Actor, string | undefined>
  cartA: string
  cartB: string
  lineA: string
  lineB: string
  addressA: string
  addressB: string
  variantId: string
  regionId: string
  producerA: { id: string; userId: string }
  producerB: { id: string; userId: string }
  producerC: string
  productA: { id: string; variants: string[] }
  productB: { id: string; variants: string[] }
  adminProduct: string
  certA: string
}

async function newCustomer() {
  const email = `reliability-${uniq()}@example.com`
  const password = "reliability-2026"
  const reg = await http("POST", "/auth/customer/emailpass/register", { body: { email, password } })
  if (reg.status !== 200) throw new Error(`register: ${reg.status} ${JSON.stringify(reg.body)}`)
  const created = await store("POST", "/store/customers", { token: reg.body.token, body: { email, first_name: "Lan", last_name: "Nguyễn" } })
  if (created.status !== 200) throw new Error(`customer: ${created.status} ${JSON.stringify(created.body)}`)
  const login = await http("POST", "/auth/customer/emailpass", { body: { email, password } })
  const token = login.body.token as string
  const addr = await store("POST", "/store/customers/me/addresses", { token, body: { ...VN_ADDRESS, address_name: "Nhà" } })
  if (addr.status !== 200) throw new Error(`address: ${addr.status} ${JSON.stringify(addr.body)}`)
  const addresses = addr.body.customer.addresses as { id: string }[]
  return { token, addressId: addresses[addresses.length - 1].id }
}

async function customerCart(token: string, regionId: string, variantId: string) {
  const res = await store("POST", "/store/carts", { token, body: { region_id: regionId, shipping_address: VN_ADDRESS } })
  if (res.status !== 200) throw new Error(`cart: ${res.status} ${JSON.stringify(res.body)}`)
  const add = await addItem(res.body.cart.id, variantId, 1)
  if (add.status !== 200) throw new Error(`add: ${add.status} ${JSON.stringify(add.body)}`)
  return { cartId: res.body.cart.id as string, lineId: add.body.cart.items[0].id as string }
}

async function producerWithListing() {
  const p = await newProducer()
  const res = await http("POST", "/producers/me/products", { token: p.token, body: listingBody() })
  if (res.status !== 201) throw new Error(`listing: ${res.status} ${JSON.stringify(res.body)}`)
  return { p, product: { id: res.body.product.id as string, variants: (res.body.product.variants as { id: string }[]).map((v) => v.id) } }
}

async function setup(): Promise<Fixtures> {
  const r = await region("vnd")
  const first = await store("GET", `/store/products?limit=1&region_id=${r.id}`)
  const variantId = (await variantOf(first.body.products[0].handle, r.id)).id
  const [a, b] = [await newCustomer(), await newCustomer()]
  const cartA = await customerCart(a.token, r.id, variantId)
  const cartB = await customerCart(b.token, r.id, variantId)
  const A = await producerWithListing()
  const B = await producerWithListing()
  const registration = await registerProducerLogin()
  const C = await admin("POST", "/admin/producers", {
    handle: `reliability-c-${uniq()}`,
    legal_name: `HTX Độ tin cậy C ${uniq()} (test)`,
    type: "cooperative",
    registration_number: `REL-C-${uniq()}`.toUpperCase(),
    commune: "Hương Long",
    district: "TP Huế",
  })
  if (C.status !== 201) throw new Error(`producer C: ${C.status} ${JSON.stringify(C.body)}`)
  const sellable = await createSellableProduct({ producerId: C.body.producer.id })
  const adminProduct = await createDraftProduct(C.body.producer.id)
  return {
    tokens: {
      anon: undefined,
      customerA: a.token,
      customerB: b.token,
      producerA: A.p.token,
      producerB: B.p.token,
      registration: registration.token,
      admin: await adminToken(),
    },
    cartA: cartA.cartId,
    cartB: cartB.cartId,
    lineA: cartA.lineId,
    lineB: cartB.lineId,
    addressA: a.addressId,
    addressB: b.addressId,
    variantId,
    regionId: r.id,
    producerA: { id: A.p.producer.id, userId: A.p.user.id },
    producerB: { id: B.p.producer.id, userId: B.p.user.id },
    producerC: C.body.producer.id,
    productA: A.product,
    productB: B.product,
    adminProduct: adminProduct.id,
    certA: sellable.certification.id,
  }
}

const num = BAD_QUERY_VALUES.number
const NOPE = "nonexistent_01JZZZZZZZZZZZZZZZZZZZZZZZ"

/** Every route of the corpus, by family. */
function routes(f: Fixtures): RouteSpec[] {
  const cart = `/store/carts/${f.cartA}`
  const mine = "/producers/me"
  return [
    // Store: carts, line items, checkout pieces ---------------------------------------------------
    {
      family: "store:carts",
      method: "POST",
      path: "/store/carts",
      actor: "customerA",
      store: true,
      valid: { region_id: f.regionId, email: "lan@example.com" },
      kinds: { region_id: "id" },
      emptyIsValid: true,
      lenient: true,
      extra: [
        { label: "items: negative quantity", body: JSON.stringify({ region_id: f.regionId, items: [{ variant_id: f.variantId, quantity: -1 }] }), expect: "4xx" },
        { label: "items: fractional quantity", body: JSON.stringify({ region_id: f.regionId, items: [{ variant_id: f.variantId, quantity: 0.5 }] }), expect: "4xx" },
        { label: "items: object instead of array", body: JSON.stringify({ region_id: f.regionId, items: { variant_id: f.variantId } }), expect: "4xx" },
        { label: "items: nonexistent variant", body: JSON.stringify({ region_id: f.regionId, items: [{ variant_id: NOPE, quantity: 1 }] }), expect: "4xx" },
        { label: "region_id: nonexistent", body: JSON.stringify({ region_id: NOPE }), expect: "4xx" },
        { label: "no publishable key", body: JSON.stringify({ region_id: f.regionId }), expect: "4xx", actor: "anon", path: "/store/carts?__nokey=1" },
      ],
    },
    {
      family: "store:carts",
      method: "POST",
      path: cart,
      actor: "customerA",
      store: true,
      valid: { email: "lan2@example.com" },
      emptyIsValid: true,
      lenient: true,
      extra: [
        { label: "shipping_address: array", body: JSON.stringify({ shipping_address: [VN_ADDRESS] }), expect: "4xx" },
        { label: "shipping_address: string", body: JSON.stringify({ shipping_address: "12 Lê Lợi" }), expect: "4xx" },
        { label: "shipping_address.first_name: 10 000 chars", body: JSON.stringify({ shipping_address: { ...VN_ADDRESS, first_name: HUGE_STRING } }), expect: "non5xx" },
        { label: "shipping_address.address_1: NUL", body: JSON.stringify({ shipping_address: { ...VN_ADDRESS, address_1: "12\u0000 Lê Lợi" } }), expect: "non5xx" },
        { label: "shipping_address.country_code: unknown", body: JSON.stringify({ shipping_address: { ...VN_ADDRESS, country_code: "zz" } }), expect: "4xx" },
        { label: "region_id: nonexistent", body: JSON.stringify({ region_id: NOPE }), expect: "4xx" },
        { label: "nonexistent cart", path: `/store/carts/${NOPE}`, body: JSON.stringify({ email: "x@example.com" }), expect: "4xx" },
        { label: "foreign cart, invalid email", path: `/store/carts/${f.cartB}`, body: JSON.stringify({ email: "not-an-email" }), expect: "4xx" },
      ],
    },
    {
      family: "store:carts",
      method: "POST",
      path: `${cart}/line-items`,
      actor: "customerA",
      store: true,
      valid: { variant_id: f.variantId, quantity: 1 },
      required: ["variant_id", "quantity"],
      kinds: { variant_id: "id", quantity: "quantity" },
      extra: [
        { label: "variant of a producer's draft listing", body: JSON.stringify({ variant_id: f.productA.variants[0], quantity: 1 }), expect: "4xx" },
        { label: "nonexistent variant", body: JSON.stringify({ variant_id: NOPE, quantity: 1 }), expect: "4xx" },
        { label: "nonexistent cart", path: `/store/carts/${NOPE}/line-items`, body: JSON.stringify({ variant_id: f.variantId, quantity: 1 }), expect: "4xx" },
        { label: "quantity beyond any stock", body: JSON.stringify({ variant_id: f.variantId, quantity: 100_000_000 }), expect: "4xx" },
      ],
    },
    {
      family: "store:carts",
      method: "POST",
      path: `${cart}/line-items/${f.lineA}`,
      actor: "customerA",
      store: true,
      valid: { quantity: 2 },
      required: ["quantity"],
      kinds: { quantity: "quantity" },
      extra: [
        { label: "foreign line item (another customer's cart)", path: `${cart}/line-items/${f.lineB}`, body: JSON.stringify({ quantity: 3 }), expect: "4xx" },
        { label: "nonexistent line item", path: `${cart}/line-items/${NOPE}`, body: JSON.stringify({ quantity: 3 }), expect: "4xx" },
        { label: "DELETE a foreign line item", method: "DELETE", path: `${cart}/line-items/${f.lineB}`, expect: "4xx" },
        { label: "DELETE a nonexistent line item", method: "DELETE", path: `${cart}/line-items/${NOPE}`, expect: "4xx" },
      ],
    },
    {
      family: "store:carts",
      method: "POST",
      path: `${cart}/promotions`,
      actor: "customerA",
      store: true,
      valid: { promo_codes: ["NO-SUCH-CODE"] },
      required: ["promo_codes"],
      extra: [{ label: "promo_codes: 10 000-char code", body: JSON.stringify({ promo_codes: [HUGE_STRING] }), expect: "non5xx" }],
    },
    {
      family: "store:carts",
      method: "POST",
      path: `${cart}/shipping-methods`,
      actor: "customerA",
      store: true,
      valid: { option_id: NOPE },
      required: ["option_id"],
      arrayIsValid: true,
      kinds: { option_id: "id" },
    },
    {
      family: "store:carts",
      method: "POST",
      path: `/store/payment-collections`,
      actor: "customerA",
      store: true,
      valid: { cart_id: NOPE },
      required: ["cart_id"],
      kinds: { cart_id: "id" },
      extra: [{ label: "complete a cart that is not ready", method: "POST", path: `${cart}/complete`, body: "{}", expect: "4xx" }],
    },
    // Store: customers and addresses ---------------------------------------------------------------
    {
      family: "store:customers",
      method: "POST",
      path: "/store/customers/me",
      actor: "customerA",
      store: true,
      valid: { first_name: "Lan", last_name: "Nguyễn" },
      emptyIsValid: true,
      lenient: true,
      extra: [{ label: "no token", actor: "anon", body: JSON.stringify({ first_name: "X" }), expect: "4xx" }],
    },
    {
      family: "store:customers",
      method: "POST",
      path: "/store/customers/me/addresses",
      actor: "customerA",
      store: true,
      valid: { first_name: "Lan", address_1: "12 Lê Lợi", city: "Huế", country_code: "vn" },
      emptyIsValid: true,
      lenient: true,
      extra: [
        { label: "update a foreign address", path: `/store/customers/me/addresses/${f.addressB}`, body: JSON.stringify({ city: "Hà Nội" }), expect: "4xx" },
        { label: "update a nonexistent address", path: `/store/customers/me/addresses/${NOPE}`, body: JSON.stringify({ city: "Hà Nội" }), expect: "4xx" },
        { label: "update own address with an array", path: `/store/customers/me/addresses/${f.addressA}`, body: "[]", expect: "4xx" },
        { label: "DELETE a foreign address", method: "DELETE", path: `/store/customers/me/addresses/${f.addressB}`, expect: "4xx" },
      ],
    },
    {
      family: "store:customers",
      method: "POST",
      path: "/store/customers",
      actor: "anon",
      store: true,
      valid: { email: "new@example.com", first_name: "X" },
      extra: [{ label: "already a customer", actor: "customerA", body: JSON.stringify({ email: "again@example.com" }), expect: "4xx" }],
    },
    // Store: OCOP search, verification, producers, product filters --------------------------------
    {
      family: "store:ocop",
      method: "GET",
      path: "/store/ocop/search",
      actor: "anon",
      store: true,
      query: {
        stars: ["2", "6", ...num.slice(1, 4)],
        group: BAD_QUERY_VALUES.enum,
        producer_type: BAD_QUERY_VALUES.enum.slice(0, 1),
        limit: ["0", "101", ...num.slice(0, 4)],
        offset: ["-1", "10001", "abc"],
        price_min: ["-5", "abc", "1e400"],
        currency: ["eur", "%00"],
        sort: ["price; DROP TABLE product"],
        q: [encodeURIComponent(HUGE_STRING)],
        unknown_param: ["1"],
      },
      queryAny: { q: UNICODE_QUERY_VALUES, district: ["%F0%9F%8D%B5", "%ED%A0%80"] },
      extra: [{ label: "price_min > price_max", path: "/store/ocop/search?price_min=10&price_max=5", expect: "4xx" }],
    },
    {
      family: "store:ocop",
      method: "GET",
      path: "/store/ocop/certificates/x",
      actor: "anon",
      store: true,
      extra: [
        ...[encodeURIComponent(HUGE_STRING.slice(0, 2000)), "%00", "%ED%A0%80", encodeURIComponent("🍵"), "..%2F..%2Fetc%2Fpasswd", encodeURIComponent("' OR 1=1 --")].map((n) => ({
          label: `certificate number ${n.slice(0, 30)}`,
          path: `/store/ocop/certificates/${n}`,
          expect: "4xx" as const,
        })),
        { label: "unknown certificate number", path: "/store/ocop/certificates/NO-SUCH-CERT-123", expect: "4xx" },
      ],
    },
    {
      family: "store:ocop",
      method: "GET",
      path: "/store/producers",
      actor: "anon",
      store: true,
      query: { limit: num.slice(0, 4), offset: ["-1", "100001"], type: BAD_QUERY_VALUES.enum.slice(0, 2), district: [encodeURIComponent(HUGE_STRING.slice(0, 500))], nope: ["1"] },
      queryAny: { district: ["%F0%9F%8D%B5", "%ED%A0%80"] },
      extra: ["%00", "UPPER-case", encodeURIComponent("🍵"), "a--b", encodeURIComponent(HUGE_STRING.slice(0, 500))].map((h) => ({
        label: `producer handle ${h.slice(0, 20)}`,
        path: `/store/producers/${h}`,
        expect: "4xx" as const,
      })),
    },
    {
      family: "store:ocop",
      method: "GET",
      path: "/store/products",
      actor: "anon",
      store: true,
      query: { ocop_stars: ["2", "abc", "1e400"], ocop_group: ["nope"], producer_type: ["nope"], district: [encodeURIComponent(HUGE_STRING.slice(0, 500))] },
    },
    {
      family: "store:ocop",
      method: "POST",
      path: "/store/search",
      actor: "anon",
      store: true,
      valid: { entity: "product", fields: ["id"] },
      required: ["entity"],
      extra: [
        { label: "unknown entity", body: JSON.stringify({ entity: "customer", fields: ["email"] }), expect: "4xx" },
        { label: "take beyond the maximum", body: JSON.stringify({ entity: "product", pagination: { take: 1_000_000 } }), expect: "4xx" },
        { label: "filters: deeply nested $or", body: JSON.stringify({ entity: "product", filters: JSON.parse("{\"$or\":[".repeat(200) + "{}" + "]}".repeat(200)) }), expect: "non5xx" },
        { label: "filters: unknown field", body: JSON.stringify({ entity: "product", filters: { password: "x" } }), expect: "non5xx" },
        { label: "provider_options", body: JSON.stringify({ entity: "product", search_options: { provider_options: {} } }), expect: "4xx" },
      ],
    },
    // Producer portal -----------------------------------------------------------------------------
    {
      family: "producer",
      method: "POST",
      path: "/producers",
      actor: "registration",
      valid: producerApplication(),
      required: ["legal_name", "type", "registration_number", "commune", "district", "owner"],
      extra: [{ label: "apply with a customer token", actor: "customerA", body: JSON.stringify(producerApplication()), expect: "4xx" }],
    },
    {
      family: "producer",
      method: "POST",
      path: "/producers/invites/accept",
      actor: "registration",
      valid: { token: "t".repeat(40), first_name: "Hoa", last_name: "Lê" },
      required: ["token", "first_name", "last_name"],
    },
    {
      family: "producer",
      method: "POST",
      path: mine,
      actor: "producerA",
      valid: { story_vi: "Câu chuyện (thử)", latitude: 16.46 },
      kinds: { latitude: "number" },
      extra: [
        { label: "latitude out of range", body: JSON.stringify({ latitude: 91 }), expect: "4xx" },
        { label: "website: javascript URL", body: JSON.stringify({ website: "javascript:alert(1)" }), expect: "4xx" },
        { label: "empty body", body: "{}", expect: "4xx" },
      ],
    },
    {
      family: "producer",
      method: "POST",
      path: `${mine}/members`,
      actor: "producerA",
      valid: { email: `member-${uniq()}@example.com` },
      required: ["email"],
      extra: [
        { label: "role owner", body: JSON.stringify({ email: `m-${uniq()}@example.com`, role: "owner" }), expect: "4xx" },
        { label: "DELETE another producer's user", method: "DELETE", path: `${mine}/members/${f.producerB.userId}`, expect: "4xx" },
        { label: "DELETE a nonexistent member", method: "DELETE", path: `${mine}/members/${NOPE}`, expect: "4xx" },
        { label: "DELETE a nonexistent invite", method: "DELETE", path: `${mine}/members/prinv_${NOPE}`, expect: "4xx" },
      ],
    },
    {
      family: "producer",
      method: "POST",
      path: `${mine}/uploads`,
      actor: "producerA",
      extra: [
        { label: "JSON instead of multipart", body: JSON.stringify({ files: ["a.png"] }), expect: "4xx" },
        { label: "multipart without boundary", body: "garbage", contentType: "multipart/form-data", expect: "4xx" },
        {
          label: "multipart with a forged PNG",
          body: '--XyZ\r\nContent-Disposition: form-data; name="files"; filename="a.png"\r\nContent-Type: image/png\r\n\r\nnot a png\r\n--XyZ--\r\n',
          contentType: "multipart/form-data; boundary=XyZ",
          expect: "4xx",
        },
        {
          label: "multipart with a wrong field name",
          body: '--XyZ\r\nContent-Disposition: form-data; name="other"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--XyZ--\r\n',
          contentType: "multipart/form-data; boundary=XyZ",
          expect: "4xx",
        },
        { label: "truncated multipart", body: '--XyZ\r\nContent-Disposition: form-data; name="files"; filename="a.png"\r\n', contentType: "multipart/form-data; boundary=XyZ", expect: "4xx" },
      ],
    },
    {
      family: "producer",
      method: "POST",
      path: `${mine}/products`,
      actor: "producerA",
      valid: listingBody(),
      required: ["title_vi", "title_en", "description_vi", "description_en", "group", "variants"],
      extra: [
        { label: "variant stock negative", body: JSON.stringify(listingBody({ variants: [{ title: "A", prices: { vnd: 10000, usd: 1 }, stock: -1 }] })), expect: "4xx" },
        { label: "variant VND price fractional", body: JSON.stringify(listingBody({ variants: [{ title: "A", prices: { vnd: 10000.5, usd: 1 }, stock: 1 }] })), expect: "4xx" },
        { label: "variant USD price with 3 decimals", body: JSON.stringify(listingBody({ variants: [{ title: "A", prices: { vnd: 10000, usd: 1.005 }, stock: 1 }] })), expect: "4xx" },
        { label: "21 variants", body: JSON.stringify(listingBody({ variants: Array.from({ length: 21 }, (_, i) => ({ title: `V${i}`, prices: { vnd: 10000, usd: 1 }, stock: 1 })) })), expect: "4xx" },
        { label: "duplicate variant titles", body: JSON.stringify(listingBody({ variants: [1, 2].map(() => ({ title: "Same", prices: { vnd: 10000, usd: 1 }, stock: 1 })) })), expect: "4xx" },
        { label: "image: data URL", body: JSON.stringify(listingBody({ images: ["data:image/png;base64,AAAA"] })), expect: "4xx" },
      ],
    },
    {
      family: "producer",
      method: "POST",
      path: `${mine}/products/${f.productA.id}`,
      actor: "producerA",
      valid: { title_en: "Updated title (test)" },
      extra: [
        { label: "another producer's variant", body: JSON.stringify({ variants: [{ id: f.productB.variants[0], stock: 5 }] }), expect: "4xx" },
        { label: "nonexistent variant", body: JSON.stringify({ variants: [{ id: NOPE, stock: 5 }] }), expect: "4xx" },
        { label: "stock negative", body: JSON.stringify({ variants: [{ id: f.productA.variants[0], stock: -3 }] }), expect: "4xx" },
        { label: "stock huge", body: JSON.stringify({ variants: [{ id: f.productA.variants[0], stock: 1e12 }] }), expect: "4xx" },
        { label: "price zero", body: JSON.stringify({ variants: [{ id: f.productA.variants[0], prices: { vnd: 0 } }] }), expect: "4xx" },
        { label: "same variant twice", body: JSON.stringify({ variants: [{ id: f.productA.variants[0], stock: 1 }, { id: f.productA.variants[0], stock: 2 }] }), expect: "4xx" },
        { label: "empty body", body: "{}", expect: "4xx" },
        { label: "update another producer's product", path: `${mine}/products/${f.productB.id}`, body: JSON.stringify({ title_en: "Mine now" }), expect: "4xx" },
        { label: "update a nonexistent product", path: `${mine}/products/${NOPE}`, body: JSON.stringify({ title_en: "X" }), expect: "4xx" },
        { label: "GET another producer's product", method: "GET", path: `${mine}/products/${f.productB.id}`, expect: "4xx" },
        { label: "DELETE another producer's product", method: "DELETE", path: `${mine}/products/${f.productB.id}`, expect: "4xx" },
        { label: "DELETE a nonexistent product", method: "DELETE", path: `${mine}/products/${NOPE}`, expect: "4xx" },
      ],
    },
    {
      family: "producer",
      method: "POST",
      path: `${mine}/products/${f.productA.id}/certification`,
      actor: "producerA",
      valid: producerCertificationBody(),
      required: ["certificate_number", "decision_number", "decision_date", "issuing_authority", "authority_level", "score", "stars", "evidence_url"],
      kinds: { score: "number", stars: "number" },
      extra: [
        { label: "another producer's product", path: `${mine}/products/${f.productB.id}/certification`, body: JSON.stringify(producerCertificationBody()), expect: "4xx" },
        { label: "decision_date 2025-02-30", body: JSON.stringify(producerCertificationBody({ decision_date: "2025-02-30" })), expect: "4xx" },
        { label: "stars 6", body: JSON.stringify(producerCertificationBody({ stars: 6 })), expect: "4xx" },
        { label: "status active (not the producer's to set)", body: JSON.stringify(producerCertificationBody({ status: "active" })), expect: "4xx" },
      ],
    },
    {
      family: "producer",
      method: "POST",
      path: `${mine}/orders/${NOPE}/ship`,
      actor: "producerA",
      valid: { tracking_number: "VN123", carrier: "VNPost" },
      emptyIsValid: true,
      extra: [
        { label: "items: quantity zero", body: JSON.stringify({ items: [{ id: NOPE, quantity: 0 }] }), expect: "4xx" },
        { label: "items: duplicate ids", body: JSON.stringify({ items: [{ id: "a", quantity: 1 }, { id: "a", quantity: 1 }] }), expect: "4xx" },
        { label: "GET a nonexistent order", method: "GET", path: `${mine}/orders/${NOPE}`, expect: "4xx" },
      ],
    },
    ...["products", "orders", "changes"].map(
      (list): RouteSpec => ({
        family: "producer",
        method: "GET",
        path: `${mine}/${list}`,
        actor: "producerA",
        query: { limit: ["0", "101", "abc"], offset: ["-1", "abc"], unknown: ["1"] },
      })
    ),
    // Admin: OCOP ---------------------------------------------------------------------------------
    {
      family: "admin:ocop",
      method: "POST",
      path: "/admin/ocop/certifications",
      actor: "admin",
      valid: {
        product_id: f.adminProduct,
        certificate_number: `REL-${uniq()}`.toUpperCase(),
        decision_number: "REL/QĐ-UBND",
        decision_date: "2025-06-01",
        issuing_authority: "UBND (test)",
        authority_level: "province",
        score: 70,
        stars: 4,
        group_code: "food",
      },
      required: ["product_id", "certificate_number", "decision_number", "decision_date", "issuing_authority", "authority_level", "score", "stars", "group_code"],
      kinds: { product_id: "id" },
      extra: [
        { label: "nonexistent product", body: JSON.stringify({ product_id: NOPE, certificate_number: "REL-X1", decision_number: "x", decision_date: "2025-06-01", issuing_authority: "x", authority_level: "province", score: 70, stars: 4, group_code: "food" }), expect: "4xx" },
        { label: "valid_until before valid_from", body: JSON.stringify({ product_id: f.adminProduct, certificate_number: "REL-X2", decision_number: "x", decision_date: "2025-06-01", issuing_authority: "x", authority_level: "province", score: 70, stars: 4, group_code: "food", valid_from: "2025-06-01", valid_until: "2024-01-01" }), expect: "4xx" },
        { label: "score and stars disagree", body: JSON.stringify({ product_id: f.adminProduct, certificate_number: "REL-X3", decision_number: "x", decision_date: "2025-06-01", issuing_authority: "x", authority_level: "province", score: 10, stars: 5, group_code: "food" }), expect: "4xx" },
      ],
    },
    {
      family: "admin:ocop",
      method: "POST",
      path: `/admin/ocop/certifications/${f.certA}`,
      actor: "admin",
      valid: { subgroup: "Trà (test)", valid_until: "2030-01-01" },
      emptyIsValid: true,
      extra: [
        { label: "valid_until before valid_from", body: JSON.stringify({ valid_until: "1999-01-01" }), expect: "4xx" },
        { label: "stars (not editable here)", body: JSON.stringify({ stars: 5 }), expect: "4xx" },
        { label: "nonexistent certification", path: `/admin/ocop/certifications/${NOPE}`, body: JSON.stringify({ subgroup: "x" }), expect: "4xx" },
        { label: "GET a nonexistent certification", method: "GET", path: `/admin/ocop/certifications/${NOPE}`, expect: "4xx" },
      ],
    },
    {
      family: "admin:ocop",
      method: "POST",
      path: `/admin/ocop/certifications/${f.certA}/rerate`,
      actor: "admin",
      valid: { score: 80, stars: 4, reason: "Đánh giá lại (test)" },
      required: ["score", "stars", "reason"],
      extra: [{ label: "nonexistent certification", path: `/admin/ocop/certifications/${NOPE}/rerate`, body: JSON.stringify({ score: 80, stars: 4, reason: "x" }), expect: "4xx" }],
    },
    ...(["revoke", "suspend"] as const).map(
      (action): RouteSpec => ({
        family: "admin:ocop",
        method: "POST",
        path: `/admin/ocop/certifications/${NOPE}/${action}`,
        actor: "admin",
        valid: { reason: "Lý do (test)" },
        required: ["reason"],
        extra: [{ label: `${action} own certification without a reason`, path: `/admin/ocop/certifications/${f.certA}/${action}`, body: "{}", expect: "4xx" }],
      })
    ),
    ...(["reinstate", "approve"] as const).map(
      (action): RouteSpec => ({
        family: "admin:ocop",
        method: "POST",
        path: `/admin/ocop/certifications/${f.certA}/${action}`,
        actor: "admin",
        valid: { reason: "Lý do (test)" },
        emptyIsValid: true,
        extra: [
          { label: `${action} a certification in the wrong status`, body: "{}", expect: "4xx" },
          { label: `${action} a nonexistent certification`, path: `/admin/ocop/certifications/${NOPE}/${action}`, body: "{}", expect: "4xx" },
        ],
      })
    ),
    {
      family: "admin:ocop",
      method: "POST",
      path: "/admin/ocop/jobs/expire-certifications",
      actor: "admin",
      extra: [
        { label: "a clock override", body: JSON.stringify({ now: "2099-01-01" }), expect: "4xx" },
        { label: "array body", body: "[]", expect: "4xx" },
        { label: "malformed JSON", body: "{", expect: "4xx" },
      ],
    },
    {
      family: "admin:ocop",
      method: "GET",
      path: "/admin/ocop/certifications",
      actor: "admin",
      query: { status: ["nope"], expiring_within_days: ["-1", "3651", "abc"], limit: ["0", "201"], offset: ["-1"], q: [encodeURIComponent(HUGE_STRING.slice(0, 300))], x: ["1"] },
      queryAny: { q: UNICODE_QUERY_VALUES.slice(0, 4) },
    },
    {
      family: "admin:ocop",
      method: "GET",
      path: "/admin/ocop/listing-changes",
      actor: "admin",
      query: { subject: ["nope"], requires_review: ["yes"], limit: ["0", "201", "abc"], offset: ["-1"], x: ["1"] },
    },
    // Admin: producers ----------------------------------------------------------------------------
    {
      family: "admin:producers",
      method: "POST",
      path: "/admin/producers",
      actor: "admin",
      valid: {
        handle: `rel-${uniq()}`,
        legal_name: "HTX Kiểm thử (test)",
        type: "cooperative",
        registration_number: `REL-${uniq()}`.toUpperCase(),
        commune: "Hương Long",
        district: "TP Huế",
      },
      required: ["handle", "legal_name", "type", "registration_number", "commune", "district"],
      extra: [{ label: "handle with accents", body: JSON.stringify({ handle: "hợp-tác-xã", legal_name: "x", type: "cooperative", registration_number: "x", commune: "x", district: "x" }), expect: "4xx" }],
    },
    {
      family: "admin:producers",
      method: "POST",
      path: `/admin/producers/${f.producerC}`,
      actor: "admin",
      valid: { story_vi: "Câu chuyện (test)", longitude: 107.6 },
      kinds: { longitude: "number" },
      emptyIsValid: true,
      extra: [
        { label: "status (not editable here)", body: JSON.stringify({ status: "approved" }), expect: "4xx" },
        { label: "nonexistent producer", path: `/admin/producers/${NOPE}`, body: JSON.stringify({ story_vi: "x" }), expect: "4xx" },
        { label: "GET a nonexistent producer", method: "GET", path: `/admin/producers/${NOPE}`, expect: "4xx" },
      ],
    },
    ...(["suspend", "reject"] as const).map(
      (action): RouteSpec => ({
        family: "admin:producers",
        method: "POST",
        path: `/admin/producers/${NOPE}/${action}`,
        actor: "admin",
        valid: { reason: "Lý do (test)" },
        required: ["reason"],
      })
    ),
    {
      family: "admin:producers",
      method: "POST",
      path: `/admin/producers/${NOPE}/approve`,
      actor: "admin",
      extra: [
        { label: "approve a nonexistent producer", body: "{}", expect: "4xx" },
        { label: "approve with an unknown field", path: `/admin/producers/${f.producerC}/approve`, body: JSON.stringify({ status: "approved" }), expect: "4xx" },
      ],
    },
    {
      family: "admin:producers",
      method: "GET",
      path: "/admin/producers",
      actor: "admin",
      query: { status: ["nope"], limit: ["0", "201"], offset: ["-1"], q: [encodeURIComponent(HUGE_STRING.slice(0, 300))], x: ["1"] },
    },
    // Admin: a few core routes --------------------------------------------------------------------
    {
      family: "admin:core",
      method: "POST",
      path: `/admin/products/${f.adminProduct}`,
      actor: "admin",
      valid: { subtitle: "Phụ đề (test)" },
      emptyIsValid: true,
      lenient: true,
      extra: [
        { label: "additional_data.producer_id nonexistent", body: JSON.stringify({ additional_data: { producer_id: NOPE } }), expect: "4xx" },
        { label: "additional_data.producer_id number", body: JSON.stringify({ additional_data: { producer_id: 5 } }), expect: "4xx" },
        { label: "additional_data.producer_id 10 000 chars", body: JSON.stringify({ additional_data: { producer_id: HUGE_STRING } }), expect: "4xx" },
        { label: "status nonsense", body: JSON.stringify({ status: "sold-out" }), expect: "4xx" },
        { label: "nonexistent product", path: `/admin/products/${NOPE}`, body: JSON.stringify({ subtitle: "x" }), expect: "4xx" },
      ],
    },
    {
      family: "admin:core",
      method: "POST",
      path: "/admin/products",
      actor: "admin",
      extra: [
        { label: "variant price negative", body: JSON.stringify({ title: "X", options: [{ title: "S", values: ["A"] }], variants: [{ title: "A", options: { S: "A" }, prices: [{ amount: -5, currency_code: "vnd" }] }] }), expect: "4xx" },
        { label: "variants as object", body: JSON.stringify({ title: "X", variants: { title: "A" } }), expect: "4xx" },
        { label: "no title", body: JSON.stringify({ options: [] }), expect: "4xx" },
        { label: "producer_id of nowhere", body: JSON.stringify({ title: "X", options: [{ title: "S", values: ["A"] }], additional_data: { producer_id: NOPE } }), expect: "4xx" },
      ],
    },
    {
      family: "admin:core",
      method: "POST",
      path: "/admin/customers",
      actor: "admin",
      valid: { email: `admin-made-${uniq()}@example.com`, first_name: "Mai" },
      emptyIsValid: true,
      lenient: true,
    },
  ]
}

function headersFor(c: BadCase, tokens: Fixtures["tokens"]): Record<string, string> {
  const h: Record<string, string> = {}
  if (c.store && !c.path.includes("__nokey")) h["x-publishable-api-key"] = PUBLISHABLE_KEY
  const token = tokens[c.actor]
  if (token) h.authorization = `Bearer ${token}`
  if (c.body !== undefined) h["content-type"] = c.contentType ?? "application/json"
  return h
}

async function send(c: BadCase, tokens: Fixtures["tokens"]) {
  const res = await fetch(`${BACKEND_URL}${c.path}`, {
    method: c.method,
    headers: headersFor(c, tokens),
    body: c.body,
    signal: AbortSignal.timeout(30_000),
  })
  const text = await res.text()
  return { status: res.status, text }
}

type Result = { c: BadCase; status: number; text: string }

describe("reliability: bad input", () => {
  let fx: Fixtures
  let all: BadCase[] = []
  const results: Result[] = []

  beforeAll(async () => {
    db = new pg.Client({ connectionString: process.env.OCOP_DATABASE_URL })
    await db.connect()
    const existing = await db.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename = ANY($1)", [TABLES])
    tables = existing.rows.map((r) => r.tablename).sort()
    fx = await setup()
    all = routes(fx).flatMap(generateCases)
  }, 180_000)

  afterAll(async () => {
    await db?.end()
  })

  it("generates a corpus of at least 300 requests over every route family", () => {
    const byFamily = countByFamily(all)
    console.log(`bad-input corpus: ${all.length} requests`, byFamily)
    expect(all.length).toBeGreaterThanOrEqual(300)
    for (const family of ["store:carts", "store:customers", "store:ocop", "producer", "admin:ocop", "admin:producers", "admin:core"]) {
      expect(byFamily[family] ?? 0).toBeGreaterThan(0)
    }
  })

  for (const family of ["store:carts", "store:customers", "store:ocop", "producer", "admin:ocop", "admin:producers", "admin:core"]) {
    it(`${family}: no 5xx, and rejected requests change nothing`, async () => {
      const problems: string[] = []
      const cases = all.filter((c) => c.family === family)
      const byRoute = new Map<string, BadCase[]>()
      for (const c of cases) byRoute.set(c.route, [...(byRoute.get(c.route) ?? []), c])

      for (const [route, batch] of byRoute) {
        let baseline = await settled()
        let since: string[] = []
        const checkpoint = async (why: string) => {
          const now = await snapshot()
          const changed = diff(baseline, now)
          if (changed.length) problems.push(`${route}: ${changed.join(", ")} changed by rejected requests [${since.join(" | ")}] (${why})`)
          baseline = now
          since = []
        }
        for (const c of batch) {
          const mayMutate = c.method !== "GET" && c.expect === "non5xx"
          if (mayMutate) await checkpoint(`before "${c.label}"`)
          let r: { status: number; text: string }
          try {
            r = await send(c, fx.tokens)
          } catch (e) {
            problems.push(`${c.method} ${c.path.slice(0, 120)} [${c.label}]: no answer (${(e as Error).message})`)
            continue
          }
          results.push({ c, ...r })
          if (r.status >= 500) problems.push(`${c.method} ${c.path.slice(0, 120)} [${c.label}] (${c.actor}): ${r.status} ${r.text.slice(0, 300)}`)
          else if (c.expect === "4xx" && (r.status < 400 || r.status >= 500)) {
            problems.push(`${c.method} ${c.path.slice(0, 120)} [${c.label}] (${c.actor}): expected a 4xx, got ${r.status} ${r.text.slice(0, 200)}`)
          }
          // An accepted mutation (allowed or already reported) starts a new baseline.
          if (c.method !== "GET" && r.status < 400) {
            baseline = await settled()
            since = []
          } else since.push(c.label)
        }
        await checkpoint("end of batch")
      }
      expect(problems).toEqual([])
    }, 120_000)
  }

  it("answers bad input with a readable message", () => {
    const rejected = results.filter((r) => r.status >= 400 && r.status < 500 && r.c.method !== "GET" && r.status !== 413 && r.status !== 401)
    expect(rejected.length).toBeGreaterThan(100)
    const unreadable = rejected.filter((r) => {
      try {
        const body = JSON.parse(r.text)
        return typeof body?.message !== "string" || !body.message.trim()
      } catch {
        return true
      }
    })
    expect(unreadable.map((r) => `${r.c.route} [${r.c.label}] ${r.status} ${r.text.slice(0, 100)}`)).toEqual([])
  })
})
