"use server"

import { revalidateTag } from "next/cache"
import { redirect } from "next/navigation"
import { sdk } from "../config"
import { toLocale } from "../util/locale"
import { registerIdentity, requestPasswordReset, signIn } from "./auth"
import { errorMessage, errorStatus, TAGS } from "./common"
import { ensureCacheId, getAuthHeaders, getCacheId, getCartId, removeAuthToken, setAuthToken } from "./cookies"
import { formText } from "../util/form"

/** `values` echoes what the shopper typed (never the password) so a failed form keeps its input. */
export type FormState = { ok: boolean; error?: string; values?: Record<string, string> } | null

function str(fd: FormData, key: string, max = 200): string {
  return formText(fd, key).trim().slice(0, max)
}

async function refreshCustomer() {
  const cacheId = await getCacheId()
  revalidateTag(TAGS.customer(cacheId), { expire: 0 })
  revalidateTag(TAGS.orders(cacheId), { expire: 0 })
}

/** Attach the guest cart to the customer who just signed in. */
async function transferCart() {
  const cartId = await getCartId()
  if (!cartId) return
  try {
    await sdk.store.cart.transferCart(cartId, {}, await getAuthHeaders())
  } catch (e) {
    console.warn("[cart] transfer failed:", (e as Error).message)
  }
  revalidateTag(TAGS.cart(cartId), { expire: 0 })
}

export async function login(_prev: FormState, fd: FormData): Promise<FormState> {
  const email = str(fd, "email", 254).toLowerCase()
  const password = formText(fd, "password")
  const locale = toLocale(fd.get("locale"))
  const values = { email }
  if (!email || !password) return { ok: false, error: "invalid", values }
  try {
    const token = await signIn("customer", { email, password })
    await ensureCacheId()
    await setAuthToken(token)
    await refreshCustomer()
    await transferCart()
  } catch (e) {
    const s = errorStatus(e)
    return { ok: false, error: s === 401 || s === 400 ? "invalid" : errorMessage(e), values }
  }
  redirect(`/${locale}/account`)
}

export async function register(_prev: FormState, fd: FormData): Promise<FormState> {
  const email = str(fd, "email", 254).toLowerCase()
  const password = formText(fd, "password")
  const locale = toLocale(fd.get("locale"))
  const first_name = str(fd, "first_name", 100)
  const last_name = str(fd, "last_name", 100)
  const phone = str(fd, "phone", 30)
  const values = { email, first_name, last_name, phone }
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return { ok: false, error: "email", values }
  if (password.length < 8) return { ok: false, error: "password", values }
  try {
    // 1) an auth identity, 2) the customer (with the registration token), 3) a session token.
    const regToken = await registerIdentity("customer", { email, password })
    await sdk.store.customer.create({ email, first_name, last_name, ...(phone ? { phone } : {}) }, {}, { authorization: `Bearer ${regToken}` })
    const token = await signIn("customer", { email, password })
    await ensureCacheId()
    await setAuthToken(token)
    await refreshCustomer()
    await transferCart()
  } catch (e) {
    return { ok: false, error: errorMessage(e, "failed"), values }
  }
  redirect(`/${locale}/account`)
}

export async function logout(fd: FormData): Promise<void> {
  const locale = toLocale(fd.get("locale"))
  await refreshCustomer()
  await removeAuthToken()
  redirect(`/${locale}/account`)
}

export async function addAddress(_prev: FormState, fd: FormData): Promise<FormState> {
  const headers = await getAuthHeaders()
  if (!headers.authorization) return { ok: false, error: "auth" }
  const address = {
    first_name: str(fd, "first_name", 100),
    last_name: str(fd, "last_name", 100),
    phone: str(fd, "phone", 30),
    address_1: str(fd, "address_1"),
    address_2: str(fd, "address_2"),
    city: str(fd, "city", 100),
    province: str(fd, "province", 100),
    postal_code: str(fd, "postal_code", 20),
    country_code: str(fd, "country_code", 2).toLowerCase(),
  }
  if (!address.first_name || !address.address_1 || !address.city || !address.country_code) return { ok: false, error: "missing" }
  try {
    await sdk.store.customer.createAddress(address, {}, headers)
    await refreshCustomer()
    return { ok: true }
  } catch (e) {
    return { ok: false, error: errorMessage(e) }
  }
}

export async function deleteAddress(addressId: string): Promise<FormState> {
  const headers = await getAuthHeaders()
  if (!headers.authorization) return { ok: false, error: "auth" }
  try {
    await sdk.store.customer.deleteAddress(addressId, headers)
    await refreshCustomer()
    return { ok: true }
  } catch (e) {
    return { ok: false, error: errorMessage(e) }
  }
}

/** Always the same answer, whether or not the address has an account. */
export async function requestReset(_prev: FormState, fd: FormData): Promise<FormState> {
  const email = str(fd, "email", 254).toLowerCase()
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return { ok: false, error: "email", values: { email } }
  try {
    await requestPasswordReset("customer", { identifier: email, metadata: { locale: toLocale(fd.get("locale")) } })
  } catch {
    // Same answer whether or not the address exists (a 429 included: nothing to tell an attacker).
  }
  return { ok: true, values: { email } }
}

/** Sets the new password with the single-use token from the reset email. */
export async function resetPassword(_prev: FormState, fd: FormData): Promise<FormState> {
  const token = str(fd, "token", 4000)
  const password = formText(fd, "password")
  if (password.length < 8) return { ok: false, error: "password" }
  try {
    await sdk.auth.updateProvider("customer", "emailpass", { password }, token)
  } catch {
    return { ok: false, error: "resetInvalid" }
  }
  return { ok: true }
}

/** The account page's switch: non-essential mail on or off (order, payment and security mail always goes). */
export async function updateMailPreferences(_prev: FormState, fd: FormData): Promise<FormState> {
  const non_essential = fd.get("non_essential") === "on"
  try {
    await sdk.client.fetch("/store/customers/me/notification-preferences", {
      method: "POST",
      body: { non_essential },
      headers: await getAuthHeaders(),
      cache: "no-store",
    })
  } catch (e) {
    return { ok: false, error: errorMessage(e) }
  }
  return { ok: true, values: { non_essential: String(non_essential) } }
}
