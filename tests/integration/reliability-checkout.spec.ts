/**
 * Reliability of checkout under concurrency (issue 8), against the shared backend:
 * - 40 shoppers race for 10 units: exactly 10 orders, 30 clear out-of-stock answers
 *   (4xx a shopper can read, never 5xx) and stock never below zero;
 * - one cart completed 5 times at once: one order, one payment, every answer the same
 *   order or a clear 4xx.
 * Bounded: 40 + 5 checkouts, every wait has a deadline.
 */
import { admin, store } from "../support/api"
import { addItem, createCart } from "../support/checkout"
import { createStockedProduct, readyCodCart as readyCart, dbQuery, inventoryLevel, mapLimit, stockFromDb, type StockedProduct } from "../support/inventory"

type Outcome = { cartId: string; email: string; status: number; body: any; ms: number }

/** A cart with one unit of the variant, a shipping method and a cash-on-delivery session. */
async function complete(cartId: string, email: string): Promise<Outcome> {
  const started = Date.now()
  const res = await store("POST", `/store/carts/${cartId}/complete`)
  return { cartId, email, status: res.status, body: res.body, ms: Date.now() - started }
}

/** Orders in the database for these carts, through Medusa's order↔cart link. */
async function ordersOfCarts(cartIds: string[]) {
  return dbQuery<{ order_id: string; cart_id: string; email: string; status: string }>(
    `SELECT o.id AS order_id, oc.cart_id, o.email, o.status
       FROM "order" o JOIN order_cart oc ON oc.order_id = o.id AND oc.deleted_at IS NULL
      WHERE oc.cart_id = ANY($1) AND o.deleted_at IS NULL`,
    [cartIds]
  )
}

function summarize(outcomes: Outcome[]) {
  const byStatus: Record<string, number> = {}
  for (const o of outcomes) {
    const key = o.status === 200 ? `200 ${o.body?.type}` : String(o.status)
    byStatus[key] = (byStatus[key] ?? 0) + 1
  }
  const times = outcomes.map((o) => o.ms).sort((a, b) => a - b)
  return { byStatus, p50: times[Math.floor(times.length / 2)], max: times[times.length - 1] }
}

describe("checkout reliability", () => {
  let product: StockedProduct
  let productTitle: string

  beforeAll(async () => {
    product = await createStockedProduct(10)
    const p = await admin("GET", `/admin/products/${product.productId}?fields=title`)
    productTitle = p.body.product.title
    expect(await inventoryLevel(product)).toMatchObject({ stocked_quantity: 10, reserved_quantity: 0, available_quantity: 10 })
  })

  it("sells 10 units to 40 concurrent shoppers exactly once each: 10 orders, 30 clear out-of-stock answers", async () => {
    const prepStarted = Date.now()
    const carts = await mapLimit(Array.from({ length: 40 }), 6, (_, i) => readyCart(product.variantId, `oversell${i}`))
    const prepMs = Date.now() - prepStarted

    // Watch the level while the race runs: reserved may never exceed stocked.
    const samples: { stocked: number; reserved: number }[] = []
    let watching = true
    const watcher = (async () => {
      while (watching) {
        const s = await stockFromDb(product)
        samples.push({ stocked: s.stocked, reserved: s.reserved })
        await new Promise((r) => setTimeout(r, 100))
      }
    })()

    const raceStarted = Date.now()
    const outcomes = await Promise.all(carts.map((c) => complete(c.cartId, c.email)))
    const raceMs = Date.now() - raceStarted
    watching = false
    await watcher

    const summary = summarize(outcomes)
    console.log(`[reliability] oversell: prepared 40 carts in ${prepMs} ms; race took ${raceMs} ms`, JSON.stringify(summary), `level samples: ${samples.length}`)

    // No server errors at all.
    const fiveXX = outcomes.filter((o) => o.status >= 500)
    expect(fiveXX.map((o) => `${o.status} ${JSON.stringify(o.body)}`)).toEqual([])

    const won = outcomes.filter((o) => o.status === 200 && o.body?.type === "order")
    const lost = outcomes.filter((o) => !(o.status === 200 && o.body?.type === "order"))
    expect(won).toHaveLength(10)
    expect(lost).toHaveLength(30)
    for (const o of lost) {
      // A 4xx whose message a shopper can act on: it names the product and says it is out of stock,
      // and leaks no internal ids.
      // 409: the cart was valid, the stock changed under it.
      expect(o.status, JSON.stringify(o.body)).toBe(409)
      expect(o.body?.code).toBe("insufficient_inventory")
      expect(o.body?.message).toMatch(/out of stock/i)
      expect(o.body?.message).toContain(productTitle)
      expect(o.body?.message).not.toMatch(/iitem_|sloc_|variant_/)
    }

    // The database agrees: exactly the 10 winners have orders, one each.
    const orders = await ordersOfCarts(carts.map((c) => c.cartId))
    expect(orders).toHaveLength(10)
    expect(new Set(orders.map((o) => o.cart_id))).toEqual(new Set(won.map((o) => o.cartId)))
    expect(new Set(orders.map((o) => o.order_id))).toEqual(new Set(won.map((o) => o.body.order.id)))
    // …and so does the admin API.
    for (const o of won) {
      const res = await admin("GET", `/admin/orders/${o.body.order.id}?fields=id,email,payment_status,*items`)
      expect(res.status).toBe(200)
      expect(res.body.order.email).toBe(o.email)
      expect(res.body.order.payment_status).toBe("authorized")
    }
    // No order at all for a loser's email (the failed attempt was rolled back, not left as a stub).
    const loserEmails = lost.map((o) => o.email)
    const stray = await dbQuery(`SELECT id FROM "order" WHERE email = ANY($1) AND deleted_at IS NULL`, [loserEmails])
    expect(stray).toEqual([])

    // Stock: never negative during the race, exactly sold out after it.
    for (const s of samples) {
      expect(s.reserved).toBeLessThanOrEqual(s.stocked)
      expect(s.reserved).toBeGreaterThanOrEqual(0)
    }
    const after = await stockFromDb(product)
    expect(after.stocked).toBe(10)
    expect(after.reserved).toBe(10)
    expect(after.reservations).toHaveLength(10)
    expect(after.reservations.reduce((n, r) => n + r.quantity, 0)).toBe(10)
    expect(await inventoryLevel(product)).toMatchObject({ stocked_quantity: 10, reserved_quantity: 10, available_quantity: 0 })

    // A late shopper can't even put it in the cart any more, and is told why.
    const { cart } = await createCart("vnd")
    const late = await addItem(cart.id, product.variantId, 1)
    expect(late.status, JSON.stringify(late.body)).toBe(409)
    expect(late.body).toMatchObject({ type: "not_allowed", code: "insufficient_inventory" })
  }, 420_000)

  it("completing the same cart 5 times at once places one order with one payment", async () => {
    const stocked = await createStockedProduct(3)
    const { cartId, email } = await readyCart(stocked.variantId, "idem")

    const outcomes = await Promise.all(Array.from({ length: 5 }, () => complete(cartId, email)))
    const summary = summarize(outcomes)
    console.log(`[reliability] idempotency: 5 concurrent completions of one cart`, JSON.stringify(summary))

    expect(outcomes.filter((o) => o.status >= 500).map((o) => JSON.stringify(o.body))).toEqual([])
    const orderIds = new Set<string>()
    for (const o of outcomes) {
      if (o.status === 200) {
        expect(o.body?.type, JSON.stringify(o.body)).toBe("order")
        orderIds.add(o.body.order.id)
      } else {
        // The only acceptable refusal: Medusa's "already being completed" conflict, a 409 with a message.
        expect(o.status, JSON.stringify(o.body)).toBe(409)
        expect(o.body?.message).toMatch(/already being completed|conflicted with another request/i)
      }
    }
    expect(orderIds.size).toBe(1)
    const [orderId] = [...orderIds]

    // A sixth, later call answers the same order.
    const again = await complete(cartId, email)
    expect(again.status).toBe(200)
    expect(again.body.order.id).toBe(orderId)

    const orders = await ordersOfCarts([cartId])
    expect(orders.map((o) => o.order_id)).toEqual([orderId])
    expect(await dbQuery(`SELECT id FROM "order" WHERE email = $1 AND deleted_at IS NULL`, [email])).toHaveLength(1)

    // One payment, authorized once, on the cart's one payment collection.
    const payments = await dbQuery<{ id: string; captured_at: string | null }>(
      `SELECT p.id, p.captured_at FROM payment p
         JOIN cart_payment_collection cpc ON cpc.payment_collection_id = p.payment_collection_id AND cpc.deleted_at IS NULL
        WHERE cpc.cart_id = $1 AND p.deleted_at IS NULL`,
      [cartId]
    )
    expect(payments).toHaveLength(1)
    const order = await admin("GET", `/admin/orders/${orderId}?fields=id,payment_status,*payment_collections.payments`)
    expect(order.status).toBe(200)
    expect(order.body.order.payment_status).toBe("authorized")
    expect(order.body.order.payment_collections.flatMap((pc: any) => pc.payments ?? [])).toHaveLength(1)

    // One reservation of one unit.
    const level = await stockFromDb(stocked)
    expect(level.reserved).toBe(1)
    expect(level.reservations).toHaveLength(1)
  }, 90_000)
})
