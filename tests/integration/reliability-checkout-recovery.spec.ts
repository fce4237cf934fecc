/**
 * Checkout recovery (issue 8, "no cart is left half-completed"), made deterministic: a second
 * backend process is stopped by the database at two exact points inside Medusa's complete-cart
 * and killed there with SIGKILL:
 *
 *   cart A — after its order was written, before the order was linked to the cart
 *            (a table lock on `order_cart` holds the link insert): an orphan order;
 *   cart B — after the order was linked, before the payment was authorized
 *            (a table lock on `payment` holds the authorization): an unpaid "placed" order.
 *
 * Both states are asserted right after the kill (so the test fails if Medusa ever stops
 * producing them, rather than passing vacuously). After a restart, A's shopper retries at once:
 * the complete route repairs the cart first and places exactly one order. B's shopper never
 * comes back: the recovery job (run through its admin route) rolls the checkout back — order
 * retired, stock released, cart reopened — and a later retry places one order.
 */
import pg from "pg"
import { admin, store } from "../support/api"
import { sharedBackendEnv, startBackendProcess, type BackendProcess } from "../support/backend-process"
import { cartCheckoutState, isUntouched, isWhole } from "../support/checkout-state"
import { createStockedProduct, dbQuery, readyCodCart, stockFromDb } from "../support/inventory"
import { until } from "../support/wait"

/** A session holding an EXCLUSIVE lock on `table` (reads go on, writes wait) until release(). */
async function holdWrites(table: string) {
  const client = new pg.Client({ connectionString: process.env.OCOP_DATABASE_URL })
  await client.connect()
  await client.query("BEGIN")
  await client.query(`LOCK TABLE "${table}" IN EXCLUSIVE MODE`)
  return {
    release: async () => {
      await client.query("ROLLBACK").catch(() => {})
      await client.end().catch(() => {})
    },
  }
}

/** Someone is waiting for the lock on `table`: the checkout is parked at that write. */
async function waitingOn(table: string): Promise<boolean> {
  const rows = await dbQuery(
    `SELECT 1 FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = $1 AND NOT l.granted`,
    [table]
  )
  return rows.length > 0
}

async function complete(baseUrl: string, cartId: string) {
  try {
    const res = await store("POST", `/store/carts/${cartId}/complete`, { baseUrl })
    return { status: res.status, body: res.body }
  } catch {
    return { status: 0, body: null } // the process died under the request
  }
}

describe("a checkout cut off by a crash is repaired, never duplicated", () => {
  let extra: BackendProcess | undefined
  const locks: { release: () => Promise<void> }[] = []

  afterAll(async () => {
    for (const l of locks) await l.release()
    await extra?.stop()
  })

  it("orphan order (retry repairs it) and unpaid linked order (the job repairs it)", async () => {
    const product = await createStockedProduct(5)
    const a = await readyCodCart(product.variantId, "recover-a")
    const b = await readyCodCart(product.variantId, "recover-b")
    // B uses a promotion with a usage limit: its usage is registered with the order, and must be
    // given back when the checkout is rolled back (and counted again when it is placed).
    const code = `RECOVER${Date.now().toString(36).toUpperCase()}`
    const promo = await admin("POST", "/admin/promotions", {
      code,
      type: "standard",
      status: "active",
      limit: 5,
      application_method: { type: "percentage", target_type: "order", allocation: "across", value: 10, currency_code: "vnd" },
    })
    expect(promo.status, JSON.stringify(promo.body)).toBe(200)
    const applied = await store("POST", `/store/carts/${b.cartId}/promotions`, { body: { promo_codes: [code] } })
    expect(applied.status, JSON.stringify(applied.body)).toBe(200)
    // A new total drops the cart's payment session (Medusa re-prices the collection): start it again.
    const [collection] = await dbQuery(`SELECT payment_collection_id AS id FROM cart_payment_collection WHERE cart_id = $1 AND deleted_at IS NULL`, [b.cartId])
    const session = await store("POST", `/store/payment-collections/${collection.id}/payment-sessions`, { body: { provider_id: "pp_cod_cod", data: {} } })
    expect(session.status, JSON.stringify(session.body)).toBe(200)
    const used = async () => Number((await dbQuery(`SELECT used FROM promotion WHERE code = $1`, [code]))[0].used)
    // Carts carry their own id from creation on: the order copies it, which is how an orphan is found.
    const [tagged] = await dbQuery(`SELECT metadata ->> 'checkout_cart_id' AS tag FROM cart WHERE id = $1`, [a.cartId])
    expect(tagged.tag).toBe(a.cartId)
    // The job's own schedule must not act during the test: its threshold is an hour here,
    // and the test runs it on demand with older_than_seconds: 0.
    const env = { OCOP_CHECKOUT_RECOVERY_AFTER_SECONDS: "3600" }
    extra = await startBackendProcess({ env: { ...sharedBackendEnv(), ...env }, timeoutMs: 120_000 })
    const victim = extra
    const port = extra.port

    // B: park it at payment authorization (its order is written and linked by then).
    const paymentLock = await holdWrites("payment")
    locks.push(paymentLock)
    const pendingB = complete(victim.url, b.cartId)
    await until(async () =>
      (await dbQuery(`SELECT 1 FROM order_cart WHERE cart_id = $1 AND deleted_at IS NULL`, [b.cartId])).length > 0
    , { what: "cart B's order to be linked" })
    await until(() => waitingOn("payment"), { what: "cart B to wait on the payment table" })

    // A: park it at the order ↔ cart link (its order is written by then).
    const linkLock = await holdWrites("order_cart")
    locks.push(linkLock)
    const pendingA = complete(victim.url, a.cartId)
    await until(async () =>
      (await dbQuery(`SELECT 1 FROM "order" WHERE metadata ->> 'checkout_cart_id' = $1`, [a.cartId])).length > 0
    , { what: "cart A's order to be written" })
    await until(() => waitingOn("order_cart"), { what: "cart A to wait on the link table" })
    // The rest of A's parallel batch (completed_at, the reservation) commits beside the parked link: wait for both.
    await until(
      async () => {
        const state = await cartCheckoutState(a.cartId, a.email)
        return state.completedAt !== null && state.reservations.length > 0
      },
      { what: "cart A's completed_at and reservation to commit" }
    )

    victim.kill("SIGKILL")
    expect((await victim.exited).signal).toBe("SIGKILL")
    await linkLock.release()
    await paymentLock.release()
    expect((await pendingA).status).toBe(0)
    expect((await pendingB).status).toBe(0)

    // What the crash left: A has an order linked to no cart, B an order with no authorized payment.
    const cutA = await cartCheckoutState(a.cartId, a.email)
    expect(cutA.orderIds).toEqual([])
    expect(cutA.ordersByEmail).toHaveLength(1)
    expect(cutA.reservations).toHaveLength(1)
    const cutB = await cartCheckoutState(b.cartId, b.email)
    expect(cutB.orderIds).toHaveLength(1)
    expect(cutB.payments).toHaveLength(0)
    expect(isWhole(cutA) || isUntouched(cutA)).toBe(false)
    expect(isWhole(cutB) || isUntouched(cutB)).toBe(false)
    const orphanA = cutA.ordersByEmail[0]
    const unpaidB = cutB.orderIds[0]
    expect(await used()).toBe(1) // registered beside the links, before authorization

    extra = await startBackendProcess({ env: { ...sharedBackendEnv(), ...env }, port, timeoutMs: 120_000 })

    // A's shopper retries at once: one order, not the orphan and not a second one beside it.
    const retryA = await complete(extra.url, a.cartId)
    expect(retryA.status, JSON.stringify(retryA.body)).toBe(200)
    expect(retryA.body.type).toBe("order")
    expect(retryA.body.order.id).not.toBe(orphanA)
    const afterA = await cartCheckoutState(a.cartId, a.email)
    expect(isWhole(afterA), JSON.stringify(afterA)).toBe(true)
    expect(afterA.orderIds).toEqual([retryA.body.order.id])
    const retiredA = afterA.tagged.find((o) => o.id === orphanA)
    expect(retiredA).toMatchObject({ deleted: true, recovery: { reason: "orphan-order", cart_id: a.cartId } })

    // B's shopper is gone: the recovery job rolls the checkout back.
    const run = await admin("POST", "/admin/ocop/jobs/recover-checkouts", { older_than_seconds: 0 })
    expect(run.status, JSON.stringify(run.body)).toBe(200)
    expect(run.body.failed).toEqual([])
    expect(run.body.recovered).toContainEqual({
      cart_id: b.cartId,
      action: "roll-back",
      reason: "payment-not-authorized",
      order_ids: [unpaidB],
    })
    // A was repaired already: the job has nothing more to do for it.
    expect(run.body.recovered.map((r: any) => r.cart_id)).not.toContain(a.cartId)
    const afterB = await cartCheckoutState(b.cartId, b.email)
    expect(isUntouched(afterB), JSON.stringify(afterB)).toBe(true)
    expect(await used()).toBe(0)
    // Running it again changes nothing (idempotent).
    const again = await admin("POST", "/admin/ocop/jobs/recover-checkouts", { older_than_seconds: 0 })
    expect(again.body.recovered.map((r: any) => r.cart_id)).not.toContain(b.cartId)

    // B's shopper comes back later: one order, authorized.
    const retryB = await complete(extra.url, b.cartId)
    expect(retryB.status, JSON.stringify(retryB.body)).toBe(200)
    expect(retryB.body.order.id).not.toBe(unpaidB)
    expect(isWhole(await cartCheckoutState(b.cartId, b.email))).toBe(true)
    expect(await used()).toBe(1)

    // Stock: exactly the two placed orders hold a unit each.
    const stock = await stockFromDb(product)
    expect(stock.reservations).toHaveLength(2)
    expect(stock.reserved).toBe(2)
  }, 400_000)

  it("the recovery route validates its input", async () => {
    for (const body of [{ older_than_seconds: -1 }, { older_than_seconds: "0" }, { older_than_seconds: 1.5 }, { extra: true }]) {
      const res = await admin("POST", "/admin/ocop/jobs/recover-checkouts", body)
      expect(res.status, JSON.stringify(body)).toBe(400)
    }
    const anonymous = await store("POST", "/admin/ocop/jobs/recover-checkouts", { body: {} })
    expect(anonymous.status).toBe(401)
  })
})
