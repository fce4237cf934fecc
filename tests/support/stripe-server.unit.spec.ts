import http from "node:http"
import type { AddressInfo } from "node:net"
import { createRequire } from "node:module"
import Stripe from "stripe"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { parseStripeForm, signStripePayload, startStripeServer, type StripeServer } from "./stripe-server"

const WEBHOOK_SECRET = "whsec_test_secret"

interface ReceivedWebhook {
  headers: http.IncomingHttpHeaders
  rawBody: string
}

/** A bare HTTP endpoint standing in for the Medusa webhook route. */
async function startWebhookReceiver(): Promise<{ url: string; received: ReceivedWebhook[]; close(): Promise<void> }> {
  const received: ReceivedWebhook[] = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (c: Buffer) => chunks.push(c))
    req.on("end", () => {
      received.push({ headers: req.headers, rawBody: Buffer.concat(chunks).toString("utf8") })
      res.writeHead(200, { "Content-Type": "application/json" })
      res.end('{"received":true}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hooks/payment/stripe_stripe`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

/** Awaits a promise that must reject with a Stripe error and returns the error. */
async function stripeError(promise: Promise<unknown>): Promise<InstanceType<typeof Stripe.errors.StripeError>> {
  try {
    await promise
  } catch (e) {
    if (e instanceof Stripe.errors.StripeError) return e
    throw e
  }
  throw new Error("Expected the Stripe call to fail")
}

function lastRequest(server: StripeServer, method: string, path: string | RegExp) {
  const matches = server.requests.filter(
    (r) => r.method === method && (typeof path === "string" ? r.path === path : path.test(r.path))
  )
  const last = matches.at(-1)
  if (!last) throw new Error(`No ${method} ${String(path)} request was recorded`)
  return last
}

let server: StripeServer
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>
let stripe: Stripe

beforeAll(async () => {
  receiver = await startWebhookReceiver()
  server = await startStripeServer({ webhook: { url: receiver.url, secret: WEBHOOK_SECRET } })
  stripe = new Stripe("sk_test_123", { host: "127.0.0.1", port: server.port, protocol: "http" })
})

afterAll(async () => {
  await server?.stop()
  await receiver?.close()
})

beforeEach(() => {
  server.reset()
  receiver.received.length = 0
})

describe("wire format", () => {
  it("decodes Stripe's bracket notation", () => {
    expect(
      parseStripeForm(
        "amount=45000&metadata[session_id]=payses_1&payment_method_types[0]=card&payment_method_types[1]=ideal" +
          "&automatic_payment_methods[enabled]=true&expand[]=payment_method&address[line1]=12%20L%C3%AA%20L%E1%BB%A3i&q=a+b"
      )
    ).toEqual({
      amount: "45000",
      metadata: { session_id: "payses_1" },
      payment_method_types: ["card", "ideal"],
      automatic_payment_methods: { enabled: "true" },
      expand: ["payment_method"],
      address: { line1: "12 Lê Lợi" },
      q: "a b",
    })
    expect(() => parseStripeForm("a=1&a[b]=2")).toThrow(/both a value and a hash/)
    // Prototype pollution attempts are dropped.
    expect(parseStripeForm("__proto__[x]=1")).toEqual({})
    expect(({} as Record<string, unknown>).x).toBeUndefined()
  })

  it("requires a test secret key, answering 401 in Stripe's error shape", async () => {
    const noKey = await fetch(`${server.url}/v1/payment_intents/pi_1`)
    expect(noKey.status).toBe(401)
    const body = (await noKey.json()) as { error: { type: string; message: string } }
    expect(body.error.type).toBe("invalid_request_error")
    expect(body.error.message).toMatch(/You did not provide an API key/)

    const live = new Stripe("sk_live_123456789012", { ...server.clientOptions, maxNetworkRetries: 0 })
    const err = await stripeError(live.paymentIntents.create({ amount: 45000, currency: "vnd" }))
    expect(err).toBeInstanceOf(Stripe.errors.StripeAuthenticationError)
    expect(err.statusCode).toBe(401)
    expect(err.message).toMatch(/Invalid API Key provided: sk_live_/)
    expect(server.paymentIntents.size).toBe(0)

    // Basic auth with the key as user name is accepted, as on api.stripe.com.
    const basic = await fetch(`${server.url}/v1/payment_intents`, {
      headers: { Authorization: `Basic ${Buffer.from("sk_test_123:").toString("base64")}` },
    })
    expect(basic.status).toBe(200)
  })

  it("answers unknown routes with 404 and unknown parameters with parameter_unknown", async () => {
    const res = await fetch(`${server.url}/v1/nope`, { headers: { Authorization: "Bearer sk_test_123" } })
    expect(res.status).toBe(404)
    const err = await stripeError(
      stripe.paymentIntents.create({ amount: 45000, currency: "vnd", amout: 1 } as Stripe.PaymentIntentCreateParams)
    )
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError)
    expect(err.code).toBe("parameter_unknown")
    expect(err.param).toBe("amout")
  })
})

describe("payment intent creation and validation", () => {
  it("creates a VND intent with the amount in whole đồng and records the exact request", async () => {
    const pi = await stripe.paymentIntents.create({
      amount: 45000,
      currency: "vnd",
      metadata: { session_id: "payses_01" },
      payment_method_types: ["card"],
    })
    expect(pi.id).toMatch(/^pi_[A-Za-z0-9]{24}$/)
    expect(pi).toMatchObject({
      object: "payment_intent",
      amount: 45000,
      amount_received: 0,
      amount_capturable: 0,
      currency: "vnd",
      status: "requires_payment_method",
      latest_charge: null,
      customer: null,
      livemode: false,
      metadata: { session_id: "payses_01" },
      payment_method_types: ["card"],
    })
    expect(pi.client_secret).toMatch(new RegExp(`^${pi.id}_secret_\\w+$`))

    const recorded = lastRequest(server, "POST", "/v1/payment_intents")
    expect(recorded.rawBody).toContain("amount=45000&currency=vnd")
    expect(recorded.body).toMatchObject({ amount: "45000", currency: "vnd", metadata: { session_id: "payses_01" } })
    expect(recorded.headers.authorization).toBe("Bearer sk_test_123")
    expect(recorded.status).toBe(200)
    expect(server.paymentIntents.get(pi.id)?.amount).toBe(45000)
  })

  it("rejects a fractional amount with parameter_invalid_integer on `amount`", async () => {
    const err = await stripeError(stripe.paymentIntents.create({ amount: 45000.5, currency: "vnd" }))
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError)
    expect(err.statusCode).toBe(400)
    expect(err.type).toBe("StripeInvalidRequestError")
    expect(err.param).toBe("amount")
    expect(err.code).toBe("parameter_invalid_integer")
    expect(err.message).toBe("Invalid integer: 45000.5")

    // Forms the client would never send but a hand-rolled one might.
    for (const amount of ["4.5e4", "0x AFC8", "", "45000%20"]) {
      const res = await fetch(`${server.url}/v1/payment_intents`, {
        method: "POST",
        headers: { Authorization: "Bearer sk_test_123", "Content-Type": "application/x-www-form-urlencoded" },
        body: `amount=${amount}&currency=vnd`,
      })
      expect(res.status).toBe(400)
      expect(((await res.json()) as { error: { param: string } }).error.param).toBe("amount")
    }
    expect(server.paymentIntents.size).toBe(0)
  })

  it("enforces currency minimums in the smallest unit (VND is zero-decimal)", async () => {
    const vnd = await stripeError(stripe.paymentIntents.create({ amount: 9999, currency: "vnd" }))
    expect(vnd.param).toBe("amount")
    expect(vnd.code).toBe("amount_too_small")
    expect(vnd.message).toBe("Amount must be at least ₫10,000 vnd")
    await expect(stripe.paymentIntents.create({ amount: 10000, currency: "vnd" })).resolves.toMatchObject({ amount: 10000 })

    const usd = await stripeError(stripe.paymentIntents.create({ amount: 49, currency: "usd" }))
    expect(usd.message).toBe("Amount must be at least $0.50 usd")
    await expect(stripe.paymentIntents.create({ amount: 50, currency: "usd" })).resolves.toMatchObject({ amount: 50 })
    // ¥50 is fine because JPY has no minor unit either.
    await expect(stripe.paymentIntents.create({ amount: 50, currency: "jpy" })).resolves.toMatchObject({ amount: 50 })

    for (const amount of [0, -45000]) {
      const err = await stripeError(stripe.paymentIntents.create({ amount, currency: "vnd" }))
      expect(err.param).toBe("amount")
    }
    const tooLarge = await stripeError(stripe.paymentIntents.create({ amount: 100_000_000, currency: "vnd" }))
    expect(tooLarge.code).toBe("amount_too_large")
  })

  it("rejects unknown currencies and normalises case", async () => {
    const err = await stripeError(stripe.paymentIntents.create({ amount: 45000, currency: "xyz" }))
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError)
    expect(err.param).toBe("currency")
    expect(err.message).toMatch(/^Invalid currency: xyz\. Stripe currently supports these currencies: usd, .*vnd/)

    const missing = await stripeError(stripe.paymentIntents.create({ amount: 45000 } as Stripe.PaymentIntentCreateParams))
    expect(missing.code).toBe("parameter_missing")
    expect(missing.param).toBe("currency")

    const upper = await stripe.paymentIntents.create({ amount: 45000, currency: "VND" })
    expect(upper.currency).toBe("vnd")
  })

  it("defaults to automatic payment methods on recent API versions, and rejects both styles at once", async () => {
    const pi = await stripe.paymentIntents.create({ amount: 45000, currency: "vnd" })
    expect(pi.automatic_payment_methods).toEqual({ enabled: true, allow_redirects: "always" })
    expect(lastRequest(server, "POST", "/v1/payment_intents").headers["stripe-version"]).toBeTruthy()

    const both = await stripeError(
      stripe.paymentIntents.create({
        amount: 45000,
        currency: "vnd",
        payment_method_types: ["card"],
        automatic_payment_methods: { enabled: true },
      })
    )
    expect(both.message).toMatch(/only specify one of these parameters/)
  })
})

describe("confirmation", () => {
  it("succeeds with pm_card_visa and creates a captured charge", async () => {
    const created = await stripe.paymentIntents.create({ amount: 45000, currency: "vnd", payment_method_types: ["card"] })
    const pi = await stripe.paymentIntents.confirm(created.id, { payment_method: "pm_card_visa" })
    expect(pi.status).toBe("succeeded")
    expect(pi.amount_received).toBe(45000)
    expect(pi.payment_method).toMatch(/^pm_/)
    expect(pi.payment_method).not.toBe("pm_card_visa")
    expect(pi.latest_charge).toMatch(/^ch_/)

    const charge = await stripe.charges.retrieve(pi.latest_charge as string)
    expect(charge).toMatchObject({ amount: 45000, amount_captured: 45000, captured: true, paid: true, status: "succeeded" })
    expect(charge.payment_method_details?.card?.last4).toBe("4242")

    const retrieved = await stripe.paymentIntents.retrieve(pi.id, { expand: ["payment_method", "latest_charge"] })
    expect((retrieved.payment_method as Stripe.PaymentMethod).card?.brand).toBe("visa")
    expect((retrieved.latest_charge as Stripe.Charge).id).toBe(pi.latest_charge)
    expect(lastRequest(server, "GET", `/v1/payment_intents/${pi.id}`).query).toEqual({
      expand: ["payment_method", "latest_charge"],
    })

    const bad = await stripeError(stripe.paymentIntents.retrieve(pi.id, { expand: ["amount"] }))
    expect(bad.message).toMatch(/cannot be expanded/)
  })

  it("supports create-and-confirm in one call", async () => {
    const pi = await stripe.paymentIntents.create({
      amount: 120000,
      currency: "vnd",
      payment_method: "pm_card_mastercard",
      confirm: true,
      return_url: "http://localhost:8000/checkout",
    })
    expect(pi.status).toBe("succeeded")
    expect(pi.amount_received).toBe(120000)
    expect(lastRequest(server, "POST", "/v1/payment_intents").body).toMatchObject({ confirm: "true", payment_method: "pm_card_mastercard" })
  })

  it("needs a return_url when automatic payment methods may redirect", async () => {
    const created = await stripe.paymentIntents.create({ amount: 45000, currency: "vnd" })
    const err = await stripeError(stripe.paymentIntents.confirm(created.id, { payment_method: "pm_card_visa" }))
    expect(err.param).toBe("return_url")
    const pi = await stripe.paymentIntents.confirm(created.id, {
      payment_method: "pm_card_visa",
      return_url: "http://localhost:8000/checkout",
    })
    expect(pi.status).toBe("succeeded")
  })

  it("declines pm_card_chargeDeclined with a StripeCardError carrying the intent", async () => {
    const created = await stripe.paymentIntents.create({ amount: 45000, currency: "vnd", payment_method_types: ["card"] })
    const err = await stripeError(stripe.paymentIntents.confirm(created.id, { payment_method: "pm_card_chargeDeclined" }))
    expect(err).toBeInstanceOf(Stripe.errors.StripeCardError)
    expect(err.statusCode).toBe(402)
    expect(err.code).toBe("card_declined")
    expect(err.decline_code).toBe("generic_decline")
    expect(err.message).toBe("Your card was declined.")
    expect(err.payment_intent?.id).toBe(created.id)
    expect(err.payment_intent?.status).toBe("requires_payment_method")

    const pi = await stripe.paymentIntents.retrieve(created.id)
    expect(pi.status).toBe("requires_payment_method")
    expect(pi.payment_method).toBeNull()
    expect(pi.last_payment_error).toMatchObject({ type: "card_error", code: "card_declined", decline_code: "generic_decline" })
    expect((await stripe.charges.retrieve(pi.latest_charge as string)).status).toBe("failed")

    // The customer can retry with another card.
    const retried = await stripe.paymentIntents.confirm(created.id, { payment_method: "pm_card_visa" })
    expect(retried.status).toBe("succeeded")
    expect(retried.last_payment_error).toBeNull()
  })

  it("maps the other decline test cards to their codes", async () => {
    const cases: Array<[string, string, string]> = [
      ["pm_card_chargeDeclinedInsufficientFunds", "card_declined", "insufficient_funds"],
      ["pm_card_chargeDeclinedExpiredCard", "expired_card", "expired_card"],
      ["pm_card_chargeDeclinedIncorrectCvc", "incorrect_cvc", "incorrect_cvc"],
    ]
    for (const [pm, code, declineCode] of cases) {
      const err = await stripeError(
        stripe.paymentIntents.create({ amount: 45000, currency: "vnd", payment_method_types: ["card"], payment_method: pm, confirm: true })
      )
      expect([err.code, err.decline_code]).toEqual([code, declineCode])
    }
  })

  it("goes through requires_action for 3-D Secure cards until authenticated", async () => {
    const pi = await stripe.paymentIntents.create({
      amount: 45000,
      currency: "vnd",
      payment_method: "pm_card_authenticationRequired",
      confirm: true,
      return_url: "http://localhost:8000/checkout/return",
    })
    expect(pi.status).toBe("requires_action")
    expect(pi.next_action?.type).toBe("redirect_to_url")
    const page = await fetch(pi.next_action?.redirect_to_url?.url as string)
    expect(await page.text()).toContain('id="succeed"')

    const complete = await fetch(`${server.url}/_test/3ds/${pi.id}/complete?outcome=succeed`, { redirect: "manual" })
    expect(complete.status).toBe(302)
    const location = new URL(complete.headers.get("location") as string)
    expect(location.pathname).toBe("/checkout/return")
    expect(location.searchParams.get("payment_intent")).toBe(pi.id)
    expect(location.searchParams.get("redirect_status")).toBe("succeeded")
    expect((await stripe.paymentIntents.retrieve(pi.id)).status).toBe("succeeded")

    const failing = await stripe.paymentIntents.create({
      amount: 45000,
      currency: "vnd",
      payment_method_types: ["card"],
      payment_method: "pm_card_threeDSecure2Required",
      confirm: true,
    })
    expect(failing.next_action?.type).toBe("use_stripe_sdk")
    expect(server.authenticate(failing.id, "fail").status).toBe("requires_payment_method")
    expect((await stripe.paymentIntents.retrieve(failing.id)).last_payment_error?.code).toBe("payment_intent_authentication_failure")
  })

  it("lets a publishable key confirm and read an intent only with its client_secret", async () => {
    const created = await stripe.paymentIntents.create({ amount: 45000, currency: "vnd", payment_method_types: ["card"] })
    const browser = new Stripe("pk_test_123", { ...server.clientOptions, maxNetworkRetries: 0 })

    const noSecret = await stripeError(browser.paymentIntents.retrieve(created.id))
    expect(noSecret.param).toBe("client_secret")
    const wrong = await stripeError(
      browser.paymentIntents.confirm(created.id, { payment_method: "pm_card_visa", client_secret: `${created.id}_secret_nope` } as Stripe.PaymentIntentConfirmParams)
    )
    expect(wrong.param).toBe("client_secret")
    const denied = await stripeError(browser.paymentIntents.create({ amount: 45000, currency: "vnd" }))
    expect(denied).toBeInstanceOf(Stripe.errors.StripeAuthenticationError)

    const confirmed = await browser.paymentIntents.confirm(created.id, {
      payment_method: "pm_card_visa",
      client_secret: created.client_secret,
    } as Stripe.PaymentIntentConfirmParams)
    expect(confirmed.status).toBe("succeeded")
    const read = await browser.paymentIntents.retrieve(created.id, { client_secret: created.client_secret as string })
    expect(read.status).toBe("succeeded")
  })
})

describe("what the browser sends: Stripe.js confirmations with typed card numbers", () => {
  const browserClient = () => new Stripe("pk_test_123", { ...server.clientOptions, maxNetworkRetries: 0 })
  const card = (number: string, extra: Record<string, string> = {}) =>
    ({ type: "card", card: { number, exp_month: "12", exp_year: "34", cvc: "123", ...extra } }) as unknown as Stripe.PaymentIntentConfirmParams.PaymentMethodData

  it("maps documented test numbers to their behaviour: success, decline, then a retry on the same intent", async () => {
    const created = await stripe.paymentIntents.create({ amount: 45000, currency: "vnd", payment_method_types: ["card"] })
    const browser = browserClient()
    const declined = await stripeError(
      browser.paymentIntents.confirm(created.id, { client_secret: created.client_secret, payment_method_data: card("4000 0000 0000 0002") } as Stripe.PaymentIntentConfirmParams)
    )
    expect(declined).toBeInstanceOf(Stripe.errors.StripeCardError)
    expect(declined).toMatchObject({ code: "card_declined", decline_code: "generic_decline" })
    const retried = await browser.paymentIntents.confirm(created.id, {
      client_secret: created.client_secret,
      payment_method_data: card("4242424242424242"),
    } as Stripe.PaymentIntentConfirmParams)
    expect(retried.status).toBe("succeeded")
    const pm = await stripe.paymentMethods.retrieve(retried.payment_method as string)
    expect(pm.card).toMatchObject({ last4: "4242", exp_month: 12, exp_year: 2034 })
  })

  it("rejects an invalid number, a past expiry and a real (non-test) card like Stripe test mode, leaving the intent unpaid", async () => {
    const created = await stripe.paymentIntents.create({ amount: 500, currency: "usd", payment_method_types: ["card"] })
    const browser = browserClient()
    const confirm = (data: Stripe.PaymentIntentConfirmParams.PaymentMethodData) =>
      stripeError(browser.paymentIntents.confirm(created.id, { client_secret: created.client_secret, payment_method_data: data } as Stripe.PaymentIntentConfirmParams))
    expect(await confirm(card("4242424242424241"))).toMatchObject({ type: "StripeCardError", code: "incorrect_number" })
    expect(await confirm(card("4242424242424242", { exp_year: "2001" }))).toMatchObject({ code: "invalid_expiry_year" })
    expect(await confirm(card("4111111111111111"))).toMatchObject({ code: "card_declined", decline_code: "test_mode_live_card" })
    expect((await stripe.paymentIntents.retrieve(created.id)).status).toBe("requires_payment_method")
    const both = await stripeError(
      browser.paymentIntents.confirm(created.id, {
        client_secret: created.client_secret,
        payment_method: "pm_card_visa",
        payment_method_data: card("4242424242424242"),
      } as Stripe.PaymentIntentConfirmParams)
    )
    expect(both).toMatchObject({ type: "StripeInvalidRequestError", param: "payment_method_data" })
  })

  it("answers use_stripe_sdk with a challenge in Stripe.js's modal even when a return_url is sent", async () => {
    const created = await stripe.paymentIntents.create({ amount: 45000, currency: "vnd" })
    const pi = await browserClient().paymentIntents.confirm(created.id, {
      client_secret: created.client_secret,
      payment_method_data: card("4000002760003184"),
      return_url: "http://localhost:8000/vi/checkout?step=review",
      use_stripe_sdk: true,
    } as Stripe.PaymentIntentConfirmParams)
    expect(pi.status).toBe("requires_action")
    expect(pi.next_action?.type).toBe("use_stripe_sdk")
    const challenge = (pi.next_action?.use_stripe_sdk as { stripe_js: string }).stripe_js
    const page = await (await fetch(challenge)).text()
    const href = /id="succeed" href="([^"]+)"/.exec(page)?.[1]
    expect(href).toContain("view=page")
    const done = await fetch(new URL(href as string, challenge))
    expect(await done.text()).toContain('id="authentication-complete"')
    expect((await stripe.paymentIntents.retrieve(created.id)).status).toBe("succeeded")
  })

  it("serves the Stripe.js stand-in pointed at itself", async () => {
    const res = await fetch(`${server.url}/_test/stripe.js`)
    expect(res.headers.get("content-type")).toMatch(/javascript/)
    const source = await res.text()
    expect(source).toContain(`var API = "${server.url}"`)
    expect(source).not.toContain("__STRIPE_API_BASE__")
  })
})

describe("capture, cancel and update", () => {
  async function authorized(amount = 45000): Promise<Stripe.PaymentIntent> {
    return stripe.paymentIntents.create({
      amount,
      currency: "vnd",
      capture_method: "manual",
      payment_method_types: ["card"],
      payment_method: "pm_card_visa",
      confirm: true,
    })
  }

  it("authorizes with capture_method=manual and captures part of it", async () => {
    const pi = await authorized()
    expect(pi.status).toBe("requires_capture")
    expect(pi.amount_capturable).toBe(45000)
    expect(pi.amount_received).toBe(0)

    const tooMuch = await stripeError(stripe.paymentIntents.capture(pi.id, { amount_to_capture: 50000 }))
    expect(tooMuch.param).toBe("amount_to_capture")

    const captured = await stripe.paymentIntents.capture(pi.id, { amount_to_capture: 30000 })
    expect(captured).toMatchObject({ status: "succeeded", amount_received: 30000, amount_capturable: 0 })
    expect(lastRequest(server, "POST", `/v1/payment_intents/${pi.id}/capture`).rawBody).toBe("amount_to_capture=30000")

    // Capturing twice fails the way the Medusa provider expects (it inspects error.payment_intent).
    const again = await stripeError(stripe.paymentIntents.capture(pi.id))
    expect(again.code).toBe("payment_intent_unexpected_state")
    expect(again.payment_intent?.status).toBe("succeeded")
  })

  it("captures the full authorization by default", async () => {
    const pi = await authorized(250000)
    const captured = await stripe.paymentIntents.capture(pi.id)
    expect(captured.amount_received).toBe(250000)
    expect((await stripe.charges.retrieve(captured.latest_charge as string)).amount_captured).toBe(250000)
  })

  it("cancels an authorization, but not a succeeded or already-canceled intent", async () => {
    const pi = await authorized()
    const canceled = await stripe.paymentIntents.cancel(pi.id, { cancellation_reason: "requested_by_customer" })
    expect(canceled).toMatchObject({ status: "canceled", cancellation_reason: "requested_by_customer", amount_capturable: 0 })
    expect(canceled.canceled_at).toEqual(expect.any(Number))

    const twice = await stripeError(stripe.paymentIntents.cancel(pi.id))
    expect(twice.code).toBe("payment_intent_unexpected_state")
    expect(twice.payment_intent?.status).toBe("canceled")

    const paid = await stripe.paymentIntents.create({
      amount: 45000, currency: "vnd", payment_method_types: ["card"], payment_method: "pm_card_visa", confirm: true,
    })
    const err = await stripeError(stripe.paymentIntents.cancel(paid.id))
    expect(err.statusCode).toBe(400)
    expect(err.code).toBe("payment_intent_unexpected_state")
    expect(err.message).toMatch(/status of succeeded/)
  })

  it("updates the amount before payment but not after", async () => {
    const pi = await stripe.paymentIntents.create({ amount: 45000, currency: "vnd", payment_method_types: ["card"] })
    const updated = await stripe.paymentIntents.update(pi.id, { amount: 60000, metadata: { cart: "c1" }, expand: ["payment_method"] })
    expect(updated).toMatchObject({ amount: 60000, metadata: { cart: "c1" }, payment_method: null })
    expect(lastRequest(server, "POST", `/v1/payment_intents/${pi.id}`).rawBody).toBe(
      "amount=60000&metadata[cart]=c1&expand[0]=payment_method"
    )
    const cleared = await stripe.paymentIntents.update(pi.id, { metadata: { cart: "" } })
    expect(cleared.metadata).toEqual({})
    const belowMin = await stripeError(stripe.paymentIntents.update(pi.id, { amount: 5000 }))
    expect(belowMin.code).toBe("amount_too_small")

    await stripe.paymentIntents.confirm(pi.id, { payment_method: "pm_card_visa" })
    const late = await stripeError(stripe.paymentIntents.update(pi.id, { amount: 70000 }))
    expect(late.code).toBe("payment_intent_unexpected_state")
    // Metadata stays editable.
    await expect(stripe.paymentIntents.update(pi.id, { metadata: { note: "x" } })).resolves.toMatchObject({ metadata: { note: "x" } })
  })

  it("404s unknown intents with resource_missing", async () => {
    const err = await stripeError(stripe.paymentIntents.retrieve("pi_missing"))
    expect(err.statusCode).toBe(404)
    expect(err.code).toBe("resource_missing")
    expect(err.message).toBe("No such payment_intent: 'pi_missing'")
  })
})

describe("refunds", () => {
  it("refunds partially, then the rest, and rejects over-refunds", async () => {
    const pi = await stripe.paymentIntents.create({
      amount: 45000, currency: "vnd", payment_method_types: ["card"], payment_method: "pm_card_visa", confirm: true,
    })

    const partial = await stripe.refunds.create({ payment_intent: pi.id, amount: 15000 })
    expect(partial.id).toMatch(/^re_/)
    expect(partial).toMatchObject({ object: "refund", amount: 15000, currency: "vnd", status: "succeeded", payment_intent: pi.id, charge: pi.latest_charge })
    expect(lastRequest(server, "POST", "/v1/refunds").body).toEqual({ payment_intent: pi.id, amount: "15000" })

    const over = await stripeError(stripe.refunds.create({ payment_intent: pi.id, amount: 30001 }))
    expect(over).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError)
    expect(over.param).toBe("amount")
    expect(over.message).toBe("Refund amount (₫30,001) is greater than unrefunded amount on charge (₫30,000)")

    const rest = await stripe.refunds.create({ payment_intent: pi.id })
    expect(rest.amount).toBe(30000)
    const charge = await stripe.charges.retrieve(pi.latest_charge as string)
    expect(charge).toMatchObject({ amount_refunded: 45000, refunded: true })

    const again = await stripeError(stripe.refunds.create({ payment_intent: pi.id, amount: 1 }))
    expect(again.code).toBe("charge_already_refunded")

    expect(await stripe.refunds.retrieve(partial.id)).toMatchObject({ id: partial.id, amount: 15000 })
    const listed = await stripe.refunds.list({ payment_intent: pi.id })
    expect(listed.data.map((r) => r.amount)).toEqual([30000, 15000])
  })

  it("refuses to refund an intent that has not been captured", async () => {
    const pi = await stripe.paymentIntents.create({
      amount: 45000, currency: "vnd", capture_method: "manual", payment_method_types: ["card"], payment_method: "pm_card_visa", confirm: true,
    })
    const err = await stripeError(stripe.refunds.create({ payment_intent: pi.id }))
    expect(err.statusCode).toBe(400)
    expect(err.message).toMatch(/does not have a successful charge to refund/)
  })
})

describe("idempotency", () => {
  it("replays the same response for the same key and body", async () => {
    const params = { amount: 45000, currency: "vnd", metadata: { session_id: "payses_1" } }
    const first = await stripe.paymentIntents.create(params, { idempotencyKey: "payses_1" })
    const second = await stripe.paymentIntents.create(params, { idempotencyKey: "payses_1" })
    expect(second.id).toBe(first.id)
    expect(second.client_secret).toBe(first.client_secret)
    expect(second.lastResponse.headers["idempotent-replayed"]).toBe("true")
    expect(first.lastResponse.headers["idempotent-replayed"]).toBeUndefined()
    expect(server.paymentIntents.size).toBe(1)
    expect(server.requests.filter((r) => r.path === "/v1/payment_intents").map((r) => r.replayed)).toEqual([false, true])
  })

  it("rejects the same key with different parameters", async () => {
    await stripe.paymentIntents.create({ amount: 45000, currency: "vnd" }, { idempotencyKey: "k-conflict" })
    const err = await stripeError(stripe.paymentIntents.create({ amount: 46000, currency: "vnd" }, { idempotencyKey: "k-conflict" }))
    expect(err).toBeInstanceOf(Stripe.errors.StripeIdempotencyError)
    expect(err.statusCode).toBe(400)
    expect(err.message).toMatch(/same parameters they were first used with/)
    // Reusing a key on another endpoint is also a conflict.
    const other = await stripeError(stripe.customers.create({ email: "a@b.vn" }, { idempotencyKey: "k-conflict" }))
    expect(other).toBeInstanceOf(Stripe.errors.StripeIdempotencyError)
    expect(server.paymentIntents.size).toBe(1)
  })

  it("replays declines, but not parameter validation failures", async () => {
    const declineParams = {
      amount: 45000, currency: "vnd", payment_method_types: ["card"], payment_method: "pm_card_chargeDeclined", confirm: true,
    }
    const a = await stripeError(stripe.paymentIntents.create(declineParams, { idempotencyKey: "k-decline" }))
    const b = await stripeError(stripe.paymentIntents.create(declineParams, { idempotencyKey: "k-decline" }))
    expect(b.payment_intent?.id).toBe(a.payment_intent?.id)
    expect(b.headers?.["idempotent-replayed"]).toBe("true")

    await stripeError(stripe.paymentIntents.create({ amount: 45000.5, currency: "vnd" }, { idempotencyKey: "k-invalid" }))
    const fixed = await stripe.paymentIntents.create({ amount: 45000, currency: "vnd" }, { idempotencyKey: "k-invalid" })
    expect(fixed.amount).toBe(45000)
  })
})

describe("customers, payment methods and setup intents", () => {
  it("creates, retrieves, updates and deletes customers", async () => {
    const customer = await stripe.customers.create({
      email: "lan@example.vn",
      name: "Nguyễn Thị Lan",
      phone: "",
      address: { city: "Huế", country: "VN", line1: "12 Lê Lợi", line2: "", postal_code: "530000", state: "Thừa Thiên Huế" },
    })
    expect(customer.id).toMatch(/^cus_/)
    expect(customer).toMatchObject({ email: "lan@example.vn", name: "Nguyễn Thị Lan", phone: null })
    expect(customer.address).toMatchObject({ city: "Huế", line2: null })

    const updated = await stripe.customers.update(customer.id, { email: "lan2@example.vn" })
    expect(updated.email).toBe("lan2@example.vn")
    expect((await stripe.customers.retrieve(customer.id)) as Stripe.Customer).toMatchObject({ email: "lan2@example.vn", name: "Nguyễn Thị Lan" })

    const missing = await stripeError(stripe.paymentIntents.create({ amount: 45000, currency: "vnd", customer: "cus_nope" }))
    expect(missing.code).toBe("resource_missing")
    expect(missing.param).toBe("customer")

    expect(await stripe.customers.del(customer.id)).toMatchObject({ id: customer.id, deleted: true })
    expect(await stripe.customers.retrieve(customer.id)).toMatchObject({ deleted: true })
  })

  it("saves a card via a setup intent, lists it for the customer and detaches it", async () => {
    const customer = await stripe.customers.create({ email: "a@b.vn" })
    expect((await stripe.customers.listPaymentMethods(customer.id, { limit: 100 })).data).toEqual([])

    const si = await stripe.setupIntents.create({ customer: customer.id, payment_method: "pm_card_visa", confirm: true })
    expect(si).toMatchObject({ object: "setup_intent", status: "succeeded", customer: customer.id })
    const listed = await stripe.customers.listPaymentMethods(customer.id, { limit: 100 })
    expect(listed.object).toBe("list")
    expect(listed.data.map((pm) => pm.id)).toEqual([si.payment_method])
    expect(lastRequest(server, "GET", `/v1/customers/${customer.id}/payment_methods`).query).toEqual({ limit: "100" })

    const detached = await stripe.paymentMethods.detach(si.payment_method as string)
    expect(detached.customer).toBeNull()
    expect((await stripe.paymentMethods.list({ customer: customer.id })).data).toEqual([])
    const twice = await stripeError(stripe.paymentMethods.detach(si.payment_method as string))
    expect(twice.statusCode).toBe(400)
  })
})

describe("webhooks", () => {
  it("signs events exactly like Stripe, verifiable with constructEvent", async () => {
    const pi = await stripe.paymentIntents.create({ amount: 45000, currency: "vnd", metadata: { session_id: "payses_1" } })
    const delivery = await server.sendEvent("payment_intent.succeeded", { ...pi, status: "succeeded", amount_received: 45000 })
    expect(delivery.status).toBe(200)
    expect(receiver.received).toHaveLength(1)

    const { rawBody, headers } = receiver.received[0]
    expect(headers["content-type"]).toBe("application/json; charset=utf-8")
    const signature = headers["stripe-signature"] as string
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/)

    const event = stripe.webhooks.constructEvent(rawBody, signature, WEBHOOK_SECRET)
    expect(event.id).toMatch(/^evt_/)
    expect(event).toMatchObject({ object: "event", type: "payment_intent.succeeded", livemode: false })
    expect(event.api_version).toBeTruthy()
    expect(event.created).toEqual(expect.any(Number))
    const object = event.data.object as Stripe.PaymentIntent
    expect(object).toMatchObject({ id: pi.id, amount_received: 45000, metadata: { session_id: "payses_1" } })

    expect(() => stripe.webhooks.constructEvent(rawBody, signature, "whsec_wrong")).toThrow(
      Stripe.errors.StripeSignatureVerificationError
    )
    // Any change to the payload breaks the signature.
    expect(() => stripe.webhooks.constructEvent(rawBody.replace("45000", "45001"), signature, WEBHOOK_SECRET)).toThrow(
      Stripe.errors.StripeSignatureVerificationError
    )
  })

  it("produces the same header as Stripe's own test helper", () => {
    const payload = JSON.stringify({ id: "evt_1", object: "event" })
    const timestamp = 1_700_000_000
    expect(signStripePayload(payload, WEBHOOK_SECRET, timestamp)).toBe(
      stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET, timestamp })
    )
  })

  it("sends payment_intent events automatically after state changes when autoWebhooks is on", async () => {
    const auto = await startStripeServer({ webhook: { url: receiver.url, secret: WEBHOOK_SECRET }, autoWebhooks: true })
    try {
      const client = new Stripe("sk_test_123", auto.clientOptions)
      const base = { currency: "vnd", payment_method_types: ["card"], confirm: true }
      await client.paymentIntents.create({ ...base, amount: 45000, payment_method: "pm_card_visa" })
      const manual = await client.paymentIntents.create({ ...base, amount: 46000, payment_method: "pm_card_visa", capture_method: "manual" })
      await stripeError(client.paymentIntents.create({ ...base, amount: 47000, payment_method: "pm_card_chargeDeclined" }))
      await client.paymentIntents.cancel(manual.id)
      await auto.flushWebhooks()

      const events = receiver.received.map((r) => client.webhooks.constructEvent(r.rawBody, r.headers["stripe-signature"] as string, WEBHOOK_SECRET))
      expect(events.map((e) => [e.type, (e.data.object as Stripe.PaymentIntent).amount])).toEqual([
        ["payment_intent.succeeded", 45000],
        ["payment_intent.amount_capturable_updated", 46000],
        ["payment_intent.payment_failed", 47000],
        ["payment_intent.canceled", 46000],
      ])
      expect((events[1].data.object as Stripe.PaymentIntent).amount_capturable).toBe(46000)
      expect(auto.webhookDeliveries.every((d) => d.status === 200)).toBe(true)
      // Every event is also retrievable from the API, including ones not sent.
      expect([...auto.events.values()].map((e) => e.type)).toContain("payment_intent.created")
      expect((await client.events.retrieve(events[0].id)).type).toBe("payment_intent.succeeded")
    } finally {
      await auto.stop()
    }
  })
})

describe("driven by @medusajs/payment-stripe", () => {
  // The provider constructs `new Stripe(apiKey)` against api.stripe.com, with its
  // own bundled stripe v15 client; swap in that same client version aimed here.
  const requireFromProvider = createRequire(createRequire(__filename).resolve("@medusajs/payment-stripe"))
  const StripeV15 = requireFromProvider("stripe") as typeof Stripe
  const StripeProviderService = (
    createRequire(__filename)("@medusajs/payment-stripe/dist/services/stripe-provider") as {
      default: new (container: object, options: Record<string, unknown>) => Record<string, any>
    }
  ).default

  function makeProvider(options: Record<string, unknown> = {}): Record<string, any> {
    const provider = new StripeProviderService({}, { apiKey: "sk_test_123", webhookSecret: WEBHOOK_SECRET, ...options })
    provider.stripe_ = new StripeV15("sk_test_123", server.clientOptions)
    return provider
  }

  it("initiates, authorizes, captures and refunds a VND payment", async () => {
    const provider = makeProvider({ capture: false })
    const session = await provider.initiatePayment({
      amount: 45000,
      currency_code: "vnd",
      data: { session_id: "payses_01" },
      context: { idempotency_key: "payses_01" },
    })
    expect(session.status).toBe("pending")
    const create = lastRequest(server, "POST", "/v1/payment_intents")
    expect(create.rawBody).toBe(
      "amount=45000&currency=vnd&metadata[session_id]=payses_01&capture_method=manual&expand[0]=payment_method"
    )
    expect(create.headers["idempotency-key"]).toBe("payses_01")
    expect(create.headers["stripe-version"]).toBe("2024-04-10")

    // The storefront (Stripe.js) would confirm; do it server-side here.
    await stripe.paymentIntents.confirm(session.id, { payment_method: "pm_card_visa", return_url: "http://localhost:8000/x" })

    const authorized = await provider.authorizePayment({ data: session.data })
    expect(authorized.status).toBe("authorized")
    const captured = await provider.capturePayment({ data: authorized.data, context: { idempotency_key: "capt_1" } })
    expect(captured.data.status).toBe("succeeded")
    expect(captured.data.amount_received).toBe(45000)

    await provider.refundPayment({ amount: 10000, data: captured.data, context: { idempotency_key: "ref_1" } })
    expect(lastRequest(server, "POST", "/v1/refunds").rawBody).toBe(`amount=10000&payment_intent=${session.id}`)

    // Cancelling after capture surfaces Stripe's error through the provider.
    await expect(provider.cancelPayment({ data: captured.data, context: {} })).rejects.toThrow(/status of succeeded/)
  })

  it("turns a signed webhook from this server into a Medusa payment action", async () => {
    const provider = makeProvider()
    const session = await provider.initiatePayment({ amount: 45000, currency_code: "vnd", data: { session_id: "payses_02" }, context: {} })
    await stripe.paymentIntents.confirm(session.id, { payment_method: "pm_card_visa", return_url: "http://localhost:8000/x" })
    await stripe.paymentIntents.capture(session.id)

    await server.sendEvent("payment_intent.succeeded", server.paymentIntents.get(session.id)!)
    const { rawBody, headers } = receiver.received[0]
    const action = await provider.getWebhookActionAndData({ data: JSON.parse(rawBody), rawData: rawBody, headers })
    expect(action).toEqual({ action: "captured", data: { session_id: "payses_02", amount: 45000 } })

    await expect(
      provider.getWebhookActionAndData({ data: {}, rawData: rawBody, headers: { "stripe-signature": signStripePayload(rawBody, "whsec_other") } })
    ).rejects.toThrow(/constructWebhookEvent/)
  })

  it("surfaces a decline through the provider as an error session", async () => {
    const provider = makeProvider()
    const session = await provider.initiatePayment({ amount: 45000, currency_code: "vnd", data: { session_id: "payses_03" }, context: {} })
    await stripeError(stripe.paymentIntents.confirm(session.id, { payment_method: "pm_card_chargeDeclined", return_url: "http://localhost:8000/x" }))
    expect((await provider.getPaymentStatus({ data: session.data })).status).toBe("error")
  })
})
