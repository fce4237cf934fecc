/**
 * A search client bound to one running backend, so the same conformance suite
 * runs against every configured provider (each behind its own backend).
 */
export type Provider = "postgres" | "meilisearch"
export type Params = Record<string, string | number | Array<string | number> | undefined>
export type Res<T = any> = { status: number; body: T; headers: Headers }

export type SearchHit = {
  id: string
  handle: string
  title: string
  title_en: string | null
  subtitle: string | null
  thumbnail: string | null
  stars: number
  potential_five_star: boolean
  group_code: string
  producer_name: string | null
  producer_handle: string | null
  producer_type: string | null
  district: string | null
  commune: string | null
  price_vnd: number | null
  price_usd: number | null
}
export type SearchBody = {
  hits: SearchHit[]
  count: number
  facets: Record<"stars" | "group_code" | "district" | "commune" | "producer_type" | "price_range", Record<string, number>>
}

export type SearchClient = {
  provider: Provider
  baseUrl: string
  /** GET /store/ocop/search with the publishable key; arrays become repeated parameters. */
  search(params?: Params): Promise<Res<SearchBody>>
  /** GET /store/ocop/search with a raw query string (for malformed input). */
  searchRaw(queryString: string): Promise<Res>
  /** POST /store/search (Medusa's own endpoint). */
  storeSearch(body: unknown): Promise<Res>
  /** Authenticated admin call. */
  admin(method: string, path: string, body?: unknown): Promise<Res>
  stop(): Promise<void>
}

export function toQueryString(params: Params = {}): string {
  const qs = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue
    for (const item of Array.isArray(v) ? v : [v]) qs.append(k, String(item))
  }
  return qs.toString()
}

async function call(url: string, init: RequestInit = {}): Promise<Res> {
  const res = await fetch(url, init)
  const text = await res.text()
  let body: any = text
  try {
    body = text ? JSON.parse(text) : null
  } catch {}
  return { status: res.status, body, headers: res.headers }
}

export function httpSearchClient(opts: {
  provider: Provider
  baseUrl: string
  publishableKey: string
  adminEmail: string
  adminPassword: string
  stop?: () => Promise<void>
}): SearchClient {
  const storeHeaders = { "x-publishable-api-key": opts.publishableKey }
  let token: string | undefined
  const adminToken = async () => {
    if (token) return token
    const res = await call(`${opts.baseUrl}/auth/user/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: opts.adminEmail, password: opts.adminPassword }),
    })
    if (res.status !== 200 || !res.body?.token) throw new Error(`admin login failed: ${res.status} ${JSON.stringify(res.body)}`)
    token = res.body.token as string
    return token
  }
  return {
    provider: opts.provider,
    baseUrl: opts.baseUrl,
    search: (params) => call(`${opts.baseUrl}/store/ocop/search?${toQueryString(params)}`, { headers: storeHeaders }),
    searchRaw: (qs) => call(`${opts.baseUrl}/store/ocop/search?${qs}`, { headers: storeHeaders }),
    storeSearch: (body) =>
      call(`${opts.baseUrl}/store/search`, {
        method: "POST",
        headers: { ...storeHeaders, "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
    admin: async (method, path, body) =>
      call(`${opts.baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${await adminToken()}`, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    stop: opts.stop ?? (async () => {}),
  }
}
