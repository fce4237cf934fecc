import { describe, expect, it } from "vitest"
import { open, openSealedFields, seal, tokenDigest, unsubscribeToken, verifyUnsubscribeToken } from "./secrets"

const SECRET = "a-deployment-jwt-secret-of-enough-length"

describe("sealed links", () => {
  it("round-trips, hides the token, and refuses another key or a tampered value", () => {
    const url = "http://localhost:8000/vi/producer/reset-password?token=eyJhbGciOiJIUzI1NiJ9.secret&email=a%40b.vn"
    const sealed = seal(url, SECRET)
    expect(sealed).not.toContain("secret")
    expect(sealed).not.toContain("eyJ")
    expect(open(sealed, SECRET)).toBe(url)
    expect(seal(url, SECRET)).not.toBe(sealed) // a fresh IV each time
    expect(() => open(sealed, "another-secret")).toThrow()
    const tampered = Buffer.from(sealed, "base64url")
    tampered[tampered.length - 1] ^= 1
    expect(() => open(tampered.toString("base64url"), SECRET)).toThrow()
  })

  it("opens sealed_* fields for rendering and leaves the others alone", () => {
    const data = { locale: "vi", sealed_url: seal("https://x/y?token=t", SECRET) }
    expect(openSealedFields(data, SECRET)).toEqual({ locale: "vi", url: "https://x/y?token=t" })
    expect(() => openSealedFields(data, undefined)).toThrow(/seal_secret/)
    expect(openSealedFields({ locale: "en", url: "plain" }, undefined)).toEqual({ locale: "en", url: "plain" })
  })

  it("digests a token into an idempotency key part that does not carry it", () => {
    expect(tokenDigest("eyJ.token")).toMatch(/^[0-9a-f]{32}$/)
    expect(tokenDigest("eyJ.token")).not.toBe(tokenDigest("eyJ.token2"))
  })
})

describe("unsubscribe tokens", () => {
  it("verify for the recipient they name only", () => {
    const token = unsubscribeToken("producer", "prod_01ABC", SECRET)
    expect(verifyUnsubscribeToken(token, SECRET)).toEqual({ kind: "producer", id: "prod_01ABC" })
    // Another recipient with the same signature, another kind, another key, truncation: refused.
    const [, , sig] = token.split(".")
    expect(verifyUnsubscribeToken(`producer.prod_01XYZ.${sig}`, SECRET)).toBeNull()
    expect(verifyUnsubscribeToken(`customer.prod_01ABC.${sig}`, SECRET)).toBeNull()
    expect(verifyUnsubscribeToken(token, "another-secret")).toBeNull()
    expect(verifyUnsubscribeToken(token.slice(0, -2), SECRET)).toBeNull()
    expect(verifyUnsubscribeToken("admin.user_1.x", SECRET)).toBeNull()
    expect(verifyUnsubscribeToken("customer.cus_1", SECRET)).toBeNull()
  })
})
