/**
 * Two small secrets of the mail path, both keyed by the deployment's JWT secret (never the
 * secret itself: a key per purpose, derived with HKDF, so a leaked unsubscribe key cannot open
 * a sealed link and neither can sign a session). Hand-written on node:crypto: AES-256-GCM and
 * HMAC-SHA256 are one call each there, no library adds anything.
 *
 * - Sealed fields: a password-reset or invite link carries a bearer token. Medusa's Notification
 *   Module stores each notification's `data` in its table (and GET /admin/notifications shows
 *   it), so the workflow hands it `sealed_url` (AES-GCM ciphertext) instead of `url`; only the
 *   mail provider, which has the same key, opens it to render the message.
 * - Unsubscribe tokens: `<kind>.<id>.<signature>` for the one-click unsubscribe link of
 *   non-essential mail (RFC 8058). Valid until the key changes; the action it allows (stop
 *   non-essential mail to one recipient) is harmless and undone in the account page.
 */
import crypto from "node:crypto"

function key(secret: string, purpose: string): Buffer {
  if (!secret) throw new Error("notifications: no secret configured for sealing links")
  return Buffer.from(crypto.hkdfSync("sha256", secret, "ocop-notifications", purpose, 32))
}

const SEALED_PREFIX = "sealed_"

/** AES-256-GCM, base64url(iv | tag | ciphertext). */
export function seal(value: string, secret: string): string {
  const iv = crypto.randomBytes(12)
  const cipher = crypto.createCipheriv("aes-256-gcm", key(secret, "seal"), iv)
  const body = Buffer.concat([cipher.update(value, "utf8"), cipher.final()])
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")
}

export function open(sealed: string, secret: string): string {
  const raw = Buffer.from(sealed, "base64url")
  if (raw.length < 29) throw new Error("sealed value is too short")
  const decipher = crypto.createDecipheriv("aes-256-gcm", key(secret, "seal"), raw.subarray(0, 12))
  decipher.setAuthTag(raw.subarray(12, 28))
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8")
}

/** `{ sealed_url: "…" }` → `{ url: "https://…" }` for rendering (other fields unchanged). */
export function openSealedFields<T extends Record<string, unknown>>(data: T, secret: string | undefined): T {
  const out: Record<string, unknown> = { ...data }
  for (const [name, value] of Object.entries(data)) {
    if (!name.startsWith(SEALED_PREFIX) || typeof value !== "string") continue
    if (!secret) throw new Error("notifications: a sealed field arrived but the provider has no seal_secret")
    out[name.slice(SEALED_PREFIX.length)] = open(value, secret)
    delete out[name]
  }
  return out as T
}

export type UnsubscribeKind = "customer" | "producer"

function signature(kind: UnsubscribeKind, id: string, secret: string): string {
  return crypto.createHmac("sha256", key(secret, "unsubscribe")).update(`${kind}:${id}`).digest("base64url")
}

export function unsubscribeToken(kind: UnsubscribeKind, id: string, secret: string): string {
  return `${kind}.${id}.${signature(kind, id, secret)}`
}

/** The recipient a token names, or null for anything forged, truncated or for another kind. */
export function verifyUnsubscribeToken(token: string, secret: string): { kind: UnsubscribeKind; id: string } | null {
  const parts = token.split(".")
  if (parts.length !== 3) return null
  const [kind, id, sig] = parts
  if ((kind !== "customer" && kind !== "producer") || !/^[A-Za-z0-9_]{1,64}$/.test(id)) return null
  const expected = Buffer.from(signature(kind, id, secret))
  const given = Buffer.from(sig)
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null
  return { kind, id }
}

/** The secret the backend signs sessions with: what workflows and routes key these with. */
export function notificationSecret(container: { resolve: (key: string) => any }): string {
  return container.resolve("configModule").projectConfig.http.jwtSecret as string
}

/** A stable, non-reversible id for a token (idempotency keys must not carry the token). */
export function tokenDigest(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex").slice(0, 32)
}
