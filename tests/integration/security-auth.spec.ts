/**
 * Security of sign-in, password resets and invites (issue 13, items 2, 4, 10, 12).
 *
 *  2. The auth rate limit counts every path spelling Medusa's router resolves to
 *     the auth handlers, and a parallel burst never gets more than the limit through.
 *  4. A reset for actor X is only issued for identities that are an X; reset and
 *     invite tokens never reach the log.
 * 10. Only an approved producer invites; an invite answers the same whether or not
 *     the email already works for a producer; invites per producer are limited.
 * 12. The storefront's forwarded client IP is believed only with the shared secret.
 *
 * Like reliability-security.spec.ts, attempts come from their own loopback source
 * addresses (127.0.0.x) so that the rest of the suite is never throttled by them.
 */
import fs from "node:fs"
import path from "node:path"
import { ADMIN, admin, BACKEND_URL, http as api, STOREFRONT_URL, uniq } from "../support/api"
import { linkIn, mailsTo, waitForMail } from "../support/mailbox"
import { newProducer } from "../support/producer"
import { rawRequest, type RawResponse } from "../support/raw-http"

const ROOT = path.resolve(__dirname, "..", "..")
const BACKEND_LOG = path.join(ROOT, "test-results", "backend.log")
const backendEnv = JSON.parse(process.env.OCOP_BACKEND_ENV_JSON ?? "{}") as Record<string, string>
const STOREFRONT_SECRET = backendEnv.OCOP_STOREFRONT_SECRET ?? ""

/** A loopback source address of our own (127.0.1.x: reliability-security.spec.ts uses 127.0.0.100–250). */
let nextHost = 10 + Math.floor(Math.random() * 100)
const sourceAddress = () => `127.0.1.${nextHost++}`

type Res = RawResponse

/** A raw request (the path exactly as written, from a chosen source address): tests/support/raw-http.ts. */
function send(method: string, rawPath: string, body: unknown, options: { from?: string; headers?: Record<string, string> } = {}): Promise<Res> {
  return rawRequest(method, rawPath, body, options)
}

const post = (rawPath: string, body: unknown, opts?: Parameters<typeof send>[3]) => send("POST", rawPath, body, opts)

function expectTooMany(res: Res) {
  expect(res.status).toBe(429)
  expect(res.body.type).toBe("too_many_requests")
  const retry = Number(res.headers["retry-after"])
  expect(retry).toBeGreaterThan(0)
  expect(retry).toBeLessThanOrEqual(15 * 60)
}

async function newCustomer() {
  const email = `sec-auth-${uniq()}@example.com`
  const password = "sec-auth-pass-2026"
  const reg = await post("/auth/customer/emailpass/register", { email, password })
  expect(reg.status).toBe(200)
  const created = await api("POST", "/store/customers", {
    token: reg.body.token,
    body: { email, first_name: "Lan" },
    headers: { "x-publishable-api-key": process.env.OCOP_PUBLISHABLE_KEY ?? "" },
  })
  expect(created.status).toBe(200)
  return { email, password }
}

// Item 2 -------------------------------------------------------------------------------

/**
 * Spellings of the three email + password routes. Express's router (which Medusa
 * uses) matches case-insensitively, decodes parameters and ignores one trailing
 * slash; it does not merge duplicate slashes. `resolves` is what the running server
 * does with each — the first test checks that, so this list cannot drift from it.
 */
const LOGIN_SPELLINGS: { path: string; resolves: boolean }[] = [
  { path: "/auth/customer/emailpass", resolves: true },
  { path: "/Auth/customer/emailpass", resolves: true },
  { path: "/AUTH/customer/emailpass", resolves: true },
  { path: "/auth/Customer/emailpass", resolves: true },
  { path: "/auth/customer/emailp%61ss", resolves: true },
  { path: "/auth/%63ustomer/emailpass", resolves: true },
  { path: "/auth/customer/emailpass/", resolves: true },
  { path: "/auth/customer/emailpass?x=1", resolves: true },
  { path: "/auth/anything/emailpass", resolves: true },
  // Reaches the handler, which finds no provider "EMAILPASS" (401): counted like a failure, nothing checked.
  { path: "/auth/customer/EMAILPASS", resolves: true },
  { path: "/auth//customer/emailpass", resolves: false },
  { path: "//auth/customer/emailpass", resolves: false },
  { path: "/auth/customer//emailpass", resolves: false },
]

describe("item 2: every spelling the router resolves counts against one limit", () => {
  it("the router resolves exactly the spellings listed (wrong password: 401; not resolved: 404)", async () => {
    const { email } = await newCustomer()
    const seen: Record<string, number> = {}
    for (const s of LOGIN_SPELLINGS) seen[s.path] = (await post(s.path, { email, password: "wrong" }, { from: sourceAddress() })).status
    const expected = Object.fromEntries(LOGIN_SPELLINGS.map((s) => [s.path, s.resolves ? 401 : 404]))
    expect(seen).toEqual(expected)
  })

  it("10 failures spread over the spellings block every spelling (429 + Retry-After), and the right password waits too", async () => {
    const { email, password } = await newCustomer()
    const resolving = LOGIN_SPELLINGS.filter((s) => s.resolves).map((s) => s.path)
    const attacker = sourceAddress()
    for (let i = 0; i < 10; i++) {
      const res = await post(resolving[i % resolving.length], { email: i % 2 ? email.toUpperCase() : email, password: `wrong-${i}` }, { from: attacker })
      expect([resolving[i % resolving.length], res.status]).toEqual([resolving[i % resolving.length], 401])
    }
    for (const p of resolving) {
      const res = await post(p, { email, password: "wrong-again" }, { from: attacker })
      expectTooMany(res)
    }
    // GET runs the same login handler as POST (the body is parsed for GET too).
    expectTooMany(await send("GET", "/auth/customer/emailpass", { email, password: "wrong" }, { from: attacker }))
    expectTooMany(await post("/auth/customer/emailpass", { email, password }, { from: attacker }))
    // Nothing changed for the owner elsewhere.
    const owner = await post("/auth/customer/emailpass", { email, password }, { from: sourceAddress() })
    expect(owner.status).toBe(200)
    expect(owner.body.token).toBeTruthy()
  })

  it("register and reset-password spellings share their route's limit", async () => {
    const { email } = await newCustomer()
    const register = ["/auth/customer/emailpass/register", "/Auth/customer/emailpass/register/", "/auth/customer/emailp%61ss/Register"]
    const from = sourceAddress()
    for (let i = 0; i < 10; i++) expect((await post(register[i % 3], { email, password: "another-pass-2026" }, { from })).status).toBe(401)
    for (const p of register) expectTooMany(await post(p, { email, password: "another-pass-2026" }, { from }))

    const reset = ["/auth/customer/emailpass/reset-password", "/AUTH/customer/emailpass/reset-password/", "/auth/customer/emailp%61ss/Reset-Password"]
    // Only parameters are decoded: a static segment spelled with %-escapes reaches no handler.
    expect((await post("/auth/customer/emailpass/reset-p%61ssword", { identifier: email }, { from: sourceAddress() })).status).toBe(404)
    const resetFrom = sourceAddress()
    for (let i = 0; i < 10; i++) expect((await post(reset[i % 3], { identifier: email }, { from: resetFrom })).status).toBe(201)
    for (const p of reset) expectTooMany(await post(p, { identifier: email }, { from: resetFrom }))
  })

  it("a burst of 30 parallel wrong passwords lets no more than 10 through", async () => {
    const { email, password } = await newCustomer()
    const from = sourceAddress()
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => post("/auth/customer/emailpass", { email, password: `burst-${i}` }, { from })))
    const statuses = results.map((r) => r.status)
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10)
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([])
    for (const r of results.filter((r) => r.status === 429)) expectTooMany(r)
    // Still blocked afterwards, even with the right password; the owner elsewhere is not.
    expectTooMany(await post("/auth/customer/emailpass", { email, password }, { from }))
    expect((await post("/auth/customer/emailpass", { email, password }, { from: sourceAddress() })).status).toBe(200)
  })
})

// Item 4 -------------------------------------------------------------------------------

async function notificationsTo(email: string) {
  const res = await admin("GET", `/admin/notifications?limit=100&order=-created_at&fields=to,template,data,created_at`)
  expect(res.status).toBe(200)
  return (res.body.notifications as any[]).filter((n) => n.to === email)
}

describe("item 4: resets only for the actor's own identities, and no token in the logs", () => {
  it("a producer-actor reset for the admin's (or a shopper's) email issues nothing, answers 201, and the admin's password still works", async () => {
    const shopper = await newCustomer()
    const from = sourceAddress()
    for (const identifier of [ADMIN.email, shopper.email]) {
      const res = await post("/auth/producer/emailpass/reset-password", { identifier }, { from })
      expect(res.status).toBe(201)
    }
    // A control reset for a real producer: once its notification is there, the subscriber
    // has handled the requests sent before it.
    const producer = await newProducer()
    expect((await post("/auth/producer/emailpass/reset-password", { identifier: producer.email }, { from })).status).toBe(201)
    await expect.poll(async () => (await notificationsTo(producer.email)).some((n) => n.template === "ocop-producer-password-reset"), { timeout: 20_000 }).toBe(true)
    // (The admin address gets other mail — its own resets, the daily digest — but no producer reset.)
    expect((await notificationsTo(ADMIN.email)).filter((n) => n.template === "ocop-producer-password-reset")).toEqual([])
    expect(await notificationsTo(shopper.email)).toEqual([])
    // The same answer as for an address nobody uses.
    expect((await post("/auth/producer/emailpass/reset-password", { identifier: `nobody-${uniq()}@example.com` }, { from })).status).toBe(201)
    // Nothing changed: both still sign in with their passwords.
    expect((await post("/auth/user/emailpass", { email: ADMIN.email, password: ADMIN.password }, { from: sourceAddress() })).status).toBe(200)
    expect((await post("/auth/customer/emailpass", { email: shopper.email, password: shopper.password }, { from: sourceAddress() })).status).toBe(200)
  })

  it("reset and invite tokens never appear in the log or the notification table; the log says what was sent to whom", async () => {
    const owner = await newProducer()
    expect((await post("/auth/producer/emailpass/reset-password", { identifier: owner.email, metadata: { locale: "en" } }, { from: sourceAddress() })).status).toBe(201)
    // The token, as the producer gets it: in the link of the email.
    const resetMail = await waitForMail(owner.email, "ocop-producer-password-reset")
    const resetLink = new URL(linkIn(resetMail, "/reset-password"))
    const resetToken = resetLink.searchParams.get("token") ?? ""
    expect(resetToken.length).toBeGreaterThan(20)

    const memberEmail = `sec-member-${uniq()}@example.com`
    const invite = await api("POST", "/producers/me/members", { token: owner.token, body: { email: memberEmail } })
    expect(invite.status).toBe(201)
    const inviteToken: string = invite.body.token
    const inviteMail = await waitForMail(memberEmail, "ocop-producer-invite")
    expect(new URL(linkIn(inviteMail, "/producer/join")).searchParams.get("token")).toBe(inviteToken)

    // Once the invite's email is logged (whatever the provider writes, it names the recipient)…
    await expect.poll(() => fs.readFileSync(BACKEND_LOG, "utf8"), { timeout: 20_000 }).toContain(memberEmail)
    const log = fs.readFileSync(BACKEND_LOG, "utf8")
    // …no token is in the log, in clear or URL-encoded…
    for (const token of [resetToken, inviteToken]) {
      expect(log).not.toContain(token)
      expect(log).not.toContain(encodeURIComponent(token))
    }
    // …it says what was sent to whom…
    expect(log).toContain(`sent ocop-producer-password-reset to ${owner.email}`)
    expect(log).toContain(`sent ocop-producer-invite to ${memberEmail}`)
    // …and the stored notifications (GET /admin/notifications) hold the links sealed, never the tokens.
    // (The owner also got its approval mail: every stored row of both addresses is checked.)
    const stored = [...(await notificationsTo(owner.email)), ...(await notificationsTo(memberEmail))]
    const linked = stored.filter((n) => ["ocop-producer-invite", "ocop-producer-password-reset"].includes(n.template))
    expect(linked.map((n) => n.template).sort()).toEqual(["ocop-producer-invite", "ocop-producer-password-reset"])
    for (const n of linked) expect(JSON.stringify(n.data)).toContain("sealed_url")
    for (const n of stored) {
      const data = JSON.stringify(n.data)
      for (const token of [resetToken, inviteToken]) {
        expect(data).not.toContain(token)
        expect(data).not.toContain(encodeURIComponent(token))
      }
    }
  })
})

describe("password resets go by email, with a link that works", () => {
  async function resetPage(link: URL, testId: string) {
    const page = await fetch(link)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain(`data-testid="${testId}"`)
  }

  it("producer: the English reset mail links to the portal's reset page, and its token sets the new password once", async () => {
    const producer = await newProducer()
    expect((await post("/auth/producer/emailpass/reset-password", { identifier: producer.email, metadata: { locale: "en" } }, { from: sourceAddress() })).status).toBe(201)
    const mail = await waitForMail(producer.email, "ocop-producer-password-reset")
    expect(mail.subject).toBe("Reset your producer portal password — Huế OCOP Marketplace")
    expect(mail.html).toMatch(/<html[^>]* lang="en"/)
    const link = new URL(linkIn(mail, "/reset-password"))
    expect(`${link.origin}${link.pathname}`).toBe(`${STOREFRONT_URL}/en/producer/reset-password`)
    expect(link.searchParams.get("email")).toBe(producer.email)
    await resetPage(link, "producer-reset-form")
    const token = link.searchParams.get("token")!
    const password = `new-pass-${uniq()}`
    const update = await post("/auth/producer/emailpass/update", { password }, { from: sourceAddress(), headers: { authorization: `Bearer ${token}` } })
    expect(update.status).toBe(200)
    expect((await post("/auth/producer/emailpass", { email: producer.email, password }, { from: sourceAddress() })).status).toBe(200)
    // Used once: the same link cannot set another password.
    const again = await post("/auth/producer/emailpass/update", { password: `other-${uniq()}` }, { from: sourceAddress(), headers: { authorization: `Bearer ${token}` } })
    expect(again.status).toBe(401)
  })

  it("shopper: the Vietnamese reset mail links to the account's reset page, and its token sets the new password", async () => {
    const shopper = await newCustomer()
    expect((await post("/auth/customer/emailpass/reset-password", { identifier: shopper.email, metadata: { locale: "vi" } }, { from: sourceAddress() })).status).toBe(201)
    const mail = await waitForMail(shopper.email, "ocop-customer-password-reset")
    expect(mail.subject).toBe("Đặt lại mật khẩu tài khoản — Chợ OCOP Huế")
    const link = new URL(linkIn(mail, "/reset-password"))
    expect(`${link.origin}${link.pathname}`).toBe(`${STOREFRONT_URL}/vi/account/reset-password`)
    await resetPage(link, "account-reset-form")
    const password = `new-pass-${uniq()}`
    const update = await post("/auth/customer/emailpass/update", { password }, { from: sourceAddress(), headers: { authorization: `Bearer ${link.searchParams.get("token")}` } })
    expect(update.status).toBe(200)
    expect((await post("/auth/customer/emailpass", { email: shopper.email, password }, { from: sourceAddress() })).status).toBe(200)
    expect((await post("/auth/customer/emailpass", { email: shopper.email, password: shopper.password }, { from: sourceAddress() })).status).toBe(401)
  })

  it("admin user: the reset mail links to the dashboard's reset page with a working token", async () => {
    const before = (await mailsTo(ADMIN.email, "ocop-user-password-reset")).length
    expect((await post("/auth/user/emailpass/reset-password", { identifier: ADMIN.email }, { from: sourceAddress() })).status).toBe(201)
    const mail = await waitForMail(ADMIN.email, "ocop-user-password-reset", before + 1)
    expect(mail.subject).toBe("Đặt lại mật khẩu trang quản trị — Chợ OCOP Huế")
    const link = new URL(linkIn(mail, "/app/reset-password"))
    expect(`${link.origin}${link.pathname}`).toBe(`${BACKEND_URL}/app/reset-password`)
    // The token is good (set to the same password: the other suites sign in with it).
    const update = await post("/auth/user/emailpass/update", { password: ADMIN.password }, { from: sourceAddress(), headers: { authorization: `Bearer ${link.searchParams.get("token")}` } })
    expect(update.status).toBe(200)
    expect((await post("/auth/user/emailpass", { email: ADMIN.email, password: ADMIN.password }, { from: sourceAddress() })).status).toBe(200)
  })
})

// Item 10 ------------------------------------------------------------------------------

describe("item 10: invites", () => {
  it("a pending or suspended producer cannot invite: 403 with the reason, nothing created", async () => {
    const pending = await newProducer({ approve: false })
    const res = await api("POST", "/producers/me/members", { token: pending.token, body: { email: `p-${uniq()}@example.com` } })
    expect(res.status).toBe(403)
    expect(res.body.type).toBe("forbidden")
    expect(res.body.message).toMatch(/still being reviewed/)

    const suspended = await newProducer()
    expect((await admin("POST", `/admin/producers/${suspended.producer.id}/suspend`, { reason: "Hygiene inspection (test)" })).status).toBe(200)
    const refused = await api("POST", "/producers/me/members", { token: suspended.token, body: { email: `s-${uniq()}@example.com` } })
    expect(refused.status).toBe(403)
    expect(refused.body.type).toBe("forbidden")
    expect(refused.body.message).toMatch(/suspended \(Hygiene inspection \(test\)\)/)

    for (const p of [pending, suspended]) {
      const team = await api("GET", "/producers/me/members", { token: p.token })
      expect(team.status).toBe(200)
      expect(team.body.invites).toEqual([])
    }
  })

  it("an invite answers the same whether or not the email already works for a producer", async () => {
    const owner = await newProducer()
    const other = await newProducer()
    const taken = await api("POST", "/producers/me/members", { token: owner.token, body: { email: other.email } })
    const fresh = await api("POST", "/producers/me/members", { token: owner.token, body: { email: `fresh-${uniq()}@example.com` } })
    expect([taken.status, fresh.status]).toEqual([201, 201])
    expect(Object.keys(taken.body).sort()).toEqual(Object.keys(fresh.body).sort())
    expect(Object.keys(taken.body.invite).sort()).toEqual(Object.keys(fresh.body.invite).sort())
    expect(taken.body.invite).toMatchObject({ email: other.email, role: "member" })
    expect(taken.body.token.length).toBe(fresh.body.token.length)
    // Both are listed alike; the other producer's owner stays where it is.
    const team = await api("GET", "/producers/me/members", { token: owner.token })
    expect(team.body.invites.map((i: any) => i.email).sort()).toEqual([other.email, fresh.body.invite.email].sort())
    expect(team.body.members.map((m: any) => m.email)).toEqual([owner.email])
    const theirs = await api("GET", "/producers/me", { token: other.token })
    expect(theirs.body.producer.id).toBe(other.producer.id)
  })

  it("invites per producer are limited: the 21st in a day is a 429 with Retry-After and creates nothing", async () => {
    const owner = await newProducer()
    for (let i = 0; i < 20; i++) {
      const res = await api("POST", "/producers/me/members", { token: owner.token, body: { email: `bulk-${i}-${uniq()}@example.com` } })
      expect([i, res.status]).toEqual([i, 201])
    }
    const res = await api("POST", "/producers/me/members", { token: owner.token, body: { email: `bulk-last-${uniq()}@example.com` } })
    expect(res.status).toBe(429)
    expect(res.body.type).toBe("too_many_requests")
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0)
    const team = await api("GET", "/producers/me/members", { token: owner.token })
    expect(team.body.invites).toHaveLength(20)
    // Per producer: another producer still invites.
    const other = await newProducer()
    expect((await api("POST", "/producers/me/members", { token: other.token, body: { email: `o-${uniq()}@example.com` } })).status).toBe(201)
  })
})

// Item 12 ------------------------------------------------------------------------------

/** The hidden fields React renders into a server-action form, so it can be submitted without JavaScript. */
function hiddenFields(html: string, formTestId: string): [string, string][] {
  const start = html.indexOf(`data-testid="${formTestId}"`)
  expect(start).toBeGreaterThan(-1)
  const form = html.slice(html.lastIndexOf("<form", start), html.indexOf("</form>", start))
  const decode = (v: string) => v.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&")
  return [...form.matchAll(/<input([^>]*)>/g)]
    .map((m) => m[1])
    .filter((attrs) => /type="hidden"/.test(attrs))
    .map((attrs) => [decode(/name="([^"]*)"/.exec(attrs)?.[1] ?? ""), decode(/value="([^"]*)"/.exec(attrs)?.[1] ?? "")] as [string, string])
    .filter(([name]) => name)
}

/** Signs in through the storefront's login form (its server action), as a shopper at `clientIp`; returns the page's error. */
async function storefrontLogin(email: string, password: string, clientIp: string): Promise<string | null> {
  const pageUrl = `${STOREFRONT_URL}/vi/account`
  const page = await fetch(pageUrl, { headers: { "x-forwarded-for": clientIp } })
  expect(page.status).toBe(200)
  const form = new FormData()
  for (const [name, value] of hiddenFields(await page.text(), "login-form")) form.append(name, value)
  form.set("email", email)
  form.set("password", password)
  const res = await fetch(pageUrl, { method: "POST", body: form, redirect: "manual", headers: { "x-forwarded-for": clientIp } })
  if (res.status === 303 || res.status === 307) return null
  const html = await res.text()
  const error = /data-testid="login-error"[^>]*>([^<]*)</.exec(html)?.[1]
  return error ?? null
}

describe("item 12: the storefront's client IP is believed only with the shared secret", () => {
  it("npm test gives the backend and the storefront a storefront secret", () => {
    expect(STOREFRONT_SECRET.length).toBeGreaterThanOrEqual(16)
  })

  it("with the secret, shoppers behind the one storefront address are limited apart", async () => {
    const { email, password } = await newCustomer()
    const storefront = sourceAddress()
    const as = (ip: string) => ({ from: storefront, headers: { "x-ocop-client-ip": ip, "x-ocop-storefront-secret": STOREFRONT_SECRET } })
    for (let i = 0; i < 10; i++) expect((await post("/auth/customer/emailpass", { email, password: "wrong" }, as("203.0.113.7"))).status).toBe(401)
    expectTooMany(await post("/auth/customer/emailpass", { email, password: "wrong" }, as("203.0.113.7")))
    // Another shopper (same email even) through the same storefront is not blocked.
    const other = await post("/auth/customer/emailpass", { email, password }, as("198.51.100.23"))
    expect(other.status).toBe(200)
  })

  it("through the storefront's sign-in: one shopper's failures do not block another shopper behind it", async () => {
    // Without a proxy in front (as in tests), the storefront reads the shopper's address from the
    // X-Forwarded-For Next keeps or sets; every request reaches the backend from the storefront's one address.
    const { email, password } = await newCustomer()
    const attacker = `203.0.113.${100 + Math.floor(Math.random() * 100)}`
    for (let i = 0; i < 10; i++) {
      const error = await storefrontLogin(email, `wrong-${i}`, attacker)
      expect(error).toBeTruthy()
      expect(error).not.toMatch(/too many/i)
    }
    expect(await storefrontLogin(email, "wrong-again", attacker)).toMatch(/too many failed attempts/i)
    // The account's owner, elsewhere, signs in through the same storefront.
    expect(await storefrontLogin(email, password, "198.51.100.77")).toBeNull()
  })

  it("without the right secret the header (and X-Forwarded-For) is ignored: the socket address counts", async () => {
    const { email } = await newCustomer()
    const from = sourceAddress()
    for (let i = 0; i < 10; i++) {
      const headers = { "x-ocop-client-ip": `203.0.113.${i + 1}`, "x-ocop-storefront-secret": `${STOREFRONT_SECRET.slice(0, -1)}x`, "x-forwarded-for": `198.51.100.${i + 1}` }
      expect((await post("/auth/customer/emailpass", { email, password: "wrong" }, { from, headers })).status).toBe(401)
    }
    expectTooMany(await post("/auth/customer/emailpass", { email, password: "wrong" }, { from, headers: { "x-ocop-client-ip": "203.0.113.200" } }))
  })
})
