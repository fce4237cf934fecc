import { RateLimiterMemory } from "rate-limiter-flexible"
import { createLimiter } from "../utils/rate-limiters"
import {
  AuthAttemptLimiter,
  countsAsFailure,
  DEFAULT_RATE_LIMIT,
  identifierOf,
  limitKeys,
  normaliseParam,
  rateLimitConfig,
  type RateLimitConfig,
} from "./limiter"

const config: RateLimitConfig = { ...DEFAULT_RATE_LIMIT, maxPerIdentifier: 3, maxPerIp: 5, windowSeconds: 60 }
const limiter = (c: RateLimitConfig = config) =>
  new AuthAttemptLimiter(
    new RateLimiterMemory({ keyPrefix: "id", points: c.maxPerIdentifier, duration: c.windowSeconds }),
    new RateLimiterMemory({ keyPrefix: "ip", points: c.maxPerIp, duration: c.windowSeconds })
  )

describe("auth rate limit: config", () => {
  it("has sensible defaults", () => {
    expect(rateLimitConfig({})).toEqual(DEFAULT_RATE_LIMIT)
    expect(DEFAULT_RATE_LIMIT).toMatchObject({ maxPerIdentifier: 10, maxPerIp: 100, windowSeconds: 900, trustProxyHops: 0, storefrontSecret: null })
  })

  it("reads the environment and refuses malformed values", () => {
    expect(
      rateLimitConfig({
        AUTH_RATE_LIMIT_MAX_PER_IDENTIFIER: "4",
        AUTH_RATE_LIMIT_MAX_PER_IP: "40",
        AUTH_RATE_LIMIT_WINDOW_SECONDS: "30",
        AUTH_RATE_LIMIT_TRUST_PROXY: "true",
        OCOP_STOREFRONT_SECRET: "s".repeat(32),
      })
    ).toEqual({ maxPerIdentifier: 4, maxPerIp: 40, windowSeconds: 30, trustProxyHops: 1, storefrontSecret: "s".repeat(32) })
    expect(rateLimitConfig({ AUTH_RATE_LIMIT_TRUST_PROXY: "2" }).trustProxyHops).toBe(2)
    expect(() => rateLimitConfig({ AUTH_RATE_LIMIT_MAX_PER_IP: "0" })).toThrow(/AUTH_RATE_LIMIT_MAX_PER_IP/)
    expect(() => rateLimitConfig({ AUTH_RATE_LIMIT_WINDOW_SECONDS: "1.5" })).toThrow(/positive integer/)
    expect(() => rateLimitConfig({ AUTH_RATE_LIMIT_TRUST_PROXY: "maybe" })).toThrow(/AUTH_RATE_LIMIT_TRUST_PROXY/)
    expect(() => rateLimitConfig({ OCOP_STOREFRONT_SECRET: "short" })).toThrow(/at least 16/)
  })

  it("uses memory without REDIS_URL and Redis (with a memory insurance limiter) with it", () => {
    expect(createLimiter({ keyPrefix: "t", points: 1, duration: 1 }, {}).constructor.name).toBe("RateLimiterMemory")
    const redis = createLimiter({ keyPrefix: "t", points: 1, duration: 1 }, { REDIS_URL: "redis://127.0.0.1:1/0" }) as any
    expect(redis.constructor.name).toBe("RateLimiterRedis")
    expect(redis.insuranceLimiter.constructor.name).toBe("RateLimiterMemory")
    redis.client.disconnect()
  })
})

describe("auth rate limit: what is counted and how it is keyed", () => {
  it("counts failed logins and registrations, every reset request, never a 429 or a 5xx", () => {
    expect(countsAsFailure("login", 401)).toBe(true)
    expect(countsAsFailure("login", 400)).toBe(true)
    expect(countsAsFailure("login", 200)).toBe(false)
    expect(countsAsFailure("login", 429)).toBe(false)
    expect(countsAsFailure("login", 500)).toBe(false)
    expect(countsAsFailure("register", 401)).toBe(true)
    expect(countsAsFailure("register", 200)).toBe(false)
    expect(countsAsFailure("reset-password", 201)).toBe(true)
    expect(countsAsFailure("reset-password", 503)).toBe(false)
  })

  it("normalises the identifier and the path parameters, and hashes the identifier into short keys", () => {
    expect(identifierOf({ email: "  Lan@Example.COM " })).toBe("lan@example.com")
    expect(identifierOf({ identifier: "X@y.vn" })).toBe("x@y.vn")
    expect(identifierOf({ email: "ｌａｎ@example.com" })).toBe("lan@example.com")
    expect(identifierOf(null)).toBe("")
    expect(identifierOf({ email: 42 })).toBe("")
    expect(normaliseParam("EmailPass")).toBe("emailpass")
    const keys = limitKeys("login", "emailpass", "127.0.0.9", "a".repeat(10_000))
    expect(keys.identifier.length).toBeLessThan(120)
    expect(keys.identifier).not.toContain("aaaa")
  })

  it("keys by provider, not actor type: every actor spelling guesses the same password", () => {
    expect(limitKeys("login", "EMAILPASS", "1.1.1.1", "a@b.c")).toEqual(limitKeys("login", "emailpass", "1.1.1.1", "a@b.c"))
    expect(limitKeys("login", "emailpass", "1.1.1.1", "a@b.c").identifier).not.toBe(limitKeys("register", "emailpass", "1.1.1.1", "a@b.c").identifier)
    expect(limitKeys("login", "emailpass", "1.1.1.1", "a@b.c").identifier).not.toBe(limitKeys("login", "emailpass", "1.1.1.2", "a@b.c").identifier)
    expect(limitKeys("login", "emailpass", "1.1.1.1", "a@b.c").ip).toBe(limitKeys("register", "emailpass", "1.1.1.1", "x@y.z").ip)
  })
})

describe("auth rate limit: counting", () => {
  const keysA = limitKeys("login", "emailpass", "10.0.0.1", "a@example.com")

  it("blocks an identifier after its limit of failures, with Retry-After until the window ends", async () => {
    const l = limiter()
    for (let i = 0; i < config.maxPerIdentifier; i++) {
      const v = await l.attempt("login", keysA)
      expect(v.allowed).toBe(true)
      if (v.allowed) await v.settle(401)
    }
    const blocked = await l.attempt("login", keysA)
    expect(blocked).toMatchObject({ allowed: false, scope: "identifier" })
    if (!blocked.allowed) expect(blocked.retryAfterSeconds).toBeGreaterThan(55)
  })

  it("takes the point before the attempt runs: a parallel burst gets exactly the limit through", async () => {
    const l = limiter()
    const verdicts = await Promise.all(Array.from({ length: 30 }, () => l.attempt("login", keysA)))
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(config.maxPerIdentifier)
  })

  it("never counts successes, and a success clears the identifier's failures", async () => {
    const l = limiter({ ...config, maxPerIp: 1000 })
    const run = async (status: number) => {
      const v = await l.attempt("login", keysA)
      if (!v.allowed) return "blocked"
      await v.settle(status)
      return "ran"
    }
    for (let i = 0; i < 50; i++) expect(await run(200)).toBe("ran")
    for (const status of [401, 401, 200, 401, 401, 200, 401, 401]) expect(await run(status)).toBe("ran")
    expect(await run(200)).toBe("ran")
  })

  it("a 5xx gives the point back", async () => {
    const l = limiter()
    for (let i = 0; i < 10; i++) {
      const v = await l.attempt("login", keysA)
      expect(v.allowed).toBe(true)
      if (v.allowed) await v.settle(500)
    }
  })

  it("blocks an IP spraying many identifiers, but not other IPs; a refused attempt costs its identifier nothing", async () => {
    const l = limiter()
    for (let i = 0; i < config.maxPerIp; i++) {
      const v = await l.attempt("login", limitKeys("login", "emailpass", "10.0.0.2", `user${i}@example.com`))
      if (v.allowed) await v.settle(401)
    }
    const fresh = limitKeys("login", "emailpass", "10.0.0.2", "fresh@example.com")
    for (let i = 0; i < 5; i++) expect(await l.attempt("login", fresh)).toMatchObject({ allowed: false, scope: "ip" })
    const elsewhere = limitKeys("login", "emailpass", "10.0.0.3", "fresh@example.com")
    expect((await l.attempt("login", elsewhere)).allowed).toBe(true)
  })
})
