/**
 * A registered shopper's order with lines from two producers, over HTTP: what the
 * per-producer shipment tests (HTTP and browser) start from.
 */
import { admin, http, login, store, uniq } from "./api"
import { addItem, prepareCheckout, region, VN_ADDRESS } from "./checkout"
import { listingBody, newProducer, producerCertificationBody } from "./producer"
import { until } from "./wait"

export type Seller = Awaited<ReturnType<typeof newProducer>> & { variantId: string }

function ok(res: { status: number; body: unknown }, status: number, what: string) {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`)
}

/** An approved producer with one certified listing live in the store. */
export async function sellerWithListing(): Promise<Seller> {
  const p = await newProducer()
  const created = await http("POST", "/producers/me/products", { token: p.token, body: listingBody() })
  ok(created, 201, "create listing")
  const productId = created.body.product.id
  const cert = await http("POST", `/producers/me/products/${productId}/certification`, { token: p.token, body: producerCertificationBody() })
  ok(cert, 201, "submit certificate")
  ok(await admin("POST", `/admin/ocop/certifications/${cert.body.certification.id}/approve`, {}), 200, "approve certificate")
  // A submission sends the listing to review; the office publishes it once the certificate is in force.
  ok(await admin("POST", `/admin/products/${productId}`, { status: "published" }), 200, "publish listing")
  await until(async () => (await store("GET", `/store/products/${productId}`)).status === 200, { what: "the listing in the store" })
  return { ...p, variantId: created.body.product.variants[0].id }
}

/** A registered shopper account and a token for it. */
export async function registeredCustomer(name: string) {
  const email = `${name}-${uniq()}@example.com`
  const password = "parcel-pass-2026"
  const reg = await http("POST", "/auth/customer/emailpass/register", { body: { email, password } })
  ok(await store("POST", "/store/customers", { token: reg.body.token, body: { email, first_name: name } }), 200, "create customer")
  return { email, password, token: await login("customer", email, password) }
}

/** The shopper's cash-on-delivery order: `lines` of [variant id, quantity]. */
export async function placeCustomerOrder(token: string, lines: [string, number][]) {
  const r = await region("vnd")
  const cart = await store("POST", "/store/carts", { token, body: { region_id: r.id, shipping_address: VN_ADDRESS } })
  ok(cart, 200, "create cart")
  for (const [variantId, quantity] of lines) ok(await addItem(cart.body.cart.id, variantId, quantity), 200, "add item")
  await prepareCheckout(cart.body.cart.id, "pp_cod_cod")
  const done = await store("POST", `/store/carts/${cart.body.cart.id}/complete`, { token })
  if (done.body?.type !== "order") throw new Error(`complete: ${done.status} ${JSON.stringify(done.body)}`)
  return done.body.order as { id: string; display_id: number; email: string }
}

/** The order as producer `p`'s portal lists it, once the order ↔ producer link is written. */
export function portalOrder(p: Seller, displayId: number) {
  return until(
    async () => (await http("GET", "/producers/me/orders?limit=100", { token: p.token })).body?.orders?.find((o: any) => o.display_id === displayId),
    { what: `order #${displayId} in the portal` }
  )
}
