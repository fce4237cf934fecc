import "server-only"
import { sdk } from "../config"
import { forwardedClientHeaders } from "./client-ip"

/**
 * Email + password auth calls of the customer and producer actors, through the
 * one SDK instance. `sdk.auth.login/register/resetPassword` take no headers, and
 * these are the calls the backend rate-limits per client: each one carries the
 * shopper's address and the storefront secret (lib/data/client-ip.ts).
 */
type Actor = "customer" | "producer"

async function authPost<T>(path: string, body: unknown, extra: Record<string, string> = {}): Promise<T> {
  return sdk.client.fetch<T>(path, {
    method: "POST",
    body: body as any,
    headers: { ...(await forwardedClientHeaders()), ...extra },
    cache: "no-store",
  })
}

/** A session token; throws the sdk's FetchError on a 4xx (401: wrong email or password, 429: too many attempts). */
export async function signIn(actor: Actor, credentials: { email: string; password: string }): Promise<string> {
  const { token } = await authPost<{ token?: string }>(`/auth/${actor}/emailpass`, credentials)
  if (!token) throw new Error("Unexpected authentication response")
  return token
}

/** A registration token (an identity without an actor yet). */
export async function registerIdentity(actor: Actor, credentials: { email: string; password: string }): Promise<string> {
  const { token } = await authPost<{ token?: string }>(`/auth/${actor}/emailpass/register`, credentials)
  if (!token) throw new Error("Unexpected registration response")
  return token
}

/** Always a 201 from the backend, whether or not the address has an account. */
export async function requestPasswordReset(actor: Actor, body: { identifier: string; metadata?: Record<string, unknown> }): Promise<void> {
  await authPost(`/auth/${actor}/emailpass/reset-password`, body, { accept: "text/plain" })
}
