import { addressBehindProxies, clientIpOf, normaliseIp, parseTrustProxy, requestClientIp, secretsMatch } from "./client-ip"

const SECRET = "storefront-secret-0123456789"

describe("client IP for the rate limits", () => {
  it("normalises addresses and refuses anything else", () => {
    expect(normaliseIp("::ffff:127.0.0.5")).toBe("127.0.0.5")
    expect(normaliseIp(" 2001:DB8::1 ")).toBe("2001:db8::1")
    expect(normaliseIp("203.0.113.7, 10.0.0.1")).toBeNull()
    expect(normaliseIp("evil")).toBeNull()
    expect(normaliseIp(undefined)).toBeNull()
  })

  it("compares secrets in constant time, whatever their lengths", () => {
    expect(secretsMatch(SECRET, SECRET)).toBe(true)
    expect(secretsMatch(`${SECRET}x`, SECRET)).toBe(false)
    expect(secretsMatch("", SECRET)).toBe(false)
  })

  it("reads the trust-proxy hop count (true = one hop)", () => {
    expect(parseTrustProxy(undefined)).toBe(0)
    expect(parseTrustProxy("false")).toBe(0)
    expect(parseTrustProxy("true")).toBe(1)
    expect(parseTrustProxy("2")).toBe(2)
    expect(() => parseTrustProxy("-1")).toThrow()
  })

  it("behind N proxies takes the address the outermost trusted one saw (Express's trust proxy = N)", () => {
    expect(addressBehindProxies("10.0.0.9", "203.0.113.7", 0)).toBe("10.0.0.9")
    expect(addressBehindProxies("10.0.0.9", "203.0.113.7", 1)).toBe("203.0.113.7")
    // A client-written entry on the left is never reached with one hop.
    expect(addressBehindProxies("10.0.0.9", "6.6.6.6, 203.0.113.7", 1)).toBe("203.0.113.7")
    expect(addressBehindProxies("10.0.0.9", "6.6.6.6, 203.0.113.7, 10.0.0.8", 2)).toBe("203.0.113.7")
    // More hops than entries: the leftmost.
    expect(addressBehindProxies("10.0.0.9", "203.0.113.7", 5)).toBe("203.0.113.7")
  })

  it("believes the storefront's forwarded address only with the right secret", () => {
    const config = { trustProxyHops: 0, storefrontSecret: SECRET }
    const base = { socketAddress: "::ffff:127.0.0.1", forwardedClientIp: "203.0.113.7" }
    expect(clientIpOf({ ...base, presentedSecret: SECRET }, config)).toBe("203.0.113.7")
    expect(clientIpOf({ ...base, presentedSecret: "wrong" }, config)).toBe("127.0.0.1")
    expect(clientIpOf(base, config)).toBe("127.0.0.1")
    // No secret configured: nobody may forward.
    expect(clientIpOf({ ...base, presentedSecret: SECRET }, { trustProxyHops: 0, storefrontSecret: null })).toBe("127.0.0.1")
    // A malformed forwarded address falls back to the socket.
    expect(clientIpOf({ ...base, forwardedClientIp: "not-an-ip", presentedSecret: SECRET }, config)).toBe("127.0.0.1")
    // X-Forwarded-For is ignored unless proxies are trusted.
    expect(clientIpOf({ socketAddress: "127.0.0.1", forwardedFor: "198.51.100.1" }, config)).toBe("127.0.0.1")
    expect(clientIpOf({ socketAddress: "127.0.0.1", forwardedFor: "198.51.100.1" }, { ...config, trustProxyHops: 1 })).toBe("198.51.100.1")
  })

  it("reads an Express request's headers", () => {
    const req = {
      socket: { remoteAddress: "10.1.1.1" },
      headers: { "x-ocop-client-ip": "203.0.113.9", "x-ocop-storefront-secret": SECRET, "x-forwarded-for": ["1.1.1.1", "2.2.2.2"] },
    }
    expect(requestClientIp(req, { trustProxyHops: 0, storefrontSecret: SECRET })).toBe("203.0.113.9")
    expect(requestClientIp({ ...req, headers: { "x-forwarded-for": ["1.1.1.1", "2.2.2.2"] } }, { trustProxyHops: 1, storefrontSecret: SECRET })).toBe("2.2.2.2")
  })
})
