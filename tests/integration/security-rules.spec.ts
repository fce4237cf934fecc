/**
 * Security issue 13, items 5, 8 and 9 — each test fails on the code before the fix:
 *  5. Deployment safety: without OCOP_DEMO=true the built backend refuses to start, naming every
 *     missing setting in one message (NODE_ENV no longer decides), and the seed refuses to create
 *     the demo logins and DEMO- certificates.
 *  8. Admin order paths (draft order create and edit, order edit, exchange and claim outbound
 *     items) refuse a product that may not be sold: 400 `ocop_product_not_sellable` naming it,
 *     and the order is left as it was.
 *  9. Producer-submitted certificates: valid_until is bounded by the 36-month rule, and a pending
 *     submission never blocks the admin recording the real certificate number (its approval is
 *     then a 409).
 */
import { spawn } from "node:child_process"
import path from "node:path"
import { admin, http, store, uniq } from "../support/api"
import { BUILT_BACKEND_DIR, freePort, sharedBackendEnv } from "../support/backend-process"
import { completeCart, region, VN_ADDRESS } from "../support/checkout"
import { dbQuery, readyCodCart } from "../support/inventory"
import { certificationBody, createSellableProduct } from "../support/ocop"
import { listingBody, newProducer, producerCertificationBody } from "../support/producer"

const ROOT = path.resolve(__dirname, "..", "..")
const MEDUSA = path.join(ROOT, "node_modules", ".bin", "medusa")

const running = new Set<number>()
afterAll(() => {
  for (const pid of running) {
    try {
      process.kill(-pid, "SIGKILL")
    } catch {}
  }
})

/** Runs a Medusa CLI command in its own process group until it exits (killed after `timeoutMs`). */
function runToExit(args: string[], cwd: string, env: Record<string, string | undefined>, timeoutMs = 120_000) {
  return new Promise<{ code: number | null; out: string; timedOut: boolean }>((resolve) => {
    const child = spawn(MEDUSA, args, { cwd, env: env, detached: true, stdio: ["ignore", "pipe", "pipe"] })
    running.add(child.pid!)
    let out = ""
    child.stdout.on("data", (d) => (out += d))
    child.stderr.on("data", (d) => (out += d))
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      try {
        process.kill(-child.pid!, "SIGKILL")
      } catch {}
    }, timeoutMs)
    child.on("exit", (code) => {
      clearTimeout(timer)
      try {
        process.kill(-child.pid!, "SIGKILL") // whatever it started goes with it
      } catch {}
      running.delete(child.pid!)
      resolve({ code, out, timedOut })
    })
  })
}

const without = (env: Record<string, string>, ...names: string[]) => {
  const copy: Record<string, string | undefined> = { ...env }
  for (const n of names) delete copy[n]
  return copy
}

const PRODUCTION_BANK = {
  BANK_TRANSFER_BIN: "970415",
  BANK_TRANSFER_ACCOUNT: "113366668888",
  BANK_TRANSFER_ACCOUNT_NAME: "HTX OCOP HUE TEST",
  BANK_TRANSFER_BANK_NAME: "VietinBank (test)",
}

describe("5. deployment safety: no demo fallbacks without OCOP_DEMO=true", () => {
  it("the built backend with no settings refuses to start, naming each missing setting in one message", async () => {
    const port = await freePort()
    // NODE_ENV=development on purpose: the old rule fell back to known secrets whenever it was not "production".
    const res = await runToExit(["start"], BUILT_BACKEND_DIR, {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "development",
      PORT: String(port),
      STRIPE_API_KEY: "sk_live_ocop_test",
      MEDUSA_DISABLE_TELEMETRY: "true",
    })
    expect(res.timedOut).toBe(false)
    expect(res.code).not.toBe(0)
    const message = /Refusing to start: OCOP_DEMO is not "true"[\s\S]*?Set them/.exec(res.out)?.[0]
    expect(message, res.out.slice(-3000)).toBeTruthy()
    for (const name of [
      "JWT_SECRET",
      "COOKIE_SECRET",
      "DATABASE_URL",
      "BANK_TRANSFER_BIN",
      "BANK_TRANSFER_ACCOUNT",
      "BANK_TRANSFER_ACCOUNT_NAME",
      "BANK_TRANSFER_BANK_NAME",
      "STRIPE_WEBHOOK_SECRET",
    ]) {
      expect(message).toMatch(new RegExp(`- ${name} must be set`))
    }
    const listening = await fetch(`http://127.0.0.1:${port}/health`).then(
      () => true,
      () => false
    )
    expect(listening).toBe(false)
  }, 150_000)

  it("the demo's environment without OCOP_DEMO is refused for the demo bank account alone", async () => {
    // Secrets and database of the shared test backend, but no OCOP_DEMO: the bank transfer
    // provider used to fall back to the demo account here.
    const res = await runToExit(["start"], BUILT_BACKEND_DIR, {
      ...without(sharedBackendEnv(), "OCOP_DEMO", ...Object.keys(PRODUCTION_BANK)),
      NODE_ENV: "production",
      PORT: String(await freePort()),
    })
    expect(res.timedOut).toBe(false)
    expect(res.code).not.toBe(0)
    // NODE_ENV=production: Medusa logs JSON, the message's line breaks escaped — match the items anywhere.
    // (Medusa logs the error's message, then its stack, which repeats it.)
    const problems = [...new Set([...res.out.matchAll(/- ([A-Z_]+) must be set/g)].map((m) => m[1]))]
    expect(problems).toEqual(["BANK_TRANSFER_BIN", "BANK_TRANSFER_ACCOUNT", "BANK_TRANSFER_ACCOUNT_NAME", "BANK_TRANSFER_BANK_NAME"])
  }, 150_000)

  it("the seed refuses to create demo logins and DEMO- certificates without OCOP_DEMO, and writes nothing", async () => {
    const count = async () => {
      const [row] = await dbQuery(
        `SELECT (SELECT count(*) FROM certification) AS certifications, (SELECT count(*) FROM producer_user) AS producer_users,
                (SELECT count(*) FROM provider_identity) AS identities, (SELECT count(*) FROM producer) AS producers`
      )
      return row
    }
    const before = await count()
    // A complete production environment (the config loads), so what refuses is the seed itself.
    const res = await runToExit(["exec", "./src/scripts/seed.ts"], path.join(ROOT, "backend"), {
      ...without(sharedBackendEnv(), "OCOP_DEMO"),
      ...PRODUCTION_BANK,
      NODE_ENV: "development",
      OCOP_SEARCH_SYNC: "off",
    })
    expect(res.timedOut).toBe(false)
    expect(res.code, res.out.slice(-3000)).not.toBe(0)
    expect(res.out).toMatch(/Refusing to create the demo catalogue \(DEMO- certificates, demo producer logins\): OCOP_DEMO is not "true"/)
    expect(await count()).toEqual(before)
  }, 150_000)
})

describe("8. admin order paths refuse unsellable products", () => {
  let sellable: { variantId: string; productId: string }
  let drafted: { variantId: string; certificationId: string; title: string; productId: string }
  let unsellable: { variantId: string; productId: string; title: string }
  let regionId: string

  beforeAll(async () => {
    const s = await createSellableProduct()
    sellable = { variantId: s.product.variants[0].id, productId: s.product.id }
    const d = await createSellableProduct()
    drafted = { variantId: d.product.variants[0].id, certificationId: d.certification.id, title: d.product.title, productId: d.product.id }
    // Once sellable (so it has prices and would be added without the guard), then revoked.
    const u = await createSellableProduct()
    const revoke = await admin("POST", `/admin/ocop/certifications/${u.certification.id}/revoke`, { reason: "Security test: unsellable" })
    expect(revoke.status).toBe(200)
    unsellable = { variantId: u.product.variants[0].id, productId: u.product.id, title: u.product.title }
    regionId = (await region("vnd")).id
  })

  const expectRefused = (res: { status: number; body: any }, product: { title: string; productId: string } = unsellable) => {
    expect(res.status, JSON.stringify(res.body)).toBe(400)
    expect(res.body).toMatchObject({ type: "not_allowed", code: "ocop_product_not_sellable" })
    expect(res.body.message).toContain(product.title)
    expect(res.body.message).toContain(product.productId)
  }

  /** The order as it would be after its pending change (draft edit, order edit, exchange, claim). */
  const previewVariantIds = async (orderId: string) => {
    const preview = await admin("GET", `/admin/orders/${orderId}/preview`)
    expect(preview.status).toBe(200)
    return (preview.body.order.items ?? []).map((i: any) => i.variant_id)
  }

  async function placedOrder(tag: string) {
    const { cartId } = await readyCodCart(sellable.variantId, tag)
    const done = await completeCart(cartId)
    expect(done.status, JSON.stringify(done.body)).toBe(200)
    expect(done.body.type).toBe("order")
    return done.body.order.id as string
  }

  it("every path refuses it with 400 ocop_product_not_sellable and leaves the order unchanged", async () => {
    // Draft order created with the product: refused, no draft order exists.
    const email = `sec-draft-${uniq()}@example.com`
    const draftBody = (variantId: string) => ({ region_id: regionId, email, shipping_address: VN_ADDRESS, items: [{ variant_id: variantId, quantity: 1 }] })
    expectRefused(await admin("POST", "/admin/draft-orders", draftBody(unsellable.variantId)))
    expect(await dbQuery(`SELECT id FROM "order" WHERE email = $1`, [email])).toEqual([])

    // A draft order with a sellable product, then an edit that adds the unsellable one.
    const draft = await admin("POST", "/admin/draft-orders", draftBody(drafted.variantId))
    expect(draft.status, JSON.stringify(draft.body)).toBe(200)
    const draftId = draft.body.draft_order.id
    expect((await admin("POST", `/admin/draft-orders/${draftId}/edit`, {})).status).toBe(200)
    expectRefused(await admin("POST", `/admin/draft-orders/${draftId}/edit/items`, { items: [{ variant_id: unsellable.variantId, quantity: 1 }] }))
    expect(await previewVariantIds(draftId)).toEqual([drafted.variantId])
    // Its product loses its certification before the draft is converted: the conversion is refused too.
    expect((await admin("DELETE", `/admin/draft-orders/${draftId}/edit`)).status).toBe(200)
    expect((await admin("POST", `/admin/ocop/certifications/${drafted.certificationId}/revoke`, { reason: "Security test: revoked before conversion" })).status).toBe(200)
    expectRefused(await admin("POST", `/admin/draft-orders/${draftId}/convert-to-order`, {}), drafted)
    expect((await admin("GET", `/admin/draft-orders/${draftId}`)).body.draft_order.status).toBe("draft")

    // Order edit of a placed order.
    const edited = await placedOrder("sec-edit")
    expect((await admin("POST", "/admin/order-edits", { order_id: edited })).status).toBe(200)
    expectRefused(await admin("POST", `/admin/order-edits/${edited}/items`, { items: [{ variant_id: unsellable.variantId, quantity: 1 }] }))
    expect(await previewVariantIds(edited)).toEqual([sellable.variantId])
    // The same path still adds a sellable product: the refusal is the rule, not a broken route.
    const ok = await admin("POST", `/admin/order-edits/${edited}/items`, { items: [{ variant_id: sellable.variantId, quantity: 1 }] })
    expect(ok.status, JSON.stringify(ok.body)).toBe(200)

    // Exchange outbound items.
    const exchanged = await placedOrder("sec-exchange")
    const exchange = await admin("POST", "/admin/exchanges", { order_id: exchanged })
    expect(exchange.status, JSON.stringify(exchange.body)).toBe(200)
    expectRefused(
      await admin("POST", `/admin/exchanges/${exchange.body.exchange.id}/outbound/items`, { items: [{ variant_id: unsellable.variantId, quantity: 1 }] })
    )
    expect(await previewVariantIds(exchanged)).toEqual([sellable.variantId])

    // Claim (replacement) outbound items.
    const claimed = await placedOrder("sec-claim")
    const claim = await admin("POST", "/admin/claims", { order_id: claimed, type: "replace" })
    expect(claim.status, JSON.stringify(claim.body)).toBe(200)
    expectRefused(
      await admin("POST", `/admin/claims/${claim.body.claim.id}/outbound/items`, { items: [{ variant_id: unsellable.variantId, quantity: 1 }] })
    )
    expect(await previewVariantIds(claimed)).toEqual([sellable.variantId])
  }, 180_000)
})

describe("9. producer-submitted certificates", () => {
  it("valid_until is bounded by 36 months, and a pending submission never blocks the real number", async () => {
    const p = await newProducer()
    const as = (method: string, url: string, body?: unknown) => http(method, url, { token: p.token, body })
    const created = await as("POST", "/producers/me/products", listingBody())
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const productId = created.body.product.id as string
    const certificationsOfProduct = async () =>
      (await admin("GET", `/admin/ocop/certifications?product_id=${productId}`)).body.certifications as any[]

    // A decision of two months ago valid until 2099: refused by the validator, naming valid_until.
    const tooLong = await as("POST", `/producers/me/products/${productId}/certification`, producerCertificationBody({ valid_until: "2099-12-31" }))
    expect(tooLong.status, JSON.stringify(tooLong.body)).toBe(400)
    expect(tooLong.body.type).toBe("invalid_data")
    expect(tooLong.body.message).toMatch(/valid_until/)
    expect(tooLong.body.message).toMatch(/36 months/)
    expect(await certificationsOfProduct()).toEqual([])
    // The workflow applies the same rule to every entry (here the admin's): 37 months is one too many.
    const adminTooLong = await admin(
      "POST",
      "/admin/ocop/certifications",
      certificationBody(productId, { decision_date: "2025-01-15", valid_until: "2028-02-15" })
    )
    expect(adminTooLong.status, JSON.stringify(adminTooLong.body)).toBe(400)
    expect(adminTooLong.body).toMatchObject({ type: "invalid_data" })
    expect(adminTooLong.body.message).toMatch(/^valid_until must be at most 36 months after valid_from/)
    expect(await certificationsOfProduct()).toEqual([])

    // The producer submits a number; it waits for review.
    const number = `SEC-${uniq().toUpperCase()}`
    const submitted = await as("POST", `/producers/me/products/${productId}/certification`, producerCertificationBody({ certificate_number: number }))
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201)
    const pendingId = submitted.body.certification.id as string
    expect(submitted.body.certification.status).toBe("pending_review")

    // The admin records the real certificate with that number: accepted despite the pending one.
    const real = await admin("POST", "/admin/ocop/certifications", certificationBody(productId, { certificate_number: number }))
    expect(real.status, JSON.stringify(real.body)).toBe(201)
    expect(real.body.certification).toMatchObject({ certificate_number: number, status: "active" })
    // A second decision on record with the number is still a conflict.
    const again = await admin("POST", "/admin/ocop/certifications", certificationBody(productId, { certificate_number: number }))
    expect(again.status).toBe(409)

    // Approving the pending submission would put the number on record twice: 409, nothing changes.
    const approve = await admin("POST", `/admin/ocop/certifications/${pendingId}/approve`, {})
    expect(approve.status, JSON.stringify(approve.body)).toBe(409)
    expect(approve.body.type).toBe("conflict")
    expect(approve.body.message).toContain(number)
    const after = await certificationsOfProduct()
    expect(after.map((c) => [c.id, c.status]).sort()).toEqual(
      [
        [pendingId, "pending_review"],
        [real.body.certification.id, "active"],
      ].sort()
    )
    const history = await admin("GET", `/admin/ocop/certifications/${pendingId}`)
    expect(history.body.certification.events.map((e: any) => e.type)).toEqual(["submitted"])

    // The public verification shows the decision on record, not the submission.
    const verified = await store("GET", `/store/ocop/certificates/${number}`)
    expect(verified.status).toBe(200)
    expect(verified.body.certificate).toMatchObject({ id: real.body.certification.id, status: "active" })
  }, 120_000)
})
