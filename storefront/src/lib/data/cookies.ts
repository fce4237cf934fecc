import "server-only"
import { cookies } from "next/headers"
import { COUNTRY_COOKIE, normaliseCountry } from "../util/region"

const CART_COOKIE = "_ocop_cart_id"
const AUTH_COOKIE = "_ocop_jwt"
const CACHE_ID_COOKIE = "_ocop_cache_id"

const secure = process.env.NODE_ENV === "production" && (process.env.NEXT_PUBLIC_BASE_URL ?? "").startsWith("https://")

const base = { httpOnly: true, sameSite: "lax" as const, secure, path: "/" }

export async function getCartId(): Promise<string | undefined> {
  return (await cookies()).get(CART_COOKIE)?.value || undefined
}

export async function setCartId(id: string) {
  ;(await cookies()).set(CART_COOKIE, id, { ...base, maxAge: 60 * 60 * 24 * 30 })
}

export async function removeCartId() {
  ;(await cookies()).set(CART_COOKIE, "", { ...base, maxAge: -1 })
}

/** The producer portal's token (set and cleared by lib/data/producer.ts), separate from the shopper's. */
export const PRODUCER_TOKEN_COOKIE = "ocop_producer_token"

export async function getProducerToken(): Promise<string | undefined> {
  return (await cookies()).get(PRODUCER_TOKEN_COOKIE)?.value || undefined
}

export async function getAuthToken(): Promise<string | undefined> {
  return (await cookies()).get(AUTH_COOKIE)?.value || undefined
}

/** `Authorization` header for the signed-in customer, or `{}`. */
export async function getAuthHeaders(): Promise<Record<string, string>> {
  const token = await getAuthToken()
  return token ? { authorization: `Bearer ${token}` } : {}
}

export async function setAuthToken(token: string) {
  ;(await cookies()).set(AUTH_COOKIE, token, { ...base, maxAge: 60 * 60 * 24 * 7 })
}

export async function removeAuthToken() {
  ;(await cookies()).set(AUTH_COOKIE, "", { ...base, maxAge: -1 })
}

/**
 * A random per-browser id used only to build per-user cache tags (never sent to
 * the backend). Read-only in server components; created by server actions.
 */
export async function getCacheId(): Promise<string> {
  return (await cookies()).get(CACHE_ID_COOKIE)?.value || "anon"
}

export async function ensureCacheId(): Promise<string> {
  const jar = await cookies()
  const existing = jar.get(CACHE_ID_COOKIE)?.value
  if (existing) return existing
  const id = crypto.randomUUID()
  jar.set(CACHE_ID_COOKIE, id, { ...base, maxAge: 60 * 60 * 24 * 365 })
  return id
}

export async function getCountryCookie(): Promise<string | null> {
  return normaliseCountry((await cookies()).get(COUNTRY_COOKIE)?.value)
}

export async function setCountryCookie(country: string) {
  ;(await cookies()).set(COUNTRY_COOKIE, country, { ...base, maxAge: 60 * 60 * 24 * 365 })
}

const LAST_ORDER_COOKIE = "_ocop_last_order"

/** Remembers the order just placed, so a guest can see its confirmation page (and nobody else's). */
export async function setLastOrder(orderId: string) {
  ;(await cookies()).set(LAST_ORDER_COOKIE, orderId, { ...base, maxAge: 60 * 60 * 24 * 7 })
}

export async function getLastOrder(): Promise<string | undefined> {
  return (await cookies()).get(LAST_ORDER_COOKIE)?.value || undefined
}
