/**
 * Express glue of the auth rate limiter (logic in ./limiter.ts).
 *
 * Registered in src/api/middlewares.ts on the same matchers as Medusa's own auth
 * routes (`/auth/:actor_type/:auth_provider`, …/register, …/reset-password), so
 * Express's router decides what reaches the limiter exactly as it decides what
 * reaches the handler: every spelling it resolves to the route (any letter case,
 * percent-encoded characters, a trailing slash) is limited, and the key is built
 * from the decoded, normalised parameters rather than from the raw path.
 */
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { requestClientIp } from "../utils/client-ip"
import { AuthAttemptLimiter, identifierOf, limitKeys, rateLimitConfig, type AuthRoute } from "./limiter"

const config = rateLimitConfig()
let limiter: AuthAttemptLimiter | null = null

function authLimiter(): AuthAttemptLimiter {
  limiter ??= AuthAttemptLimiter.create(config)
  return limiter
}

/** The 429 every limit of the project answers with. */
export function tooManyRequests(res: MedusaResponse, retryAfter: number, message: string) {
  res.setHeader("Retry-After", String(retryAfter))
  res.status(429).json({ type: "too_many_requests", message })
}

export function authRateLimit(route: AuthRoute) {
  return async function authRateLimitMiddleware(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
    const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
    const keys = limitKeys(route, String(req.params.auth_provider ?? ""), requestClientIp(req as any, config), identifierOf(req.body))

    let verdict: Awaited<ReturnType<AuthAttemptLimiter["attempt"]>>
    try {
      verdict = await authLimiter().attempt(route, keys)
    } catch (e) {
      // Only reachable without Redis' insurance limiter: a store failure lets people sign in rather than lock everyone out.
      logger.warn(`auth rate limit unavailable, request allowed: ${(e as Error).message}`)
      return next()
    }
    if (!verdict.allowed) {
      const minutes = Math.ceil(verdict.retryAfterSeconds / 60)
      return tooManyRequests(
        res,
        verdict.retryAfterSeconds,
        `Too many failed attempts${verdict.scope === "identifier" ? " for this account" : ""}. Try again in ${minutes} minute(s).`
      )
    }
    res.on("finish", () => {
      verdict.settle(res.statusCode).catch((e) => logger.warn(`auth rate limit could not settle an attempt: ${(e as Error).message}`))
    })
    next()
  }
}

export const AUTH_RATE_LIMIT_CONFIG = config
