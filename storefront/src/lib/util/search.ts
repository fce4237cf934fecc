import type { SearchFacets, SearchHit, SearchResponse } from "../types"

/** Lower-case and strip Vietnamese diacritics: "Mè xửng Đông Ba" → "me xung dong ba". */
export function foldText(value: string | null | undefined): string {
  return (value ?? "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim()
}

export const SORTS = ["relevance", "newest", "price_asc", "price_desc", "stars"] as const
export type Sort = (typeof SORTS)[number]
export const PAGE_SIZE = 12

export type CatalogueQuery = {
  q: string
  stars: number[]
  group: string[]
  district: string[]
  commune: string[]
  producer_type: string[]
  price_min: number | null
  price_max: number | null
  sort: Sort
  page: number
}

type RawParams = Record<string, string | string[] | undefined>

function list(v: string | string[] | undefined): string[] {
  const arr = Array.isArray(v) ? v : v === undefined ? [] : [v]
  return [...new Set(arr.flatMap((x) => x.split(",")).map((x) => x.trim()).filter(Boolean))].slice(0, 20)
}

function num(v: string | string[] | undefined): number | null {
  const s = Array.isArray(v) ? v[0] : v
  if (s === undefined || s === "") return null
  const n = Number(s)
  return Number.isFinite(n) && n >= 0 ? n : null
}

/** Reads the catalogue's shareable URL (`?q=&stars=4&group=food&sort=&page=`) leniently. */
export function parseCatalogueParams(raw: RawParams): CatalogueQuery {
  const q = (Array.isArray(raw.q) ? raw.q[0] : raw.q ?? "").trim().slice(0, 100)
  const stars = list(raw.stars).map(Number).filter((n) => n === 3 || n === 4 || n === 5)
  const sortRaw = Array.isArray(raw.sort) ? raw.sort[0] : raw.sort
  const sort: Sort = (SORTS as readonly string[]).includes(sortRaw ?? "") ? (sortRaw as Sort) : q ? "relevance" : "newest"
  const page = Math.max(1, Math.min(1000, Math.floor(num(raw.page) ?? 1)))
  let price_min = num(raw.price_min)
  let price_max = num(raw.price_max)
  if (price_min !== null && price_max !== null && price_min > price_max) [price_min, price_max] = [price_max, price_min]
  return {
    q,
    stars,
    group: list(raw.group),
    district: list(raw.district),
    commune: list(raw.commune),
    producer_type: list(raw.producer_type),
    price_min,
    price_max,
    sort,
    page,
  }
}

/** Builds the query string for a catalogue URL; defaults are left out so URLs stay short and shareable. */
export function catalogueSearch(query: Partial<CatalogueQuery>): string {
  const p = new URLSearchParams()
  if (query.q) p.set("q", query.q)
  for (const s of query.stars ?? []) p.append("stars", String(s))
  for (const g of query.group ?? []) p.append("group", g)
  for (const d of query.district ?? []) p.append("district", d)
  for (const c of query.commune ?? []) p.append("commune", c)
  for (const t of query.producer_type ?? []) p.append("producer_type", t)
  if (query.price_min !== null && query.price_min !== undefined) p.set("price_min", String(query.price_min))
  if (query.price_max !== null && query.price_max !== undefined) p.set("price_max", String(query.price_max))
  const defaultSort = query.q ? "relevance" : "newest"
  if (query.sort && query.sort !== defaultSort) p.set("sort", query.sort)
  if (query.page && query.page > 1) p.set("page", String(query.page))
  const s = p.toString()
  return s ? `?${s}` : ""
}

/** Toggle a value in one of the multi-valued facets (resets pagination). */
export function toggleFacet(query: CatalogueQuery, key: "stars" | "group" | "district" | "producer_type", value: string | number): CatalogueQuery {
  const current = query[key] as (string | number)[]
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value]
  return { ...query, [key]: next, page: 1 }
}

function priceOf(hit: SearchHit, currency: string): number | null {
  const v = currency.toLowerCase() === "usd" ? hit.price_usd : hit.price_vnd
  return typeof v === "number" ? v : null
}

function count(hits: SearchHit[], key: (h: SearchHit) => string | null | undefined): Record<string, number> {
  const out: Record<string, number> = {}
  for (const h of hits) {
    const k = key(h)
    if (k) out[k] = (out[k] ?? 0) + 1
  }
  return out
}

/**
 * In-memory search with the same contract as `GET /store/ocop/search`, used when
 * that endpoint is unavailable. Accent-insensitive; every query word must match.
 * Facet counts are computed on the text-matched set (like a search engine's
 * disjunctive facets, each facet ignores its own selection).
 */
export function localSearch(
  all: SearchHit[],
  query: CatalogueQuery,
  currency: string,
  limit = PAGE_SIZE,
  offset = 0
): SearchResponse {
  const words = foldText(query.q).split(" ").filter(Boolean)
  const text = (h: SearchHit) =>
    foldText([h.title, h.title_en, h.subtitle, h.producer_name, h.district, h.commune, h.group_code].filter(Boolean).join(" "))
  const matched = words.length ? all.filter((h) => { const t = text(h); return words.every((w) => t.includes(w)) }) : all

  const byStars = (h: SearchHit) => !query.stars.length || query.stars.includes(Number(h.stars))
  const byGroup = (h: SearchHit) => !query.group.length || query.group.includes(h.group_code ?? "")
  const byDistrict = (h: SearchHit) => !query.district.length || query.district.includes(h.district ?? "")
  const byCommune = (h: SearchHit) => !query.commune?.length || query.commune.includes(h.commune ?? "")
  const byType = (h: SearchHit) => !query.producer_type.length || query.producer_type.includes(h.producer_type ?? "")
  const byPrice = (h: SearchHit) => {
    const p = priceOf(h, currency)
    if (query.price_min !== null && (p === null || p < query.price_min)) return false
    if (query.price_max !== null && (p === null || p > query.price_max)) return false
    return true
  }
  const filters = [byStars, byGroup, byDistrict, byCommune, byType, byPrice]
  const except = (skip: (h: SearchHit) => boolean) => matched.filter((h) => filters.every((f) => f === skip || f(h)))

  const facets: SearchFacets = {
    stars: count(except(byStars), (h) => (h.stars ? String(h.stars) : null)),
    group_code: count(except(byGroup), (h) => h.group_code),
    district: count(except(byDistrict), (h) => h.district),
    commune: count(except(byCommune), (h) => h.commune),
    producer_type: count(except(byType), (h) => h.producer_type),
  }
  const results = matched.filter((h) => filters.every((f) => f(h)))

  const score = (h: SearchHit) => {
    const title = foldText(h.title) + " " + foldText(h.title_en)
    return words.reduce((s, w) => s + (title.includes(w) ? 2 : 1), 0)
  }
  const sorted = [...results]
  switch (query.sort) {
    case "price_asc":
      sorted.sort((a, b) => (priceOf(a, currency) ?? Infinity) - (priceOf(b, currency) ?? Infinity))
      break
    case "price_desc":
      sorted.sort((a, b) => (priceOf(b, currency) ?? -Infinity) - (priceOf(a, currency) ?? -Infinity))
      break
    case "stars":
      sorted.sort((a, b) => (Number(b.stars) || 0) - (Number(a.stars) || 0) || Number(Boolean(b.potential_five_star)) - Number(Boolean(a.potential_five_star)))
      break
    case "relevance":
      if (words.length) sorted.sort((a, b) => score(b) - score(a))
      break
    default:
      break // "newest": input order (the caller passes products newest first)
  }
  return { hits: sorted.slice(offset, offset + limit), count: sorted.length, facets }
}

/** Page links (1 … n-1 n n+1 … last). */
export function pageWindow(page: number, pages: number): (number | "…")[] {
  const set = new Set([1, pages, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pages))
  const sorted = [...set].sort((a, b) => a - b)
  const out: (number | "…")[] = []
  sorted.forEach((p, i) => {
    if (i && p - sorted[i - 1] > 1) out.push("…")
    out.push(p)
  })
  return out
}
