/**
 * Text folding for Vietnamese and English search.
 *
 * Both engines get the same folded text: the index holds lowercase, accent-free
 * copies of every searchable field, and queries are folded the same way before
 * they reach the Search Module. So "me xung", "mè xửng" and "MÈ XỬNG" become the
 * same tokens on either engine, "đ" matches "d", and typo tolerance (pg_trgm
 * trigrams, Meilisearch's edit distance) compares plain ASCII letters instead of
 * multi-byte characters that Postgres' C locale would treat as word breaks.
 *
 * Files in src/search whose name starts with "_" are helpers: Medusa's search
 * loader imports every other file there as an index definition.
 */

/** Longest query, in characters, that the search route accepts. */
export const MAX_QUERY_LENGTH = 1000
/** Queries are cut to this many tokens: longer ones are sentences, not searches. */
export const MAX_QUERY_TOKENS = 16
/** A single token longer than this is noise (a pasted hash, a URL): it is cut. */
export const MAX_TOKEN_LENGTH = 40

/**
 * Lowercases and strips diacritics: tone marks, the circumflex, breve and horn
 * (ă â ê ô ơ ư), and maps đ/Đ to d (which has no Unicode decomposition).
 */
export function fold(input: string): string {
  return input
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .normalize("NFC")
}

/** Folded words: letters and digits of any script; everything else separates words. */
export function tokens(input: string | null | undefined): string[] {
  if (!input) return []
  return fold(input)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
}

/** One folded, space-separated string for a list of values (empty and null values skipped). */
export function foldedText(...values: Array<string | number | null | undefined | Array<string | null | undefined>>): string {
  const words: string[] = []
  for (const value of values.flat()) {
    if (value === null || value === undefined || value === "") continue
    words.push(...tokens(String(value)))
  }
  return words.join(" ")
}

/**
 * Folds a free-text query for the engines. Returns "" for a query with no
 * letters or digits at all (punctuation, SQL fragments' quotes and dashes…), which
 * the route then treats as browsing.
 */
export function normalizeQuery(q: string | null | undefined): string {
  if (!q) return ""
  return tokens(q.slice(0, MAX_QUERY_LENGTH))
    .slice(0, MAX_QUERY_TOKENS)
    .map((t) => t.slice(0, MAX_TOKEN_LENGTH))
    .join(" ")
}

/** Words that appear once, in first-seen order: long descriptions index faster and rank the same. */
export function uniqueWords(text: string): string {
  return [...new Set(text.split(" ").filter(Boolean))].join(" ")
}
