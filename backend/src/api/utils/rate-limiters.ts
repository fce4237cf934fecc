/**
 * Counters for the project's rate limits (auth attempts, producer invites), on
 * `rate-limiter-flexible`: atomic increments in Redis (one Lua script per
 * consume) when REDIS_URL is set, so every server instance counts against the
 * same limit; process memory otherwise (one process, `npm start`).
 *
 * The Redis client is ioredis, the client Medusa's own Redis modules use (it is
 * already installed with them). It is created lazily, once per process.
 */
import Redis from "ioredis"
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible"

export type LimiterOptions = {
  /** Namespace of the keys (`ocop-auth-id`, `ocop-invite`, …). */
  keyPrefix: string
  /** Points a key may consume in a window; the next consume is rejected. */
  points: number
  /** Window length in seconds, from a key's first consume (fixed window). */
  duration: number
}

let redis: Redis | null = null

function limiterRedis(url: string): Redis {
  if (!redis) {
    redis = new Redis(url, {
      // Fail a command at once while Redis is unreachable instead of queueing it:
      // the insurance limiter (memory) then answers, and no request hangs on the limiter.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      lazyConnect: false,
    })
    // ioredis reports connection errors as events; without a listener they are unhandled.
    redis.on("error", () => {})
  }
  return redis
}

/**
 * A limiter on Redis (with an in-memory insurance limiter that takes over while
 * Redis is down, so a Redis outage neither opens the door nor locks everyone out),
 * or in memory when no REDIS_URL is configured.
 */
export function createLimiter(options: LimiterOptions, env: Record<string, string | undefined> = process.env): RateLimiterAbstract {
  const memory = new RateLimiterMemory({ ...options })
  const url = env.REDIS_URL
  if (!url) return memory
  return new RateLimiterRedis({ ...options, storeClient: limiterRedis(url), insuranceLimiter: memory })
}

/** Retry-After in whole seconds (at least 1) from rate-limiter-flexible's `msBeforeNext`. */
export function retryAfterSeconds(msBeforeNext: number): number {
  return Math.max(1, Math.ceil(msBeforeNext / 1000))
}

/**
 * A rejected consume is a `RateLimiterRes` (the key is over its limit); anything
 * else thrown is a store failure.
 */
export function isRejection(e: unknown): e is RateLimiterRes {
  return e instanceof RateLimiterRes
}
