/**
 * Tiny HTTP client for tests: real fetch against the real backend that
 * scripts/test.mjs started (URLs come from the environment).
 */
export const BACKEND_URL = process.env.OCOP_BACKEND_URL ?? "http://localhost:9000"
export const STOREFRONT_URL = process.env.OCOP_STOREFRONT_URL ?? "http://localhost:8000"
export const PUBLISHABLE_KEY = process.env.OCOP_PUBLISHABLE_KEY ?? ""
export const ADMIN = {
  email: process.env.OCOP_ADMIN_EMAIL ?? "admin@ocop-hue.vn",
  password: process.env.OCOP_ADMIN_PASSWORD ?? "ocop-admin-2026",
}

export type ApiResponse<T = any> = { status: number; body: T; headers: Headers }

export async function http<T = any>(
  method: string,
  path: string,
  { body, headers = {}, token, baseUrl = BACKEND_URL }: { body?: unknown; headers?: Record<string, string>; token?: string; baseUrl?: string } = {}
): Promise<ApiResponse<T>> {
  // baseUrl: another backend process on the same database (tests/support/backend-process.ts).
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  })
  const text = await res.text()
  let parsed: any = text
  try {
    parsed = text ? JSON.parse(text) : null
  } catch {}
  return { status: res.status, body: parsed, headers: res.headers }
}

/** Store call with the publishable key. */
export function store<T = any>(
  method: string,
  path: string,
  opts: { body?: unknown; token?: string; headers?: Record<string, string>; baseUrl?: string } = {}
) {
  return http<T>(method, path, { ...opts, headers: { "x-publishable-api-key": PUBLISHABLE_KEY, ...(opts.headers ?? {}) } })
}

const tokens = new Map<string, string>()

export async function login(actor: "user" | "customer" | "producer", email: string, password: string): Promise<string> {
  const key = `${actor}:${email}`
  if (tokens.has(key)) return tokens.get(key)!
  const res = await http("POST", `/auth/${actor}/emailpass`, { body: { email, password } })
  if (res.status !== 200 || !res.body?.token) throw new Error(`login ${actor} ${email} failed: ${res.status} ${JSON.stringify(res.body)}`)
  tokens.set(key, res.body.token)
  return res.body.token
}

export const adminToken = () => login("user", ADMIN.email, ADMIN.password)

export async function admin<T = any>(method: string, path: string, body?: unknown) {
  return http<T>(method, path, { body, token: await adminToken() })
}

/** Unique suffix for test data. */
export const uniq = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
