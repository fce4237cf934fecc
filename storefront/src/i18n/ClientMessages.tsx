import { NextIntlClientProvider } from "next-intl"
import { getMessages } from "next-intl/server"
import type { ReactNode } from "react"
import { BASE_CLIENT_NAMESPACES, pickMessages, type Messages } from "@/lib/util/messages"

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
