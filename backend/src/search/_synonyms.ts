/**
 * Synonyms from synonyms.json, applied at index time.
 *
 * Postgres' full-text search has no synonym support the Search Module can
 * configure (a thesaurus dictionary needs files on the database server), so the
 * index carries them: a product whose strong fields mention a term gets every
 * term of that group in its `search_synonyms` field. That works identically on
 * every engine, and the reviewable data file is the single source. Meilisearch
 * additionally gets the same groups as native synonyms (see synonymsForMeilisearch).
 *
 * Matching is leftmost-longest over folded words, so "bưởi thanh trà" matches
 * the pomelo group once ("thanh trà") and never the tea group through "trà".
 */
import raw from "./synonyms.json"
import { fold, tokens } from "./_text"

export type SynonymGroup = { terms: string[] }
export type SynonymData = { groups: SynonymGroup[] }

export type SynonymTable = {
  /** Folded groups: each term as a space-joined word string. */
  groups: string[][]
  /** Folded term → the indexes of the groups it belongs to. */
  byTerm: Map<string, number[]>
  /** Longest term, in words. */
  maxWords: number
}

export function buildSynonymTable(data: SynonymData): SynonymTable {
  const groups: string[][] = []
  const byTerm = new Map<string, number[]>()
  let maxWords = 1
  for (const group of data.groups ?? []) {
    const folded = [...new Set((group.terms ?? []).map((t) => tokens(t).join(" ")).filter(Boolean))]
    if (folded.length < 2) continue
    const index = groups.push(folded) - 1
    for (const term of folded) {
      byTerm.set(term, [...(byTerm.get(term) ?? []), index])
      maxWords = Math.max(maxWords, term.split(" ").length)
    }
  }
  return { groups, byTerm, maxWords }
}

/** Checks the data file's shape; returns the problems found (an empty list when it is fine). */
export function validateSynonymData(data: unknown): string[] {
  const problems: string[] = []
  const groups = (data as SynonymData | undefined)?.groups
  if (!Array.isArray(groups)) return ["synonyms.json must have a `groups` array"]
  groups.forEach((g, i) => {
    if (!g || !Array.isArray(g.terms) || g.terms.length < 2) problems.push(`group ${i} needs at least two terms`)
    else
      g.terms.forEach((t, j) => {
        if (typeof t !== "string" || !tokens(t).length) problems.push(`group ${i}, term ${j} is empty`)
      })
  })
  return problems
}

export const SYNONYMS: SynonymTable = buildSynonymTable(raw as SynonymData)

/** Indexes of the groups whose terms occur in `text`, matched leftmost-longest on folded words. */
export function matchGroups(text: string, table: SynonymTable = SYNONYMS): Set<number> {
  const words = tokens(text)
  const found = new Set<number>()
  let i = 0
  while (i < words.length) {
    let matched = 0
    for (let n = Math.min(table.maxWords, words.length - i); n >= 1; n--) {
      const groups = table.byTerm.get(words.slice(i, i + n).join(" "))
      if (groups) {
        groups.forEach((g) => found.add(g))
        matched = n
        break
      }
    }
    i += matched || 1
  }
  return found
}

/** Every term of every group that the given texts mention (folded, deduplicated). */
export function expandSynonyms(texts: Array<string | null | undefined>, table: SynonymTable = SYNONYMS): string[] {
  const groups = new Set<number>()
  for (const text of texts) if (text) matchGroups(text, table).forEach((g) => groups.add(g))
  const terms = new Set<string>()
  for (const g of [...groups].sort((a, b) => a - b)) table.groups[g].forEach((t) => terms.add(t))
  return [...terms]
}

/**
 * The same groups as Meilisearch's `synonyms` setting (every term maps to the
 * others of its group). Keys and values are folded, like the indexed text.
 */
export function synonymsForMeilisearch(table: SynonymTable = SYNONYMS): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const [term, groups] of table.byTerm) {
    const others = new Set<string>()
    for (const g of groups) for (const t of table.groups[g]) if (t !== term) others.add(t)
    out[term] = [...others]
  }
  return out
}

export { fold }
