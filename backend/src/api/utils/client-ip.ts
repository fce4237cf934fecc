/**
 * Which client a request comes from, for the rate limits.
 *
 * Shoppers and producers sign in through the storefront's server actions, so
 * the backend sees the storefront's address for all of them: counted per that
 * address, 100 failed logins anywhere would lock every shopper out. The
 * storefront server therefore forwards its client's address in
 * `x-ocop-client-ip`, with `x-ocop-storefront-secret` carrying
 * OCOP_STOREFRONT_SECRET, a value only the storefront server and the backend
 * know. The forwarded address is believed only when that secret matches
 * (compared in constant time); otherwise, e.g. a browser or a script calling
 * the backend directly, the address is the socket's — or, behind N reverse
 * proxies (AUTH_RATE_LIMIT_TRUST_PROXY=N), the one the outermost trusted proxy
 * saw in X-Forwarded-For.
 */
import { createHash, timingSafeEqual } from "node:crypto"
import net from "node:net"

export const CLIENT_IP_HEADER = "x-ocop-client-ip"
export const STOREFRONT_SECRET_HEADER = "x-ocop-storefront-secret"

export type ClientIpConfig = {
  /** Reverse proxies in front of the backend whose X-Forwarded-For entries are trusted (0: use the socket). */
  trustProxyHops: number
  /** OCOP_STOREFRONT_SECRET; null: no storefront may forward addresses. */
  storefrontSecret: string | null
}

/** `true`/`yes` mean one proxy (the old boolean form of the setting); a number is the hop count. */
export function parseTrustProxy(raw: string | undefined): number {
  const v = (raw ?? "").trim().toLowerCase()
  if (v === "" || v === "false" || v === "no" || v === "0") return 0
  if (v === "true" || v === "yes") return 1
  const n = Number(v)
  if (!Number.isInteger(n) || n < 0 || n > 10) {
    throw new Error(`AUTH_RATE_LIMIT_TRUST_PROXY must be true, false or a hop count 0–10, not "${raw}"`)
  }
  return n
}

/** OCOP_STOREFRONT_SECRET, at least 16 characters when set (a short one could be guessed). */
export function parseStorefrontSecret(raw: string | undefined): string | null {
  if (raw === undefined || raw === "") return null
  if (raw.length < 16) throw new Error("OCOP_STOREFRONT_SECRET must be at least 16 characters long")
  return raw
}

/** Constant-time string comparison: both sides are hashed first, so neither their content nor their length leaks through timing. */
export function secretsMatch(presented: string, expected: string): boolean {
  const a = createHash("sha256").update(presented).digest()
  const b = createHash("sha256").update(expected).digest()
  return timingSafeEqual(a, b)
}

/** A bare IPv4 or IPv6 address (IPv4-mapped IPv6 unwrapped), or null for anything else. */
export function normaliseIp(raw: string | undefined | null): string | null {
  if (!raw) return null
  const v = raw.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "")
  return net.isIP(v) ? v.toLowerCase() : null
}

/**
 * The address the outermost of `hops` trusted proxies saw: Express's
 * `trust proxy = N` rule (socket, then X-Forwarded-For from right to left).
 */
export function addressBehindProxies(socketAddress: string | undefined, forwardedFor: string | undefined, hops: number): string | null {
  const chain = [socketAddress ?? "", ...(forwardedFor ?? "").split(",").map((s) => s.trim()).filter(Boolean).reverse()]
  return normaliseIp(chain[Math.min(hops, chain.length - 1)])
}

export type ClientIpInput = {
  socketAddress?: string
  forwardedFor?: string
  forwardedClientIp?: string
  presentedSecret?: string
}

export function clientIpOf(input: ClientIpInput, config: ClientIpConfig): string {
  if (config.storefrontSecret && input.presentedSecret && secretsMatch(input.presentedSecret, config.storefrontSecret)) {
    const forwarded = normaliseIp(input.forwardedClientIp)
    if (forwarded) return forwarded
  }
  return addressBehindProxies(input.socketAddress, input.forwardedFor, config.trustProxyHops) ?? normaliseIp(input.socketAddress) ?? "unknown"
}

/** The first value of a header that may be repeated. */
export function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

/** Reads the request's client address under `config` (Express request shape). */
export function requestClientIp(
  req: { socket?: { remoteAddress?: string }; headers: Record<string, string | string[] | undefined> },
  config: ClientIpConfig
): string {
  const xff = req.headers["x-forwarded-for"]
  return clientIpOf(
    {
      socketAddress: req.socket?.remoteAddress,
      forwardedFor: Array.isArray(xff) ? xff.join(",") : xff,
      forwardedClientIp: headerValue(req.headers[CLIENT_IP_HEADER]),
      presentedSecret: headerValue(req.headers[STOREFRONT_SECRET_HEADER]),
    },
    config
  )
}
