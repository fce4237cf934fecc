/**
 * The judged query set (relevance.json) and precision at k.
 *
 * Precision is computed on the "condensed" ranking: hits that are not part of
 * the judged catalogue (products other test files create while the suite runs)
 * are left out before taking the top k, as is usual when a collection holds
 * unjudged documents. A `must_not` product appearing anywhere in the hits fails
 * regardless.
 */
import fs from "node:fs"
import path from "node:path"
import type { Params, SearchClient } from "./client"

export type JudgedQuery = {
  q: string
  kind: string
  params?: Record<string, string>
  relevant: string[]
  must_not?: string[]
}
export type RelevanceSet = {
  k: number
  min_mean_precision: number
  min_query_precision: number
  queries: JudgedQuery[]
}

export const relevanceSet: RelevanceSet = JSON.parse(fs.readFileSync(path.join(__dirname, "relevance.json"), "utf8"))

/** |top k ∩ relevant| / min(k, |relevant|); null when nothing is relevant (a must_not-only query). */
export function precisionAtK(ranked: string[], relevant: string[], k: number): number | null {
  if (!relevant.length) return null
  const top = ranked.slice(0, k)
  return top.filter((h) => relevant.includes(h)).length / Math.min(k, relevant.length)
}

export type Judgement = JudgedQuery & { ranked: string[]; precision: number | null; forbidden: string[] }

export async function judge(client: SearchClient, judged: Set<string>, set: RelevanceSet = relevanceSet): Promise<Judgement[]> {
  const out: Judgement[] = []
  for (const query of set.queries) {
    const params: Params = { ...(query.q ? { q: query.q } : {}), ...(query.params ?? {}), limit: 50 }
    const res = await client.search(params)
    if (res.status !== 200) throw new Error(`${JSON.stringify(params)} → ${res.status} ${JSON.stringify(res.body)}`)
    const handles = res.body.hits.map((h) => h.handle)
    const ranked = handles.filter((h) => judged.has(h))
    out.push({
      ...query,
      ranked,
      precision: precisionAtK(ranked, query.relevant, set.k),
      forbidden: handles.filter((h) => query.must_not?.includes(h)),
    })
  }
  return out
}

export function summarize(judgements: Judgement[]) {
  const scored = judgements.filter((j) => j.precision !== null)
  const mean = scored.reduce((s, j) => s + (j.precision as number), 0) / Math.max(1, scored.length)
  const byKind: Record<string, { n: number; mean: number }> = {}
  for (const j of scored) {
    const k = (byKind[j.kind] ??= { n: 0, mean: 0 })
    k.mean = (k.mean * k.n + (j.precision as number)) / (k.n + 1)
    k.n++
  }
  return { judged: scored.length, mean, byKind }
}
