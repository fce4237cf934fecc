/**
 * Brute-force protection for the auth routes (`POST /auth/:actor_type/:auth_provider`,
 * …/register, …/reset-password), on rate-limiter-flexible.
 *
 * Medusa 2.21 has no rate limiter of its own. Attempts are counted in fixed
 * windows, twice: per client IP + identifier (one account guessed from one
 * place) and per client IP (many accounts sprayed from one place).
 *
 * An attempt takes its point *before* it runs (an atomic increment in Redis or
 * memory) and gives it back afterwards when it does not count — a successful
 * login, a 5xx. Checking first and counting after the answer would let a burst
 * of parallel guesses all pass the check before the first failure is recorded.
 * A successful login also clears its IP + identifier count, so a user who
 * mistyped a few times starts afresh.
 *
 * This file is the pure logic (config, keys, counting rules, the limiter pair);
 * the Express glue is ./middleware.ts.
 */
import { createHash } from "node:crypto"
import type { RateLimiterAbstract } from "rate-limiter-flexible"
import { parseStorefrontSecret, parseTrustProxy, type ClientIpConfig } from "../utils/client-ip"
import { createLimiter, isRejection, retryAfterSeconds } from "../utils/rate-limiters"

export type AuthRoute = "login" | "register" | "reset-password"

export type RateLimitConfig = ClientIpConfig & {
  /** Attempts allowed per client IP + identifier in a window; the next one is a 429. */
  maxPerIdentifier: number
  /** Attempts allowed per client IP (all identifiers) in a window. */
  maxPerIp: number
  windowSeconds: number
}

export const DEFAULT_RATE_LIMIT: RateLimitConfig = {
  maxPerIdentifier: 10,
  maxPerIp: 100,
  windowSeconds: 15 * 60,
  trustProxyHops: 0,
  storefrontSecret: null,
}

function positiveInt(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined || raw.trim() === "") return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, not "${raw}"`)
  return n
}

/** Reads AUTH_RATE_LIMIT_* and OCOP_STOREFRONT_SECRET; a malformed value stops the server at boot, not at the first login. */
export function rateLimitConfig(env: Record<string, string | undefined> = process.env): RateLimitConfig {
  return {
    maxPerIdentifier: positiveInt(env.AUTH_RATE_LIMIT_MAX_PER_IDENTIFIER, "AUTH_RATE_LIMIT_MAX_PER_IDENTIFIER", DEFAULT_RATE_LIMIT.maxPerIdentifier),
    maxPerIp: positiveInt(env.AUTH_RATE_LIMIT_MAX_PER_IP, "AUTH_RATE_LIMIT_MAX_PER_IP", DEFAULT_RATE_LIMIT.maxPerIp),
    windowSeconds: positiveInt(env.AUTH_RATE_LIMIT_WINDOW_SECONDS, "AUTH_RATE_LIMIT_WINDOW_SECONDS", DEFAULT_RATE_LIMIT.windowSeconds),
    trustProxyHops: parseTrustProxy(env.AUTH_RATE_LIMIT_TRUST_PROXY),
    storefrontSecret: parseStorefrontSecret(env.OCOP_STOREFRONT_SECRET),
  }
}

/**
 * Whether an attempt that went ahead keeps its point. A login or a registration
 * counts when it fails (any 4xx: wrong password, unknown or taken email,
 * malformed body). A reset-password request always answers 201 (so it reveals
 * nothing about the account) and may send an email: each one counts. A 5xx is
 * our fault, never the client's.
 */
export function countsAsFailure(route: AuthRoute, status: number): boolean {
  if (status === 429 || status >= 500) return false
  if (route === "reset-password") return true
  return status >= 400
}

/** The identifier a request tries: the email (login, register) or `identifier` (reset-password), normalised. */
export function identifierOf(body: unknown): string {
  const b = (body && typeof body === "object" ? body : {}) as Record<string, unknown>
  const raw = typeof b.email === "string" ? b.email : typeof b.identifier === "string" ? b.identifier : ""
  return raw.normalize("NFKC").trim().toLowerCase()
}

/** A path parameter as the limiter keys it: Express has already percent-decoded it; case is folded like the router does. */
export function normaliseParam(raw: unknown): string {
  return (typeof raw === "string" ? raw : "").normalize("NFKC").trim().toLowerCase()
}

/**
 * Store keys. The identifier key names the auth *provider*, not the actor type:
 * one email has one password per provider, shared by all its actors
 * (`/auth/anything/emailpass` checks the same password as `/auth/user/emailpass`),
 * so guesses through every actor spelling must count together. The identifier
 * is hashed so a 10 000-character "email" makes a short key and none is stored in clear.
 */
export function limitKeys(route: AuthRoute, provider: string, ip: string, identifier: string) {
  const id = createHash("sha256").update(identifier).digest("hex").slice(0, 32)
  return {
    identifier: `${route}:${normaliseParam(provider)}:${ip}:${id}`,
    ip,
  }
}

export type AttemptKeys = ReturnType<typeof limitKeys>

export type Verdict =
  | { allowed: true; settle: (status: number) => Promise<void> }
  | { allowed: false; retryAfterSeconds: number; scope: "identifier" | "ip" }

/** The two counters, in Redis or memory (see ../utils/rate-limiters.ts). */
export class AuthAttemptLimiter {
  constructor(
    private byIdentifier: RateLimiterAbstract,
    private byIp: RateLimiterAbstract
  ) {}

  static create(config: RateLimitConfig, env: Record<string, string | undefined> = process.env) {
    return new AuthAttemptLimiter(
      createLimiter({ keyPrefix: "ocop-auth-id", points: config.maxPerIdentifier, duration: config.windowSeconds }, env),
      createLimiter({ keyPrefix: "ocop-auth-ip", points: config.maxPerIp, duration: config.windowSeconds }, env)
    )
  }

  /**
   * Takes one point from both counters. Rejected when either is over its limit;
   * the other gets its point back (a refused attempt never ran).
   */
  async attempt(route: AuthRoute, keys: AttemptKeys): Promise<Verdict> {
    try {
      await this.byIdentifier.consume(keys.identifier)
    } catch (e) {
      if (!isRejection(e)) throw e
      return { allowed: false, retryAfterSeconds: retryAfterSeconds(e.msBeforeNext), scope: "identifier" }
    }
    try {
      await this.byIp.consume(keys.ip)
    } catch (e) {
      await this.byIdentifier.reward(keys.identifier)
      if (!isRejection(e)) throw e
      return { allowed: false, retryAfterSeconds: retryAfterSeconds(e.msBeforeNext), scope: "ip" }
    }
    return {
      allowed: true,
      settle: async (status: number) => {
        if (countsAsFailure(route, status)) return
        if (route === "login" && status >= 200 && status < 300) {
          await Promise.all([this.byIdentifier.delete(keys.identifier), this.byIp.reward(keys.ip)])
        } else {
          await Promise.all([this.byIdentifier.reward(keys.identifier), this.byIp.reward(keys.ip)])
        }
      },
    }
  }
}
