/**
 * The admin's session cookie, per deployment (medusa-config.ts, `sessionCookieIsSecure`): the quick
 * start serves the built backend with NODE_ENV=production on http://localhost, where a `Secure`
 * cookie is silently never set and the dashboard cannot sign in; a deployment served at an https://
 * URL keeps it `Secure`, set only when the request arrived over TLS (directly, or through a proxy
 * that says so with `X-Forwarded-Proto: https`).
 */
import { ADMIN, BACKEND_URL, http } from "../support/api"
import { type BackendProcess, sharedBackendEnv, startBackendProcess } from "../support/backend-process"

async function adminToken(baseUrl: string) {
  const res = await http("POST", "/auth/user/emailpass", { body: ADMIN, baseUrl })
  expect(res.status).toBe(200)
  return res.body.token as string
}

/** What the dashboard does after signing in: trade the token for a session cookie. */
async function openSession(baseUrl: string, headers: Record<string, string> = {}) {
  return http("POST", "/auth/session", { token: await adminToken(baseUrl), headers, baseUrl })
}

describe("admin session cookie", () => {
  it("is set, httpOnly, SameSite=Lax and not Secure on the quick start's http://localhost", async () => {
    const res = await openSession(BACKEND_URL)
    expect(res.status).toBe(200)
    const cookie = res.headers.get("set-cookie") ?? ""
    expect(cookie).toMatch(/^connect\.sid=/)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    expect(cookie).not.toMatch(/Secure/i)

    // The cookie alone opens the admin API (what the dashboard does next).
    const me = await http("GET", "/admin/users/me", { headers: { cookie: cookie.split(";")[0] } })
    expect(me.status).toBe(200)
    expect(me.body.user.email).toBe(ADMIN.email)
  })

  describe("a deployment served at an https:// URL", () => {
    let backend: BackendProcess

    beforeAll(async () => {
      backend = await startBackendProcess({
        name: "backend-https-url",
        env: { ...sharedBackendEnv(), MEDUSA_BACKEND_URL: "https://shop.example.test", DISABLE_ADMIN: "true" },
      })
    })
    afterAll(async () => {
      await backend?.stop()
    })

    it("sets a Secure cookie when the TLS proxy forwards the request", async () => {
      const res = await openSession(backend.url, { "x-forwarded-proto": "https" })
      expect(res.status).toBe(200)
      const cookie = res.headers.get("set-cookie") ?? ""
      expect(cookie).toMatch(/^connect\.sid=/)
      expect(cookie).toMatch(/;\s*Secure/i)
      expect(cookie).toMatch(/HttpOnly/i)
    })

    it("never sets the cookie over plain HTTP (fails closed)", async () => {
      const res = await openSession(backend.url)
      expect(res.status).toBe(200)
      expect(res.headers.get("set-cookie")).toBeNull()
    })
  })
})
