import { NextIntlClientProvider } from "next-intl"
import { getMessages } from "next-intl/server"
import type { ReactNode } from "react"

/**
 * Message namespaces used by client components that can appear on any page: the
 * header's search box and language switch (nav, search) and the segment error
 * boundaries (common, errors).
 */
export const BASE_CLIENT_NAMESPACES = ["nav", "search", "common", "errors"] as const

type Messages = Record<string, unknown>

/** The given (possibly dotted, e.g. "producer.portal") namespaces of `messages`, nested as in the catalogue. */
export function pickMessages(messages: Messages, namespaces: readonly string[]): Messages {
  const out: Messages = {}
  for (const ns of namespaces) {
    const path = ns.split(".")
    let src: unknown = messages
    for (const key of path) src = src && typeof src === "object" ? (src as Messages)[key] : undefined
    if (src === undefined) continue
    let dst = out
    for (const key of path.slice(0, -1)) dst = (dst[key] ??= {}) as Messages
    dst[path[path.length - 1]] = src
  }
  return out
}

/**
 * Provides client components with only the messages they use. A bare
 * <NextIntlClientProvider> serialises the whole catalogue (~30 KB of JSON) into
 * every page's RSC payload; the pages' own translations are rendered on the
 * server and need none of it. A nested provider replaces (does not merge) its
 * parent's messages, so the base namespaces are always included.
 */
export async function ClientMessages({ namespaces = [], children }: { namespaces?: readonly string[]; children: ReactNode }) {
  const messages = (await getMessages()) as Messages
  return <NextIntlClientProvider messages={pickMessages(messages, [...BASE_CLIENT_NAMESPACES, ...namespaces])}>{children}</NextIntlClientProvider>
}
