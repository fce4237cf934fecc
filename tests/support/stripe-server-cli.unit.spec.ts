/**
 * The Stripe test server as a separate process (the way scripts/test.mjs runs it)
 * and its /_test/ inspection endpoints.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process"
import http from "node:http"
import type { AddressInfo } from "node:net"
import path from "node:path"
import Stripe from "stripe"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { parseCliArgs } from "./stripe-server-cli"

const ROOT = path.resolve(__dirname, "..", "..")
const SECRET = "whsec_cli_test"

interface Received {
  signature: string
  rawBody: string
  status: number
}

/** Verifies signatures like Medusa's Stripe provider and answers 400 on a bad one. */
async function startReceiver() {
  const received: Received[] = []
  const verifier = new Stripe("sk_test_unused")
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (c: Buffer) => chunks.push(c))
    req.on("end", () => {
      const rawBody = Buffer.concat(chunks).toString("utf8")
      const signature = String(req.headers["stripe-signature"] ?? "")
      let status = 200
      try {
        verifier.webhooks.constructEvent(rawBody, signature, SECRET)
      } catch {
        status = 400
      }
      received.push({ signature, rawBody, status })
      res.writeHead(status, { "Content-Type": "application/json" })
      res.end(status === 200 ? '{"received":true}' : '{"error":"bad signature"}')
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

/** Starts the CLI exactly as scripts/test.mjs does and waits for its ready line. */
function startCli(args: string[]): Promise<{ child: ChildProcessWithoutNullStreams; port: number; stdout: () => string }> {
  const child = spawn(
    process.execPath,
    ["-r", "ts-node/register/transpile-only", path.join(ROOT, "tests", "support", "stripe-server-cli.ts"), ...args],
    { cwd: ROOT, env: { ...process.env, TS_NODE_PROJECT: path.join(ROOT, "tests", "tsconfig.json") } }
  )
  let out = ""
  let err = ""
  child.stderr.on("data", (c: Buffer) => (err += c.toString()))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line within 30 s; stderr: ${err}`)), 30_000)
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString()
      const m = /STRIPE_SERVER_READY (\d+)\n/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve({ child, port: Number(m[1]), stdout: () => out })
      }
    })
    child.on("exit", (code) => {
      clearTimeout(timer)
      reject(new Error(`the CLI exited with ${code}; stderr: ${err}`))
    })
  })
}

function exitOf(child: ChildProcessWithoutNullStreams): Promise<{ code: number | null; signal: string | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode })
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })))
}

let receiver: Awaited<ReturnType<typeof startReceiver>>
let cli: Awaited<ReturnType<typeof startCli>>
let base: string
let stripe: Stripe

async function test(method: string, route: string, body?: unknown) {
  const res = await fetch(`${base}${route}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) }
}

describe("stripe-server-cli", () => {
  beforeAll(async () => {
    receiver = await startReceiver()
    cli = await startCli(["--port", "0", "--webhook-url", receiver.url, "--webhook-secret", SECRET])
    base = `http://127.0.0.1:${cli.port}`
    stripe = new Stripe("sk_test_cli", { host: "127.0.0.1", port: cli.port, protocol: "http", maxNetworkRetries: 0 })
  }, 60_000)

  afterAll(async () => {
    if (cli && cli.child.exitCode === null) {
      cli.child.kill("SIGKILL")
      await exitOf(cli.child)
    }
    await receiver?.close()
  })

  beforeEach(async () => {
    receiver.received.length = 0
    await test("POST", "/_test/reset-log")
  })

  it("prints exactly one ready line on stdout", () => {
    expect(cli.stdout()).toBe(`STRIPE_SERVER_READY ${cli.port}\n`)
  })

  it("records API requests, filters them, and clears the log on request", async () => {
    const pi = await stripe.paymentIntents.create(
      { amount: 95000, currency: "vnd", payment_method_types: ["card"] },
      { idempotencyKey: "cli-1" }
    )
    await stripe.paymentIntents.retrieve(pi.id)
    const all = await test("GET", "/_test/requests")
    expect(all.status).toBe(200)
    expect(all.body.requests.map((r: any) => `${r.method} ${r.path}`)).toEqual([
      "POST /v1/payment_intents",
      `GET /v1/payment_intents/${pi.id}`,
    ])
    const posts = await test("GET", "/_test/requests?method=post&path=/v1/payment_intents")
    expect(posts.body.requests).toHaveLength(1)
    expect(posts.body.requests[0].rawBody).toContain("amount=95000&currency=vnd")
    expect(posts.body.requests[0].idempotencyKey).toBe("cli-1")

    expect((await test("POST", "/_test/reset-log")).body).toEqual({ ok: true })
    expect((await test("GET", "/_test/requests")).body.requests).toEqual([])
  })

  it("sends a signed event for a stored object and re-sends the same event id", async () => {
    const pi = await stripe.paymentIntents.create({ amount: 45000, currency: "vnd", payment_method_types: ["card"], metadata: { session_id: "payses_1" } })
    const sent = await test("POST", "/_test/send-event", { type: "payment_intent.succeeded", object_id: pi.id })
    expect(sent.status).toBe(200)
    expect(sent.body).toMatchObject({ type: "payment_intent.succeeded", status: 200, error: null })
    expect(sent.body.event_id).toMatch(/^evt_/)

    const again = await test("POST", "/_test/resend-event", { event_id: sent.body.event_id })
    expect(again.body).toMatchObject({ event_id: sent.body.event_id, status: 200 })

    expect(receiver.received).toHaveLength(2)
    const events = receiver.received.map((r) => JSON.parse(r.rawBody))
    expect(events.map((e) => e.id)).toEqual([sent.body.event_id, sent.body.event_id])
    expect(events[0].data.object).toMatchObject({ id: pi.id, amount: 45000, currency: "vnd", metadata: { session_id: "payses_1" } })
    expect(receiver.received.every((r) => r.status === 200)).toBe(true)

    const deliveries = await test("GET", "/_test/webhook-deliveries")
    expect(deliveries.body.deliveries.map((d: any) => d.event_id)).toEqual([sent.body.event_id, sent.body.event_id])
  })

  it("posts a raw payload with the given (bad) signature", async () => {
    const payload = JSON.stringify({ id: "evt_forged", object: "event", type: "payment_intent.succeeded", data: { object: {} } })
    const res = await test("POST", "/_test/send-raw", { payload, signature: "t=1,v1=deadbeef" })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ status: 400, url: receiver.url })
    expect(receiver.received).toEqual([{ signature: "t=1,v1=deadbeef", rawBody: payload, status: 400 }])
  })

  it("answers bad inspection calls with a JSON error", async () => {
    expect((await test("POST", "/_test/send-event", { type: "payment_intent.succeeded" })).status).toBe(400)
    expect((await test("POST", "/_test/send-event", { type: "payment_intent.succeeded", object_id: "pi_nope" })).status).toBe(404)
    expect((await test("POST", "/_test/resend-event", { event_id: "evt_nope" })).status).toBe(404)
    expect((await test("GET", "/_test/send-raw")).status).toBe(405)
    const notJson = await fetch(`${base}/_test/send-event`, { method: "POST", body: "type=x" })
    expect(notJson.status).toBe(400)
    // None of this is recorded as Stripe API traffic.
    expect((await test("GET", "/_test/requests")).body.requests).toEqual([])
  })

  it("exits with code 0 on SIGTERM", async () => {
    cli.child.kill("SIGTERM")
    expect(await exitOf(cli.child)).toEqual({ code: 0, signal: null })
  })
})

describe("parseCliArgs", () => {
  it("reads the documented flags", () => {
    expect(parseCliArgs(["--port", "0", "--webhook-url", "http://localhost:9000/hooks/payment/stripe_stripe", "--webhook-secret", "whsec_x"])).toEqual({
      port: 0,
      host: "127.0.0.1",
      webhookUrl: "http://localhost:9000/hooks/payment/stripe_stripe",
      webhookSecret: "whsec_x",
      autoWebhooks: false,
    })
    expect(parseCliArgs(["--port=4242", "--webhook-url=http://h/x", "--webhook-secret=s", "--auto-webhooks"]).autoWebhooks).toBe(true)
    expect(parseCliArgs(["--webhook-url=http://h/x", "--webhook-secret=s", "--auto-webhooks=payment_intent.succeeded,charge.refunded"]).autoWebhooks).toEqual([
      "payment_intent.succeeded",
      "charge.refunded",
    ])
  })

  it("rejects unknown or incomplete arguments", () => {
    expect(() => parseCliArgs(["--prot", "1"])).toThrow(/unknown argument "--prot"/)
    expect(() => parseCliArgs(["--port", "x"])).toThrow(/--port must be/)
    expect(() => parseCliArgs(["--port"])).toThrow(/--port needs a value/)
    expect(() => parseCliArgs(["--webhook-url", "http://h/x"])).toThrow(/go together/)
    expect(() => parseCliArgs(["--auto-webhooks"])).toThrow(/needs --webhook-url/)
    expect(() => parseCliArgs(["--webhook-url", "not a url", "--webhook-secret", "s"])).toThrow()
  })
})
