import {
  checkAttempt,
  countsAsFailure,
  DEFAULT_RATE_LIMIT,
  identifierOf,
  limitKeys,
  MemoryAttemptStore,
  rateLimitConfig,
  recordOutcome,
  SharedAttemptStore,
  type CacheLike,
  type LockLike,
  type RateLimitConfig,
} from "./limiter"
import { AUTH_RATE_LIMITED_PATH } from "./middleware"

const config: RateLimitConfig = { maxPerIdentifier: 3, maxPerIp: 5, windowSeconds: 60, trustProxy: false }
const T0 = 1_700_000_000_000

describe("auth rate limit: config", () => {
  it("has sensible defaults", () => {
    expect(rateLimitConfig({})).toEqual(DEFAULT_RATE_LIMIT)
    expect(DEFAULT_RATE_LIMIT).toMatchObject({ maxPerIdentifier: 10, maxPerIp: 100, windowSeconds: 900 })
  })

  it("reads the environment and refuses malformed numbers", () => {
    expect(
      rateLimitConfig({
        AUTH_RATE_LIMIT_MAX_PER_IDENTIFIER: "4",
        AUTH_RATE_LIMIT_MAX_PER_IP: "40",
        AUTH_RATE_LIMIT_WINDOW_SECONDS: "30",
        AUTH_RATE_LIMIT_TRUST_PROXY: "true",
      })
    ).toEqual({ maxPerIdentifier: 4, maxPerIp: 40, windowSeconds: 30, trustProxy: true })
    expect(() => rateLimitConfig({ AUTH_RATE_LIMIT_MAX_PER_IP: "0" })).toThrow(/AUTH_RATE_LIMIT_MAX_PER_IP/)
    expect(() => rateLimitConfig({ AUTH_RATE_LIMIT_WINDOW_SECONDS: "1.5" })).toThrow(/positive integer/)
  })
})

describe("auth rate limit: what is limited and counted", () => {
  it("matches the email + password routes of the three actors only", () => {
    for (const p of ["/auth/user/emailpass", "/auth/customer/emailpass/register", "/auth/producer/emailpass/reset-password", "/auth/customer/emailpass/"]) {
      expect(p).toMatch(AUTH_RATE_LIMITED_PATH)
    }
    for (const p of ["/auth/token/refresh", "/auth/session", "/auth/customer/emailpass/update", "/auth/customer/google", "/auth/evil/emailpass"]) {
      expect(p).not.toMatch(AUTH_RATE_LIMITED_PATH)
    }
  })

  it("counts failed logins and registrations, every reset request, never a 429 or a 5xx", () => {
    expect(countsAsFailure("login", 401)).toBe(true)
    expect(countsAsFailure("login", 400)).toBe(true)
    expect(countsAsFailure("login", 200)).toBe(false)
    expect(countsAsFailure("login", 429)).toBe(false)
    expect(countsAsFailure("login", 500)).toBe(false)
    expect(countsAsFailure("register", 401)).toBe(true)
    expect(countsAsFailure("register", 200)).toBe(false)
    expect(countsAsFailure("reset-password", 201)).toBe(true)
  })

  it("normalises the identifier and hashes it into short keys", () => {
    expect(identifierOf({ email: "  Lan@Example.COM " })).toBe("lan@example.com")
    expect(identifierOf({ identifier: "X@y.vn" })).toBe("x@y.vn")
    expect(identifierOf(null)).toBe("")
    expect(identifierOf({ email: 42 })).toBe("")
    const keys = limitKeys("login", "customer", "127.0.0.9", "a".repeat(10_000))
    expect(keys.identifier.length).toBeLessThan(120)
    expect(keys.identifier).not.toContain("aaaa")
    expect(limitKeys("login", "customer", "1.1.1.1", "a@b.c").identifier).not.toBe(limitKeys("login", "user", "1.1.1.1", "a@b.c").identifier)
    expect(limitKeys("login", "customer", "1.1.1.1", "a@b.c").ip).toBe(limitKeys("register", "user", "1.1.1.1", "x@y.z").ip)
  })
})

describe("auth rate limit: counting", () => {
  const keysA = limitKeys("login", "customer", "10.0.0.1", "a@example.com")

  it("blocks an identifier after its limit of failures, with Retry-After until the window ends", async () => {
    const store = new MemoryAttemptStore()
    for (let i = 0; i < config.maxPerIdentifier; i++) {
      expect(await checkAttempt(store, keysA, config, T0 + i)).toEqual({ blocked: false })
      await recordOutcome(store, keysA, "login", 401, config, T0 + i)
    }
    const verdict = await checkAttempt(store, keysA, config, T0 + 10_000)
    expect(verdict).toEqual({ blocked: true, scope: "identifier", retryAfterSeconds: 50 })
    // The window ends 60 s after the first failure.
    expect(await checkAttempt(store, keysA, config, T0 + 60_001)).toEqual({ blocked: false })
  })

  it("never counts successes, and a success clears the identifier's failures", async () => {
    const store = new MemoryAttemptStore()
    for (let i = 0; i < 50; i++) await recordOutcome(store, keysA, "login", 200, config, T0)
    expect(await checkAttempt(store, keysA, config, T0)).toEqual({ blocked: false })
    await recordOutcome(store, keysA, "login", 401, config, T0)
    await recordOutcome(store, keysA, "login", 401, config, T0)
    await recordOutcome(store, keysA, "login", 200, config, T0)
    await recordOutcome(store, keysA, "login", 401, config, T0)
    await recordOutcome(store, keysA, "login", 401, config, T0)
    expect(await checkAttempt(store, keysA, config, T0)).toEqual({ blocked: false })
  })

  it("blocks an IP spraying many identifiers, but not other IPs", async () => {
    const store = new MemoryAttemptStore()
    for (let i = 0; i < config.maxPerIp; i++) {
      const keys = limitKeys("login", "customer", "10.0.0.2", `user${i}@example.com`)
      await recordOutcome(store, keys, "login", 401, config, T0)
    }
    const fresh = limitKeys("login", "customer", "10.0.0.2", "fresh@example.com")
    expect(await checkAttempt(store, fresh, config, T0)).toMatchObject({ blocked: true, scope: "ip" })
    const elsewhere = limitKeys("login", "customer", "10.0.0.3", "fresh@example.com")
    expect(await checkAttempt(store, elsewhere, config, T0)).toEqual({ blocked: false })
  })

  it("forgets ended windows", async () => {
    const store = new MemoryAttemptStore()
    for (let i = 0; i < 20; i++) await store.increment(`k${i}`, 1000, T0)
    expect(store.size).toBe(20)
    await store.increment("later", 1000, T0 + 120_000)
    expect(store.size).toBe(1)
  })
})

describe("auth rate limit: shared store (Caching + Locking modules)", () => {
  function fakes() {
    const data = new Map<string, { value: unknown; ttl?: number }>()
    const cache: CacheLike = {
      get: async ({ key }) => data.get(key)?.value ?? null,
      set: async ({ key, data: value, ttl }) => void data.set(key, { value: JSON.parse(JSON.stringify(value)), ttl }),
      clear: async ({ key }) => void data.delete(key),
    }
    // A real mutex per key: concurrent increments must not lose updates.
    const chains = new Map<string, Promise<unknown>>()
    const lock: LockLike = {
      execute: async (keys, job) => {
        const key = String(keys)
        const prev = chains.get(key) ?? Promise.resolve()
        const run = prev.then(() => new Promise((r) => setTimeout(r, 1))).then(job)
        chains.set(key, run.catch(() => {}))
        return run as any
      },
    }
    return { data, cache, lock }
  }

  it("increments atomically under the lock and stores the window with a TTL", async () => {
    const { data, cache, lock } = fakes()
    const store = new SharedAttemptStore(cache, lock)
    await Promise.all(Array.from({ length: 12 }, () => store.increment("k", 60_000, T0)))
    expect(await store.get("k", T0)).toEqual({ count: 12, resetAt: T0 + 60_000 })
    expect(data.get("k")?.ttl).toBe(60)
    expect(await store.get("k", T0 + 60_000)).toBeNull()
    await store.clear("k")
    expect(data.has("k")).toBe(false)
  })

  it("two instances sharing the cache see each other's failures", async () => {
    const { cache, lock } = fakes()
    const one = new SharedAttemptStore(cache, lock)
    const two = new SharedAttemptStore(cache, lock)
    const keys = limitKeys("login", "user", "10.0.0.4", "admin@example.com")
    await recordOutcome(one, keys, "login", 401, config, T0)
    await recordOutcome(two, keys, "login", 401, config, T0)
    await recordOutcome(one, keys, "login", 401, config, T0)
    expect(await checkAttempt(two, keys, config, T0)).toMatchObject({ blocked: true, scope: "identifier" })
  })
})
