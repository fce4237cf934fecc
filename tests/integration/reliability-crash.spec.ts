/**
 * Crash safety of checkout (issue 8): a second backend process on the shared database
 * takes a stream of checkouts and is killed with SIGKILL in the middle of it, then
 * restarted. Afterwards every confirmed order exists exactly once, no cart has two
 * linked orders, stock is never over-reserved, and every cart the crash did not cut
 * off completes normally on the restarted process. Checkouts cut off mid-workflow are
 * measured and reported (half-completed ones are a known, documented gap).
 * The shared backend is never touched by the kill (the extra process has its own group).
 */
import { store } from "../../tests/support/api"
import { startBackendProcess, type BackendProcess } from "../../tests/support/backend-process"
import { createStockedProduct, readyCodCart as readyCart, dbQuery, mapLimit, stockFromDb, type StockedProduct } from "../../tests/support/inventory"

const CARTS = 12
const STREAMS = 4
/** Kill after this many confirmed orders, so some are confirmed and some are in flight. */
const KILL_AFTER_CONFIRMED = 4

type Cart = { cartId: string; email: string }
type Attempt = { cartId: string; outcome: "order" | "refused" | "no-answer"; status?: number; orderId?: string; body?: any }

async function completeAt(baseUrl: string, cartId: string): Promise<Attempt> {
  try {
    const res = await store("POST", `/store/carts/${cartId}/complete`, { baseUrl })
    if (res.status === 200 && res.body?.type === "order") return { cartId, outcome: "order", status: 200, orderId: res.body.order.id }
    return { cartId, outcome: "refused", status: res.status, body: res.body }
  } catch {
    // The connection died with the process: the client never learnt the outcome.
    return { cartId, outcome: "no-answer" }
  }
}

/** Everything the database knows about a cart's checkout. */
async function cartState(cartId: string, email: string) {
  const orders = await dbQuery<{ order_id: string }>(
    `SELECT oc.order_id FROM order_cart oc JOIN "order" o ON o.id = oc.order_id AND o.deleted_at IS NULL
      WHERE oc.cart_id = $1 AND oc.deleted_at IS NULL`,
    [cartId]
  )
  // Orders for this shopper, linked or not: catches an order created but never linked to its cart.
  const byEmail = await dbQuery<{ id: string }>(`SELECT id FROM "order" WHERE email = $1 AND deleted_at IS NULL`, [email])
  // A payment row exists only once its session was authorized.
  const payments = await dbQuery<{ id: string; captured: boolean }>(
    `SELECT p.id, p.captured_at IS NOT NULL AS captured FROM payment p
       JOIN cart_payment_collection cpc ON cpc.payment_collection_id = p.payment_collection_id AND cpc.deleted_at IS NULL
      WHERE cpc.cart_id = $1 AND p.deleted_at IS NULL AND p.canceled_at IS NULL`,
    [cartId]
  )
  const [collection] = await dbQuery<{ status: string }>(
    `SELECT pc.status FROM payment_collection pc
       JOIN cart_payment_collection cpc ON cpc.payment_collection_id = pc.id AND cpc.deleted_at IS NULL
      WHERE cpc.cart_id = $1 AND pc.deleted_at IS NULL`,
    [cartId]
  )
  // complete-cart reserves against the order's line items.
  const reservations = await dbQuery<{ id: string; quantity: number }>(
    `SELECT r.id, r.quantity::float AS quantity FROM reservation_item r
       JOIN order_item oi ON oi.item_id = r.line_item_id AND oi.deleted_at IS NULL
       JOIN order_cart oc ON oc.order_id = oi.order_id AND oc.deleted_at IS NULL
      WHERE oc.cart_id = $1 AND r.deleted_at IS NULL`,
    [cartId]
  )
  const [cart] = await dbQuery<{ completed_at: string | null }>(`SELECT completed_at FROM cart WHERE id = $1`, [cartId])
  return {
    orderIds: orders.map((o) => o.order_id),
    ordersByEmail: byEmail.map((o) => o.id),
    payments,
    collectionStatus: collection?.status,
    reservations,
    completedAt: cart?.completed_at ?? null,
  }
}

describe("checkout survives a backend crash", () => {
  let product: StockedProduct
  let extra: BackendProcess | undefined

  afterAll(async () => {
    await extra?.stop()
  })

  it("kill -9 mid-stream: confirmed orders exist once, untouched carts complete after restart, cut-off checkouts measured", async () => {
    product = await createStockedProduct(CARTS + 4)
    const carts = await mapLimit(Array.from({ length: CARTS }), 6, (_, i) => readyCart(product.variantId, i))
    const email = new Map(carts.map((c) => [c.cartId, c.email]))

    const bootStarted = Date.now()
    extra = await startBackendProcess({ timeoutMs: 120_000 })
    const bootMs = Date.now() - bootStarted
    const port = extra.port

    // Stream checkouts at the extra backend; SIGKILL it once enough are confirmed.
    const queue = [...carts]
    const attempts: Attempt[] = []
    let confirmed = 0
    let killed = false
    let killAt = 0
    const victim = extra
    const streamStarted = Date.now()
    await Promise.all(
      Array.from({ length: STREAMS }, async () => {
        while (queue.length && !killed) {
          const cart = queue.shift()!
          const attempt = await completeAt(victim.url, cart.cartId)
          attempts.push(attempt)
          if (attempt.outcome === "order") confirmed++
          if (!killed && confirmed >= KILL_AFTER_CONFIRMED) {
            killed = true
            killAt = Date.now()
            // The other streams are mid-request: the kill lands inside their workflows.
            await victim.kill("SIGKILL")
          }
        }
      })
    )
    expect(killed).toBe(true)
    const exit = await victim.exited
    expect(exit.signal).toBe("SIGKILL")

    const restartStarted = Date.now()
    extra = await startBackendProcess({ port, timeoutMs: 120_000 })
    const restartMs = Date.now() - restartStarted

    const confirmedAttempts = attempts.filter((a) => a.outcome === "order")
    const noAnswer = attempts.filter((a) => a.outcome === "no-answer")
    const refused = attempts.filter((a) => a.outcome === "refused")
    console.log(
      `[reliability] crash: boot ${bootMs} ms, ${attempts.length} attempts before the kill ` +
        `(${confirmedAttempts.length} confirmed, ${noAnswer.length} cut off, ${refused.length} refused), ` +
        `stream ${killAt - streamStarted} ms, restart ${restartMs} ms`
    )
    const label = (cartId: string) =>
      `cart ${cartId} (${attempts.find((a) => a.cartId === cartId)?.outcome ?? "not attempted"})`
    // Before the crash nothing may be refused: every cart was valid and stock was ample.
    expect(refused.map((a) => `${a.status} ${JSON.stringify(a.body)}`)).toEqual([])

    // 1. Every confirmed order exists exactly once, linked to its cart.
    for (const a of confirmedAttempts) {
      const state = await cartState(a.cartId, email.get(a.cartId)!)
      expect(state.orderIds).toEqual([a.orderId])
      expect(state.ordersByEmail).toEqual([a.orderId])
    }

    // 2. Carts whose request the crash cut off: Medusa's complete-cart commits its steps one by one
    //    (order → links + completed_at + reservation → payment authorization) and nothing rolls an
    //    interrupted one back on restart, so such a cart may be half-completed. That gap is open
    //    (README, "Known gap"): here it is measured and reported, and only what holds is asserted —
    //    never two orders linked to one cart, never more reserved than stocked.
    const cutOff = new Set(noAnswer.map((a) => a.cartId))
    const halfCompleted: string[] = []
    for (const c of carts.filter((c) => cutOff.has(c.cartId))) {
      const state = await cartState(c.cartId, c.email)
      expect(state.orderIds.length, `${label(c.cartId)}: ${JSON.stringify(state)}`).toBeLessThanOrEqual(1)
      const whole =
        state.orderIds.length === 1 &&
        state.ordersByEmail.length === 1 &&
        state.payments.length === 1 &&
        /^(authorized|completed)$/.test(state.collectionStatus ?? "") &&
        state.reservations.length === 1
      const untouched = state.ordersByEmail.length === 0 && state.payments.length === 0 && state.reservations.length === 0
      if (!whole && !untouched) halfCompleted.push(`${c.cartId}: ${JSON.stringify(state)}`)
    }
    console.log(
      `[reliability] crash: ${cutOff.size} checkouts cut off by the kill, ${halfCompleted.length} left half-completed` +
        (halfCompleted.length ? `:\n  ${halfCompleted.join("\n  ")}` : "")
    )

    // 3. Carts the crash did not touch complete on the restarted process; confirmed ones answer the same order.
    const untouchedCarts = carts.filter((c) => !cutOff.has(c.cartId))
    const retried = await mapLimit(untouchedCarts, 4, (c) => completeAt(extra!.url, c.cartId))
    for (const r of retried) {
      expect(r.outcome, `${r.cartId}: ${r.status} ${JSON.stringify(r.body)}`).toBe("order")
      const before = confirmedAttempts.find((a) => a.cartId === r.cartId)
      if (before) expect(r.orderId).toBe(before.orderId)
    }
    for (const c of untouchedCarts) {
      const state = await cartState(c.cartId, c.email)
      expect(state.orderIds, `${c.cartId}: ${JSON.stringify(state)}`).toHaveLength(1)
      expect(state.ordersByEmail).toEqual(state.orderIds)
      expect(state.payments).toHaveLength(1)
      expect(state.collectionStatus).toMatch(/^(authorized|completed)$/)
      expect(state.reservations).toHaveLength(1)
      expect(state.completedAt).not.toBeNull()
    }

    // 4. Stock: one unit reserved per reservation, never more than stocked.
    const stock = await stockFromDb(product)
    expect(stock.stocked).toBe(CARTS + 4)
    expect(stock.reserved).toBe(stock.reservations.length)
    expect(stock.reservations.length).toBeGreaterThanOrEqual(untouchedCarts.length)
    expect(stock.reserved).toBeLessThanOrEqual(stock.stocked)
  }, 420_000)
})
