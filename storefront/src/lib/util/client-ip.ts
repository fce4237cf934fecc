/**
 * The shopper's address as the storefront server sees it, to forward to the
 * backend's rate limits (pure; the server-only reader is lib/data/client-ip.ts).
 *
 * Next's server sets `x-forwarded-for` to the socket's address when a request
 * arrives without one, and keeps it as it is otherwise. So with
 * OCOP_STOREFRONT_TRUST_PROXY=N reverse proxies in front of the storefront, the
 * shopper is the N-th entry from the right (the one the outermost trusted proxy
 * appended); with no proxy the last entry is the socket's address — unless the
 * client sent the header itself, which is why a deployment puts the storefront
 * behind a proxy that overwrites it (README, Security).
 */
export const CLIENT_IP_HEADER = "x-ocop-client-ip"
export const STOREFRONT_SECRET_HEADER = "x-ocop-storefront-secret"

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/
const IPV6 = /^[0-9a-f:]+(:\d+\.\d+\.\d+\.\d+)?$/i

/** A bare IPv4 or IPv6 address (IPv4-mapped IPv6 unwrapped), or null for anything else. */
export function normaliseIp(raw: string | null | undefined): string | null {
  if (!raw) return null
  const v = raw.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "")
  if (IPV4.test(v)) return v
  if (v.includes(":") && v.length <= 45 && IPV6.test(v)) return v.toLowerCase()
  return null
}

/** Hop count of OCOP_STOREFRONT_TRUST_PROXY (`true` = 1); malformed or unset = 0. */
export function trustedHops(raw: string | undefined): number {
  const v = (raw ?? "").trim().toLowerCase()
  if (v === "true" || v === "yes") return 1
  const n = Number(v)
  return Number.isInteger(n) && n >= 0 && n <= 10 ? n : 0
}

export function clientIpFromForwardedFor(forwardedFor: string | null | undefined, hops: number): string | null {
  const chain = (forwardedFor ?? "").split(",").map((s) => s.trim()).filter(Boolean)
  if (!chain.length) return null
  return normaliseIp(chain[Math.max(0, chain.length - Math.max(1, hops))])
}

/** The headers the backend believes (with the secret), or none when the secret or the address is missing. */
export function clientIpHeaders(forwardedFor: string | null | undefined, env: { OCOP_STOREFRONT_SECRET?: string; OCOP_STOREFRONT_TRUST_PROXY?: string }): Record<string, string> {
  const secret = env.OCOP_STOREFRONT_SECRET
  const ip = clientIpFromForwardedFor(forwardedFor, trustedHops(env.OCOP_STOREFRONT_TRUST_PROXY))
  if (!secret || !ip) return {}
  return { [CLIENT_IP_HEADER]: ip, [STOREFRONT_SECRET_HEADER]: secret }
}
