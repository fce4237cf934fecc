import { describe, expect, it } from "vitest"
import { clientIpFromForwardedFor, clientIpHeaders, normaliseIp, trustedHops } from "./client-ip"

const SECRET = "storefront-secret-0123456789"

describe("the shopper's address forwarded to the backend", () => {
  it("takes the entry Next or the trusted proxy wrote (the rightmost, or N-th from the right)", () => {
    // Next sets the header to the socket's address when the request brings none.
    expect(clientIpFromForwardedFor("::ffff:127.0.0.1", 0)).toBe("127.0.0.1")
    // One proxy that appends: the client's own entries on the left are skipped.
    expect(clientIpFromForwardedFor("6.6.6.6, 203.0.113.7", 1)).toBe("203.0.113.7")
    expect(clientIpFromForwardedFor("6.6.6.6, 203.0.113.7, 10.0.0.2", 2)).toBe("203.0.113.7")
    expect(clientIpFromForwardedFor("203.0.113.7", 3)).toBe("203.0.113.7")
    expect(clientIpFromForwardedFor("", 0)).toBeNull()
    expect(clientIpFromForwardedFor(null, 1)).toBeNull()
    expect(clientIpFromForwardedFor("not-an-ip", 0)).toBeNull()
  })

  it("accepts addresses only", () => {
    expect(normaliseIp("2001:DB8::1")).toBe("2001:db8::1")
    expect(normaliseIp("256.1.1.1")).toBeNull()
    expect(normaliseIp("<script>")).toBeNull()
  })

  it("reads the hop count", () => {
    expect(trustedHops(undefined)).toBe(0)
    expect(trustedHops("true")).toBe(1)
    expect(trustedHops("2")).toBe(2)
    expect(trustedHops("lots")).toBe(0)
  })

  it("sends the address with the secret, or nothing", () => {
    expect(clientIpHeaders("203.0.113.7", { OCOP_STOREFRONT_SECRET: SECRET })).toEqual({
      "x-ocop-client-ip": "203.0.113.7",
      "x-ocop-storefront-secret": SECRET,
    })
    expect(clientIpHeaders("203.0.113.7", {})).toEqual({})
    expect(clientIpHeaders(null, { OCOP_STOREFRONT_SECRET: SECRET })).toEqual({})
  })
})
