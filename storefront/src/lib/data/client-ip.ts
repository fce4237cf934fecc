import "server-only"
import { headers } from "next/headers"
import { clientIpHeaders } from "../util/client-ip"

/**
 * Headers that tell the backend which shopper a server action acts for, so its
 * sign-in limits count each shopper apart instead of the storefront's one
 * address (lib/util/client-ip.ts). Only this server knows OCOP_STOREFRONT_SECRET.
 */
export async function forwardedClientHeaders(): Promise<Record<string, string>> {
  return clientIpHeaders((await headers()).get("x-forwarded-for"), {
    OCOP_STOREFRONT_SECRET: process.env.OCOP_STOREFRONT_SECRET,
    OCOP_STOREFRONT_TRUST_PROXY: process.env.OCOP_STOREFRONT_TRUST_PROXY,
  })
}
