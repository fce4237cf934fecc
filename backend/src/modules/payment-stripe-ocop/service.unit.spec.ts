/**
 * The OCOP Stripe provider against the local Stripe test server: amounts on the
 * wire, idempotency keys on every write, decline messages, webhook verification.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { MedusaError, PaymentActions, PaymentSessionStatus } from "@medusajs/framework/utils"
import { signStripePayload, startStripeServer, type StripeServer } from "../../../../tests/support/stripe-server"
import StripeOcopProviderService, { declineMessage } from "./service"

const WEBHOOK_SECRET = "whsec_unit"
let server: StripeServer
let provider: StripeOcopProviderService
let manualProvider: StripeOcopProviderService

function makeProvider(capture: boolean) {
  return new StripeOcopProviderService(
    {},
    {
      apiKey: "sk_test_unit",
      webhookSecret: WEBHOOK_SECRET,
      capture,
      apiHost: "127.0.0.1",
      apiPort: server.port,
      apiProtocol: "http",
    }
  )
}

/** What Stripe.js does in the browser: confirm with the publishable key and the client secret. */
async function confirmInBrowser(pi: { id: string; client_secret: string }, paymentMethod: string) {
  const res = await fetch(`${server.url}/v1/payment_intents/${pi.id}/confirm`, {
    method: "POST",
    headers: { Authorization: "Bearer pk_test_unit", "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      payment_method: paymentMethod,
      client_secret: pi.client_secret,
      return_url: "http://localhost:8000/checkout",
    }).toString(),
  })
  return { status: res.status, body: (await res.json()) as any }
}

/** The provider's own writes (secret key), excluding the browser's publishable-key confirmations. */
function providerWrites() {
  return server.requests.filter((r) => r.method === "POST" && String(r.headers.authorization ?? "").includes("sk_test_unit"))
}

async function initiate(amount: number, currency: string, sessionId = `payses_${Math.random().toString(36).slice(2)}`) {
  const out = await provider.initiatePayment({ amount, currency_code: currency, data: { session_id: sessionId }, context: { idempotency_key: sessionId } })
  return { out, sessionId, pi: out.data as any }
}

beforeAll(async () => {
  server = await startStripeServer()
  provider = makeProvider(true)
  manualProvider = makeProvider(false)
})

afterAll(async () => {
  await server?.stop()
})

beforeEach(() => server.reset())

describe("client", () => {
  it("keeps the official client pointing at api.stripe.com unless apiHost is given", () => {
    const official = new StripeOcopProviderService({}, { apiKey: "sk_test_x", webhookSecret: "whsec_x" })
    expect((official as any).stripe_._api.host).toBe("api.stripe.com")
    expect((official as any).stripe_._api.protocol).toBe("https")
    expect((provider as any).stripe_._api.host).toBe("127.0.0.1")
    expect((provider as any).stripe_._api.port).toBe(server.port)
    expect(StripeOcopProviderService.identifier).toBe("stripe")
  })
})

describe("amounts in the smallest currency unit", () => {
  it.each([
    [45000, "vnd", "amount=45000&currency=vnd"],
    [95000, "vnd", "amount=95000&currency=vnd"],
    [5, "usd", "amount=500&currency=usd"],
    [12.34, "usd", "amount=1234&currency=usd"],
  ])("sends %s %s as %s", async (amount, currency, wire) => {
    const { pi } = await initiate(amount, currency)
    const create = server.requests.find((r) => r.method === "POST" && r.path === "/v1/payment_intents")!
    expect(create.rawBody).toContain(wire)
    expect(pi.amount).toBe(Number(/amount=(\d+)/.exec(wire)![1]))
    expect(pi.currency).toBe(currency)
  })

  it("refunds partially then fully in whole đồng", async () => {
    const { pi } = await initiate(95000, "vnd")
    expect((await confirmInBrowser(pi, "pm_card_visa")).status).toBe(200)
    const auth = await provider.authorizePayment({ data: pi, context: { idempotency_key: "payses_x" } })
    expect(auth.status).toBe(PaymentSessionStatus.CAPTURED)
    await provider.refundPayment({ amount: { value: "20000", precision: 20 } as any, data: auth.data, context: { idempotency_key: "ref_1" } })
    await provider.refundPayment({ amount: 75000, data: auth.data, context: { idempotency_key: "ref_2" } })
    const refunds = server.requests.filter((r) => r.path === "/v1/refunds" && r.method === "POST")
    expect(refunds.map((r) => r.body.amount)).toEqual(["20000", "75000"])
    expect(refunds.map((r) => r.idempotencyKey)).toEqual(["refund:ref_1", "refund:ref_2"])
    expect(server.charges.get(server.paymentIntents.get(pi.id)!.latest_charge!)!.refunded).toBe(true)
  })
})

describe("idempotency keys", () => {
  it("puts a key on every write, even when Medusa gives none", async () => {
    // Session lifecycle as the payment module drives it, with and without context keys.
    const { pi: first } = await initiate(45000, "vnd", "payses_A")
    await provider.updatePayment({ amount: 55000, currency_code: "vnd", data: first })
    await provider.deletePayment({ data: first }) // the module passes no context here
    const { pi } = await manualProviderInitiate("payses_B")
    expect((await confirmInBrowser(pi, "pm_card_visa")).status).toBe(200)
    const auth = await manualProvider.authorizePayment({ data: pi })
    expect(auth.status).toBe(PaymentSessionStatus.AUTHORIZED)
    await manualProvider.capturePayment({ data: auth.data, context: { idempotency_key: "capt_1" } })
    await manualProvider.refundPayment({ amount: 1000, data: auth.data }) // no key from the caller
    const holder = await provider.createAccountHolder({
      context: { customer: { id: "cus_01", email: "a@b.vn", first_name: "An", last_name: "Nguyễn" } as any },
    })
    await provider.updateAccountHolder({
      context: { account_holder: { data: { id: holder.id } } as any, customer: { id: "cus_01", email: "b@b.vn" } as any },
    })
    const saved = await provider.savePaymentMethod({
      context: { account_holder: { data: { id: holder.id } } as any },
      data: { payment_method: "pm_card_visa", confirm: true, payment_method_types: ["card"] },
    })
    await provider.deletePaymentMethod({ data: { id: (saved.data as any).payment_method } })

    const writes = providerWrites()
    const paths = writes.map((w) => w.path.replace(/(pi|cus|pm)_[A-Za-z0-9]+/, ":id"))
    expect(paths).toEqual([
      "/v1/payment_intents",
      "/v1/payment_intents/:id",
      "/v1/payment_intents/:id/cancel",
      "/v1/payment_intents",
      "/v1/payment_intents/:id/capture",
      "/v1/refunds",
      "/v1/customers",
      "/v1/customers/:id",
      "/v1/setup_intents",
      "/v1/payment_methods/:id/detach",
    ])
    // Our keys, not the client's automatic "stripe-node-retry-<uuid>" ones (which
    // only cover the client's own network retries, never a retried workflow step).
    const ops = ["pi_create", "pi_update", "pi_cancel", "pi_create", "pi_capture", "refund", "customer_create", "customer_update", "setup_intent", "pm_detach"]
    writes.forEach((w, i) => expect(w.idempotencyKey, `${w.method} ${w.path}`).toMatch(new RegExp(`^${ops[i]}:.+`)))
    const keys = writes.map((w) => w.idempotencyKey!)
    expect(keys[0]).toBe("pi_create:payses_A")
    expect(keys[3]).toBe("pi_create:payses_B")
    expect(keys[4]).toBe("pi_capture:capt_1")
    expect(keys[6]).toBe("customer_create:cus_01")
    expect(new Set(keys).size).toBe(keys.length)
  })

  it("creates one PaymentIntent per session even if creation is retried", async () => {
    const a = await initiate(45000, "vnd", "payses_retry")
    const b = await initiate(45000, "vnd", "payses_retry")
    expect(b.pi.id).toBe(a.pi.id)
    expect(server.paymentIntents.size).toBe(1)
  })
})

async function manualProviderInitiate(sessionId: string) {
  const out = await manualProvider.initiatePayment({
    amount: 45000,
    currency_code: "vnd",
    data: { session_id: sessionId },
    context: { idempotency_key: sessionId },
  })
  return { pi: out.data as any }
}

describe("authorisation", () => {
  it("authorises a confirmed card (captured at once by default)", async () => {
    const { pi } = await initiate(45000, "vnd")
    await confirmInBrowser(pi, "pm_card_visa")
    const res = await provider.authorizePayment({ data: pi })
    expect(res.status).toBe(PaymentSessionStatus.CAPTURED)
    expect((res.data as any).amount_received).toBe(45000)
  })

  it("fails a declined card with a payment_authorization_error carrying Stripe's message", async () => {
    const { pi } = await initiate(45000, "vnd")
    const declined = await confirmInBrowser(pi, "pm_card_chargeDeclined")
    expect(declined.status).toBe(402)
    const err = await provider.authorizePayment({ data: pi }).then(
      () => null,
      (e: unknown) => e as MedusaError
    )
    expect(err).toBeInstanceOf(MedusaError)
    expect(err!.type).toBe(MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR)
    expect(err!.message).toBe(
      "Your card was declined. (generic_decline) Please try another card or choose a different payment method."
    )
    // The same intent can still be paid with another card.
    expect((await confirmInBrowser(pi, "pm_card_visa")).status).toBe(200)
    expect((await provider.authorizePayment({ data: pi })).status).toBe(PaymentSessionStatus.CAPTURED)
  })

  it("explains that an unconfirmed card payment cannot be authorised", async () => {
    const { pi } = await initiate(45000, "vnd")
    await expect(provider.authorizePayment({ data: pi })).rejects.toThrow(/has not been confirmed yet/)
  })

  it("leaves 3-D Secure to Medusa's requires_more flow", async () => {
    const { pi } = await initiate(45000, "vnd")
    await confirmInBrowser(pi, "pm_card_authenticationRequired")
    expect((await provider.authorizePayment({ data: pi })).status).toBe(PaymentSessionStatus.REQUIRES_MORE)
  })

  it("turns Stripe request errors into MedusaErrors with Stripe's message", async () => {
    const err = await provider
      .initiatePayment({ amount: 5000, currency_code: "vnd", data: { session_id: "payses_small" } })
      .then(() => null, (e: unknown) => e as MedusaError)
    expect(err).toBeInstanceOf(MedusaError)
    expect(err!.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(err!.message).toMatch(/Amount must be at least ₫10,000 vnd/)
  })

  it("formats decline messages", () => {
    expect(declineMessage(undefined)).toMatch(/^Your card was declined\. Please try another card/)
    expect(declineMessage({ message: "Your card has insufficient funds.", decline_code: "insufficient_funds" })).toBe(
      "Your card has insufficient funds. (insufficient_funds) Please try another card or choose a different payment method."
    )
  })
})

describe("webhooks", () => {
  it("accepts a correctly signed event and rejects a bad signature", async () => {
    const { pi, sessionId } = await initiate(95000, "vnd")
    await confirmInBrowser(pi, "pm_card_visa")
    const event = { id: "evt_1", object: "event", type: "payment_intent.succeeded", data: { object: server.paymentIntents.get(pi.id) } }
    const payload = JSON.stringify(event)
    const good = await provider.getWebhookActionAndData({
      data: event as any,
      rawData: Buffer.from(payload),
      headers: { "stripe-signature": signStripePayload(payload, WEBHOOK_SECRET) },
    })
    expect(good).toEqual({ action: PaymentActions.SUCCESSFUL, data: { session_id: sessionId, amount: 95000 } })

    await expect(
      provider.getWebhookActionAndData({
        data: event as any,
        rawData: Buffer.from(payload),
        headers: { "stripe-signature": signStripePayload(payload, "whsec_wrong") },
      })
    ).rejects.toThrow(/No signatures found matching the expected signature/)
  })
})
