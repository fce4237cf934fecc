/**
 * Express glue of the auth rate limiter (logic in ./limiter.ts), registered in
 * src/api/middlewares.ts for POST /auth/{user,customer,producer}/emailpass,
 * …/register and …/reset-password.
 */
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  checkAttempt,
  limitKeys,
  identifierOf,
  MemoryAttemptStore,
  rateLimitConfig,
  recordOutcome,
  SharedAttemptStore,
  type AttemptStore,
  type AuthRoute,
  type CacheLike,
  type LockLike,
} from "./limiter"

export const AUTH_RATE_LIMITED_PATH = /^\/auth\/(user|customer|producer)\/emailpass(?:\/(register|reset-password))?\/?$/

const config = rateLimitConfig()
let store: AttemptStore | null = null

/**
 * With REDIS_URL, medusa-config.ts registers the Caching and Locking modules on
 * Redis: the counters are then shared by every instance. Without it there is
 * one process, and memory is enough.
 */
function storeFor(container: MedusaContainer): AttemptStore {
  if (store) return store
  if (process.env.REDIS_URL) {
    try {
      const cache = container.resolve(Modules.CACHING) as unknown as CacheLike
      const lock = container.resolve(Modules.LOCKING) as unknown as LockLike
      store = new SharedAttemptStore(cache, lock)
      return store
    } catch {
      // Not registered (a config without the modules): fall through to memory.
    }
  }
  store = new MemoryAttemptStore()
  return store
}

function clientIp(req: MedusaRequest): string {
  // Medusa sets Express `trust proxy` to 1, so req.ip comes from X-Forwarded-For,
  // which any client can forge when no proxy is in front: use it only when told to.
  const ip = config.trustProxy ? req.ip : req.socket?.remoteAddress
  return (ip ?? "unknown").replace(/^::ffff:/, "")
}

export async function authRateLimit(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const match = AUTH_RATE_LIMITED_PATH.exec(req.path)
  if (!match || req.method !== "POST") return next()
  const route: AuthRoute = (match[2] as AuthRoute | undefined) ?? "login"
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  const limits = storeFor(req.scope)
  const keys = limitKeys(route, match[1], clientIp(req), identifierOf(req.body))

  try {
    const verdict = await checkAttempt(limits, keys, config)
    if (verdict.blocked) {
      res.setHeader("Retry-After", String(verdict.retryAfterSeconds))
      res.status(429).json({
        type: "too_many_requests",
        message: `Too many failed attempts${verdict.scope === "identifier" ? " for this account" : ""}. Try again in ${Math.ceil(
          verdict.retryAfterSeconds / 60
        )} minute(s).`,
      })
      return
    }
  } catch (e) {
    // The store is down (Redis): let people sign in rather than lock everyone out.
    logger.warn(`auth rate limit unavailable, request allowed: ${(e as Error).message}`)
    return next()
  }

  res.on("finish", () => {
    recordOutcome(limits, keys, route, res.statusCode, config).catch((e) =>
      logger.warn(`auth rate limit could not record an attempt: ${(e as Error).message}`)
    )
  })
  next()
}
