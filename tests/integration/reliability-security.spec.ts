/**
 * Reliability: security basics of the running backend.
 *  - Failed email + password logins are rate-limited (429 + Retry-After), per
 *    client IP + email and per IP; successful logins never are.
 *  - CORS answers only the configured origins.
 *  - Shopper, producer and admin tokens open only their own routes.
 *  - The built server refuses to start in production without real secrets.
 *
 * The rate-limit tests send their failures from other loopback addresses
 * (127.0.0.x, x ≥ 100): the limiter counts per client IP, so the rest of the
 * suite, which signs in from 127.0.0.1, is never throttled by them.
 */
import { spawn, type ChildProcess } from "node:child_process"
import net from "node:net"
import path from "node:path"
import { adminToken, BACKEND_URL, store, STOREFRONT_URL, uniq } from "../support/api"
import { newProducer } from "../support/producer"
import { rawRequest, type RawResponse } from "../support/raw-http"

const ROOT = path.resolve(__dirname, "..", "..")

/** A loopback source address of our own for one test (127.0.0.100–127.0.0.250). */
let nextHost = 100 + Math.floor(Math.random() * 100)
const sourceAddress = () => `127.0.0.${nextHost++}`

/** POST JSON from a given loopback source address (fetch cannot choose it): tests/support/raw-http.ts. */
function postFrom(localAddress: string, urlPath: string, body: unknown): Promise<RawResponse> {
  return rawRequest("POST", urlPath, body, { from: localAddress, timeoutMs: 30_000 })
}

async function newCustomerLogin() {
  const email = `security-${uniq()}@example.com`
  const password = "security-pass-2026"
  const reg = await postFrom("127.0.0.1", "/auth/customer/emailpass/register", { email, password })
  expect(reg.status).toBe(200)
  const created = await store("POST", "/store/customers", { token: reg.body.token, body: { email, first_name: "An" } })
  expect(created.status).toBe(200)
  return { email, password }
}

describe("authentication is rate-limited", () => {
  it("blocks an email after 10 failed logins from one IP, with Retry-After; other IPs and emails go on", async () => {
    const { email, password } = await newCustomerLogin()
    const attacker = sourceAddress()
    for (let i = 0; i < 10; i++) {
      const res = await postFrom(attacker, "/auth/customer/emailpass", { email, password: `wrong-${i}` })
      expect(res.status).toBe(401)
    }
    const blocked = await postFrom(attacker, "/auth/customer/emailpass", { email, password: "wrong-again" })
    expect(blocked.status).toBe(429)
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0)
    expect(Number(blocked.headers["retry-after"])).toBeLessThanOrEqual(15 * 60)
    expect(blocked.body.message).toMatch(/too many failed attempts/i)
    // Blocked means blocked: even the right password waits (a guess must not be confirmed).
    expect((await postFrom(attacker, "/auth/customer/emailpass", { email: email.toUpperCase(), password })).status).toBe(429)
    // Another email from the same IP is not blocked (the per-IP limit is higher)…
    expect((await postFrom(attacker, "/auth/customer/emailpass", { email: `nobody-${uniq()}@example.com`, password: "x" })).status).toBe(401)
    // …and the owner signs in from elsewhere.
    const owner = await postFrom(sourceAddress(), "/auth/customer/emailpass", { email, password })
    expect(owner.status).toBe(200)
    expect(owner.body.token).toBeTruthy()
  })

  it("never throttles successful logins", async () => {
    const { email, password } = await newCustomerLogin()
    const from = sourceAddress()
    for (let i = 0; i < 12; i++) {
      expect((await postFrom(from, "/auth/customer/emailpass", { email, password })).status).toBe(200)
    }
  })

  it("a success clears the email's failures", async () => {
    const { email, password } = await newCustomerLogin()
    const from = sourceAddress()
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 9; i++) expect((await postFrom(from, "/auth/customer/emailpass", { email, password: "nope" })).status).toBe(401)
      expect((await postFrom(from, "/auth/customer/emailpass", { email, password })).status).toBe(200)
    }
  })

  it("blocks an IP that sprays many emails (100 failures per IP)", async () => {
    const from = sourceAddress()
    for (let i = 0; i < 100; i++) {
      const res = await postFrom(from, "/auth/customer/emailpass", { email: `spray-${i}-${uniq()}@example.com`, password: "guess" })
      expect(res.status).toBe(401)
    }
    const blocked = await postFrom(from, "/auth/customer/emailpass", { email: `spray-last-${uniq()}@example.com`, password: "guess" })
    expect(blocked.status).toBe(429)
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0)
    // The per-IP block covers every actor's email + password routes.
    expect((await postFrom(from, "/auth/user/emailpass", { email: "admin@example.com", password: "x" })).status).toBe(429)
  })

  it("limits admin and producer logins, registrations and reset requests too", async () => {
    for (const actor of ["user", "producer"]) {
      const from = sourceAddress()
      const email = `target-${actor}-${uniq()}@example.com`
      for (let i = 0; i < 10; i++) expect((await postFrom(from, `/auth/${actor}/emailpass`, { email, password: "x" })).status).toBe(401)
      const res = await postFrom(from, `/auth/${actor}/emailpass`, { email, password: "x" })
      expect(res.status).toBe(429)
      expect(res.headers["retry-after"]).toBeTruthy()
    }
    // Registering an email that exists fails (401) and counts.
    const { email } = await newCustomerLogin()
    const from = sourceAddress()
    for (let i = 0; i < 10; i++) expect((await postFrom(from, "/auth/customer/emailpass/register", { email, password: "another-pass-2026" })).status).toBe(401)
    expect((await postFrom(from, "/auth/customer/emailpass/register", { email, password: "another-pass-2026" })).status).toBe(429)
    // Reset requests always answer 201 (they reveal nothing) and each one counts: they send email.
    const resetFrom = sourceAddress()
    for (let i = 0; i < 10; i++) expect((await postFrom(resetFrom, "/auth/customer/emailpass/reset-password", { identifier: email })).status).toBe(201)
    expect((await postFrom(resetFrom, "/auth/customer/emailpass/reset-password", { identifier: email })).status).toBe(429)
  })
})

describe("CORS answers the configured origins only", () => {
  const FOREIGN = "https://evil.example.com"

  async function preflight(urlPath: string, origin: string) {
    const res = await fetch(`${BACKEND_URL}${urlPath}`, {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type,authorization" },
    })
    return res.headers
  }

  it.each([
    ["store", "/store/carts", STOREFRONT_URL],
    ["auth", "/auth/customer/emailpass", STOREFRONT_URL],
    ["admin", "/admin/products", BACKEND_URL],
  ])("%s routes: the configured origin is allowed, a foreign one is not", async (_name, urlPath, allowed) => {
    const ok = await preflight(urlPath, allowed)
    expect(ok.get("access-control-allow-origin")).toBe(allowed)
    expect(ok.get("access-control-allow-credentials")).toBe("true")
    const evil = await preflight(urlPath, FOREIGN)
    expect(evil.get("access-control-allow-origin")).toBeNull()
  })

  it("a simple request from a foreign origin gets no CORS headers", async () => {
    const evil = await store("GET", "/store/regions", { headers: { origin: FOREIGN } })
    expect(evil.status).toBe(200) // CORS is the browser's guard: the server only withholds the headers.
    expect(evil.headers.get("access-control-allow-origin")).toBeNull()
    const ok = await store("GET", "/store/regions", { headers: { origin: STOREFRONT_URL } })
    expect(ok.headers.get("access-control-allow-origin")).toBe(STOREFRONT_URL)
  })

  it("the storefront origin is not an admin origin", async () => {
    const headers = await preflight("/admin/products", STOREFRONT_URL)
    expect(headers.get("access-control-allow-origin")).toBeNull()
  })
})

describe("tokens open only their own actor's routes", () => {
  let customer: string
  let producer: string
  let adminTok: string

  beforeAll(async () => {
    const { email, password } = await newCustomerLogin()
    customer = (await postFrom("127.0.0.1", "/auth/customer/emailpass", { email, password })).body.token
    producer = (await newProducer()).token
    adminTok = await adminToken()
  }, 60_000)

  const get = (urlPath: string, token: string) =>
    fetch(`${BACKEND_URL}${urlPath}`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status)
  const post = (urlPath: string, token: string, body: unknown = {}) =>
    fetch(`${BACKEND_URL}${urlPath}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    }).then((r) => r.status)

  const ADMIN_ROUTES = ["/admin/products", "/admin/orders", "/admin/customers", "/admin/producers", "/admin/ocop/certifications", "/admin/ocop/listing-changes", "/admin/users/me"]
  const PRODUCER_ROUTES = ["/producers/me", "/producers/me/products", "/producers/me/orders", "/producers/me/members", "/producers/me/changes"]

  it("sanity: each token opens its own routes", async () => {
    expect(await get("/admin/products?limit=1", adminTok)).toBe(200)
    expect(await get("/producers/me/products", producer)).toBe(200)
    const me = await store("GET", "/store/customers/me", { token: customer })
    expect(me.status).toBe(200)
  })

  it("a shopper token opens no admin and no producer route", async () => {
    for (const r of [...ADMIN_ROUTES, ...PRODUCER_ROUTES]) expect([r, await get(r, customer)]).toEqual([r, 401])
    expect(await post("/admin/producers", customer, { handle: "x" })).toBe(401)
    expect(await post("/producers/me/products", customer, {})).toBe(401)
    expect(await post("/producers", customer, {})).toBe(401)
  })

  it("a producer token opens no admin route", async () => {
    for (const r of ADMIN_ROUTES) expect([r, await get(r, producer)]).toEqual([r, 401])
    expect(await post("/admin/ocop/certifications", producer, {})).toBe(401)
    expect(await post("/admin/products", producer, { title: "x" })).toBe(401)
  })

  it("an admin token opens no producer route, and neither opens the shopper's account", async () => {
    for (const r of PRODUCER_ROUTES) expect([r, await get(r, adminTok)]).toEqual([r, 401])
    expect(await post("/producers/me/products", adminTok, {})).toBe(401)
    for (const token of [adminTok, producer]) {
      const res = await store("GET", "/store/customers/me", { token })
      expect(res.status).toBe(401)
    }
  })

  it("a forged or expired-looking token opens nothing", async () => {
    const [h, p] = adminTok.split(".")
    const forged = `${h}.${p}.${"A".repeat(43)}`
    expect(await get("/admin/products", forged)).toBe(401)
    expect(await get("/producers/me", "not-a-jwt")).toBe(401)
  })
})

describe("production refuses to start without real secrets", () => {
  const children = new Set<ChildProcess>()

  afterAll(() => {
    for (const child of children) {
      try {
        process.kill(-child.pid!, "SIGKILL")
      } catch {}
    }
  })

  function freePort(): Promise<number> {
    return new Promise((resolve) => {
      const s = net.createServer().listen(0, "127.0.0.1", () => {
        const { port } = s.address() as net.AddressInfo
        s.close(() => resolve(port))
      })
    })
  }

  /** `medusa start` on the built server, as scripts/lib/backend.mjs serveBackend does, bounded by a timeout. */
  async function startBuilt(overrides: Record<string, string | undefined>, timeoutMs = 90_000) {
    const base = JSON.parse(process.env.OCOP_BACKEND_ENV_JSON ?? "{}") as Record<string, string>
    const port = await freePort()
    const env: Record<string, string> = { ...base, PORT: String(port), NODE_ENV: "production", LOG_LEVEL: "info" }
    for (const [k, v] of Object.entries(overrides)) {
      if (v === undefined) delete env[k]
      else env[k] = v
    }
    const child = spawn(path.join(ROOT, "node_modules", ".bin", "medusa"), ["start"], {
      cwd: path.join(ROOT, "backend", ".medusa", "server"),
      env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    })
    children.add(child)
    let out = ""
    child.stdout.on("data", (d) => (out += d))
    child.stderr.on("data", (d) => (out += d))
    const result = await new Promise<{ code: number | null; timedOut: boolean }>((resolve) => {
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, "SIGKILL")
        } catch {}
        resolve({ code: null, timedOut: true })
      }, timeoutMs)
      child.on("exit", (code) => {
        clearTimeout(timer)
        resolve({ code, timedOut: false })
      })
    })
    // Whatever it started (workers, …) goes with it.
    try {
      process.kill(-child.pid!, "SIGKILL")
    } catch {}
    children.delete(child)
    return { ...result, out, port }
  }

  it.each([
    // A deployment is a backend without OCOP_DEMO=true (backend/src/config/deployment.ts); the
    // shared test backend is the demo, so its environment drops OCOP_DEMO here.
    ["no JWT_SECRET", { OCOP_DEMO: undefined, JWT_SECRET: undefined }, /JWT_SECRET must be set/],
    ["a short default COOKIE_SECRET", { OCOP_DEMO: undefined, COOKIE_SECRET: "supersecret" }, /COOKIE_SECRET must be set/],
  ])("%s: exits non-zero with a clear message", async (_name, overrides, message) => {
    const res = await startBuilt(overrides)
    expect(res.timedOut).toBe(false)
    expect(res.code).not.toBe(0)
    expect(res.out).toMatch(message)
    // Nothing listens on its port.
    const listening = await fetch(`http://127.0.0.1:${res.port}/health`).then(
      () => true,
      () => false
    )
    expect(listening).toBe(false)
  }, 120_000)
})
