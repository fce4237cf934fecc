/**
 * Brute-force protection for the email + password routes (`/auth/{user,customer,producer}/emailpass…`).
 *
 * Medusa 2.21 has no rate limiter of its own, so this counts FAILED attempts in
 * fixed windows, twice: per client IP + identifier (one account guessed from one
 * place) and per client IP (many accounts sprayed from one place). While either
 * count is at its limit the route answers 429 with Retry-After. Successful
 * logins are never counted, and one clears its IP + identifier count, so a user
 * who mistyped a few times starts afresh.
 *
 * This file is the pure logic (config, keys, counting, the stores); the Express
 * glue is ./middleware.ts.
 */
import { createHash } from "node:crypto"

export type AuthRoute = "login" | "register" | "reset-password"

export type RateLimitConfig = {
  /** Failures allowed per client IP + identifier in a window; the next attempt is a 429. */
  maxPerIdentifier: number
  /** Failures allowed per client IP (all identifiers) in a window. */
  maxPerIp: number
  windowSeconds: number
  /** Take the client IP from X-Forwarded-For (Express `trust proxy`, one hop) instead of the socket. */
  trustProxy: boolean
}

export const DEFAULT_RATE_LIMIT: RateLimitConfig = {
  maxPerIdentifier: 10,
  maxPerIp: 100,
  windowSeconds: 15 * 60,
  trustProxy: false,
}

function positiveInt(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined || raw.trim() === "") return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, not "${raw}"`)
  return n
}

/** Reads AUTH_RATE_LIMIT_* from the environment; a malformed value stops the server at boot, not at the first login. */
export function rateLimitConfig(env: Record<string, string | undefined> = process.env): RateLimitConfig {
  return {
    maxPerIdentifier: positiveInt(env.AUTH_RATE_LIMIT_MAX_PER_IDENTIFIER, "AUTH_RATE_LIMIT_MAX_PER_IDENTIFIER", DEFAULT_RATE_LIMIT.maxPerIdentifier),
    maxPerIp: positiveInt(env.AUTH_RATE_LIMIT_MAX_PER_IP, "AUTH_RATE_LIMIT_MAX_PER_IP", DEFAULT_RATE_LIMIT.maxPerIp),
    windowSeconds: positiveInt(env.AUTH_RATE_LIMIT_WINDOW_SECONDS, "AUTH_RATE_LIMIT_WINDOW_SECONDS", DEFAULT_RATE_LIMIT.windowSeconds),
    trustProxy: /^(1|true|yes)$/i.test(env.AUTH_RATE_LIMIT_TRUST_PROXY ?? ""),
  }
}

/**
 * Which outcomes count against the limits. A login or a registration counts
 * when it fails (any 4xx: wrong password, unknown or taken email, malformed
 * body). A reset-password request always answers 201 (so it reveals nothing
 * about the account) and sends an email: each request counts.
 */
export function countsAsFailure(route: AuthRoute, status: number): boolean {
  if (status === 429) return false
  if (route === "reset-password") return status < 500
  return status >= 400 && status < 500
}

/** The identifier a request tries: the email (login, register) or `identifier` (reset-password), normalised. */
export function identifierOf(body: unknown): string {
  const b = (body && typeof body === "object" ? body : {}) as Record<string, unknown>
  const raw = typeof b.email === "string" ? b.email : typeof b.identifier === "string" ? b.identifier : ""
  return raw.trim().toLowerCase()
}

/** Store keys; the identifier is hashed so a 10 000-character "email" makes a short key and none is stored in clear. */
export function limitKeys(route: AuthRoute, actorType: string, ip: string, identifier: string) {
  const id = createHash("sha256").update(identifier).digest("hex").slice(0, 32)
  return {
    identifier: `auth-rl:v1:${route}:${actorType}:${ip}:${id}`,
    ip: `auth-rl:v1:ip:${ip}`,
  }
}

export type Window = { count: number; resetAt: number }

/** Where the counters live: process memory, or a store shared by every backend instance. */
export interface AttemptStore {
  /** The current window of a key, or null when there is none (or it has ended). */
  get(key: string, now: number): Promise<Window | null>
  /** Adds one failure; opens a window of `windowMs` when none is open. */
  increment(key: string, windowMs: number, now: number): Promise<Window>
  clear(key: string): Promise<void>
}

export class MemoryAttemptStore implements AttemptStore {
  private windows = new Map<string, Window>()
  private lastSweep = 0

  async get(key: string, now: number) {
    const w = this.windows.get(key)
    if (!w) return null
    if (w.resetAt <= now) {
      this.windows.delete(key)
      return null
    }
    return { ...w }
  }

  async increment(key: string, windowMs: number, now: number) {
    this.sweep(now)
    const current = await this.get(key, now)
    const next = current ? { count: current.count + 1, resetAt: current.resetAt } : { count: 1, resetAt: now + windowMs }
    this.windows.set(key, next)
    return { ...next }
  }

  async clear(key: string) {
    this.windows.delete(key)
  }

  /** Drops ended windows now and then, so sprayed keys do not pile up in memory. */
  private sweep(now: number) {
    if (now - this.lastSweep < 60_000) return
    this.lastSweep = now
    for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k)
  }

  get size() {
    return this.windows.size
  }
}

/** The parts of Medusa's Caching and Locking modules the shared store uses. */
export type CacheLike = {
  get(input: { key: string }): Promise<unknown>
  set(input: { key: string; data: object; ttl?: number; tags?: string[] }): Promise<void>
  clear(input: { key: string }): Promise<void>
}
export type LockLike = {
  execute<T>(keys: string | string[], job: () => Promise<T>, args?: { timeout?: number; expire?: number }): Promise<T>
}

/**
 * Counters in Medusa's Caching module (Redis when REDIS_URL is set), shared by
 * every server instance. The cache has no atomic increment, so each increment
 * is a read-modify-write under a lock of the Locking module (Redis too), or two
 * instances could both write count + 1 and lose a failure.
 */
export class SharedAttemptStore implements AttemptStore {
  constructor(
    private cache: CacheLike,
    private lock: LockLike
  ) {}

  private static parse(raw: unknown, now: number): Window | null {
    const w = raw as Partial<Window> | null
    if (!w || typeof w.count !== "number" || typeof w.resetAt !== "number" || w.resetAt <= now) return null
    return { count: w.count, resetAt: w.resetAt }
  }

  async get(key: string, now: number) {
    return SharedAttemptStore.parse(await this.cache.get({ key }), now)
  }

  async increment(key: string, windowMs: number, now: number) {
    return this.lock.execute(
      `${key}:lock`,
      async () => {
        const current = SharedAttemptStore.parse(await this.cache.get({ key }), now)
        const next = current ? { count: current.count + 1, resetAt: current.resetAt } : { count: 1, resetAt: now + windowMs }
        // `tags: []`: no automatic tags (this is not an entity), and the entry expires with its window.
        await this.cache.set({ key, data: next, ttl: Math.max(1, Math.ceil((next.resetAt - now) / 1000)), tags: [] })
        return next
      },
      { timeout: 5, expire: 5 }
    )
  }

  async clear(key: string) {
    await this.cache.clear({ key })
  }
}

export type Verdict = { blocked: false } | { blocked: true; retryAfterSeconds: number; scope: "identifier" | "ip" }

/** Whether an attempt may go ahead: blocked while either window is at its limit. */
export async function checkAttempt(
  store: AttemptStore,
  keys: { identifier: string; ip: string },
  config: RateLimitConfig,
  now = Date.now()
): Promise<Verdict> {
  const [byId, byIp] = await Promise.all([store.get(keys.identifier, now), store.get(keys.ip, now)])
  const retry = (w: Window) => Math.max(1, Math.ceil((w.resetAt - now) / 1000))
  if (byId && byId.count >= config.maxPerIdentifier) return { blocked: true, retryAfterSeconds: retry(byId), scope: "identifier" }
  if (byIp && byIp.count >= config.maxPerIp) return { blocked: true, retryAfterSeconds: retry(byIp), scope: "ip" }
  return { blocked: false }
}

/** Records the outcome of an attempt that went ahead. */
export async function recordOutcome(
  store: AttemptStore,
  keys: { identifier: string; ip: string },
  route: AuthRoute,
  status: number,
  config: RateLimitConfig,
  now = Date.now()
): Promise<void> {
  const windowMs = config.windowSeconds * 1000
  if (countsAsFailure(route, status)) {
    await Promise.all([store.increment(keys.identifier, windowMs, now), store.increment(keys.ip, windowMs, now)])
  } else if (route === "login" && status >= 200 && status < 300) {
    await store.clear(keys.identifier)
  }
}
