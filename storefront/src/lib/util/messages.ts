export type Messages = Record<string, unknown>

/**
 * Message namespaces used by client components that can appear on any page: the
 * header's search box and language switch (nav, search) and the segment error
 * boundaries (common, errors).
 */
export const BASE_CLIENT_NAMESPACES = ["nav", "search", "common", "errors"] as const

/**
 * The given namespaces of a message catalogue, nested as in the catalogue. A
 * namespace may be dotted ("producer.portal"); unknown namespaces are skipped.
 */
export function pickMessages(messages: Messages, namespaces: readonly string[]): Messages {
  const out: Messages = {}
  for (const ns of namespaces) {
    const path = ns.split(".")
    let src: unknown = messages
    for (const key of path) src = src && typeof src === "object" ? (src as Messages)[key] : undefined
    if (src === undefined) continue
    let dst = out
    for (const key of path.slice(0, -1)) {
      const next = dst[key]
      dst = (next && typeof next === "object" ? next : (dst[key] = {})) as Messages
    }
    dst[path[path.length - 1]] = src
  }
  return out
}
