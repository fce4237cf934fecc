/**
 * Huế's administrative units as they are today, and how the former ones map onto them.
 *
 * Pure functions over one reviewable data file, ./data/admin-units-2025.json (its legal sources
 * and what is verified are in the file itself):
 * - 1 January 2025 (Resolution 175/2024/QH15): the province of Thừa Thiên Huế became
 *   thành phố Huế, a centrally governed city; its people's committee is "UBND thành phố Huế".
 * - 1 July 2025 (Resolution 1675/NQ-UBTVQH15 of 16 June 2025, with the nationwide abolition of the
 *   district level): 133 commune-level units became 40 (21 phường, 19 xã).
 *
 * What the shop shows as "where it is now" comes from here; a certificate keeps what it says
 * as issued (`addressAsOf` rebuilds the address a document dated before a change used).
 * Safe for the storefront bundle: no I/O, no runtime imports beyond the JSON.
 */
import data from "./data/admin-units-2025.json"

export type AdminUnitType = "phuong" | "xa" | "thi_tran"

export type FormerAdminUnit = {
  name: string
  type: AdminUnitType
  /** The district it belonged to on 30 June 2025 (the last day of the district level). */
  district: string
  /** Other district names that documents and people use for it (e.g. before 2025). */
  district_aliases?: string[]
  /** Units merged into this one earlier (1 January 2025) whose names people still use. */
  formerly?: { name: string; type: AdminUnitType; districts: string[] }[]
}

export type CurrentAdminUnit = {
  code: string
  name: string
  type: "phuong" | "xa"
  formed_from: FormerAdminUnit[]
  formed_from_verified: boolean
  note?: string
}

export const ADMIN_UNITS_VERSION: string = data.version
export const ADMIN_UNITS_LEGAL_SOURCES: { id: string; title_vi: string; in_force: string; url?: string; effect: string }[] =
  data.legal_sources
export const CURRENT_ADMIN_UNITS: readonly CurrentAdminUnit[] = data.units as CurrentAdminUnit[]

/** The day Huế became a centrally governed city (175/2024/QH15). */
export const HUE_CITY_SINCE = "2025-01-01"
/** The day the district level ended and the 40 current communes and wards began (1675/NQ-UBTVQH15). */
export const TWO_TIER_SINCE = "2025-07-01"

export const HUE_CITY_NAME = "thành phố Huế"
export const FORMER_PROVINCE_NAME = "tỉnh Thừa Thiên Huế"

/** Lower-case NFC, "phường"/"xã"/"thị trấn" prefixes dropped, dashes and spaces tidied; accents kept. */
export function normalizeAdminName(name: string): string {
  return name
    .normalize("NFC")
    .toLowerCase()
    .replace(/[–—]/g, "-")
    .replace(/^\s*(phường|xã|thị trấn|phuong|xa|thi tran|p\.|x\.|tt\.?)\s+/, "")
    .replace(/\s*-\s*/g, " - ")
    .replace(/\s+/g, " ")
    .trim()
}

/**
 * As normalizeAdminName, accents and đ folded too ("phong thai"). Folding can merge two real
 * names (Hương Văn and Hương Vân were both wards of Hương Trà), so it is only a fallback.
 */
export function foldAdminName(name: string): string {
  return normalizeAdminName(name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D"))
}

const byCode = new Map(CURRENT_ADMIN_UNITS.map((u) => [u.code, u]))
const byName = new Map(CURRENT_ADMIN_UNITS.map((u) => [normalizeAdminName(u.name), u]))
// The 40 current names stay distinct when folded (checked by the unit test), so folding is safe here.
const byFoldedName = new Map(CURRENT_ADMIN_UNITS.map((u) => [foldAdminName(u.name), u]))

/** A current unit by its code ("phuong-phong-thai") or name, with or without its type and accents. */
export function findCurrentUnit(codeOrName: string | null | undefined): CurrentAdminUnit | undefined {
  if (!codeOrName) return undefined
  return byCode.get(codeOrName.trim()) ?? byName.get(normalizeAdminName(codeOrName)) ?? byFoldedName.get(foldAdminName(codeOrName))
}

/** "phường Phong Thái" / "xã Quảng Điền" (vi) or "Phong Thái Ward" / "Quảng Điền Commune" (en). */
export function unitLabel(unit: Pick<CurrentAdminUnit, "name" | "type">, locale: "vi" | "en" = "vi"): string {
  if (locale === "en") return `${unit.name} ${unit.type === "phuong" ? "Ward" : "Commune"}`
  return `${unit.type === "phuong" ? "phường" : "xã"} ${unit.name}`
}

/**
 * The "area" of a current unit: the former district most of it came from. Shoppers and
 * producers still say "Quảng Điền" or "Phú Vang"; the facet keeps that vocabulary.
 */
export function areaOf(unit: CurrentAdminUnit): string | null {
  const counts = new Map<string, number>()
  for (const f of unit.formed_from) counts.set(f.district, (counts.get(f.district) ?? 0) + 1)
  let best: string | null = null
  for (const [d, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = d
  if (best) return best
  // Units kept unchanged in 2025 carry no constituents; their area is stated in the note.
  return unit.code === "phuong-duong-no" ? "Thuận Hóa" : null
}

export type FormerUnitMatch = { unit: CurrentAdminUnit; former: FormerAdminUnit; via: string }

/**
 * The current units a former commune (with its former district, when known) is now part of.
 * A name alone can be ambiguous (there were two "Phú Vinh" and two "Hương Phong"): give the
 * district. Exactly one match is the answer; zero or several is for a human to resolve.
 */
export function currentUnitsOfFormer(commune: string, district?: string | null): FormerUnitMatch[] {
  const exact = formerMatches(commune, district, normalizeAdminName)
  return exact.length ? exact : formerMatches(commune, district, foldAdminName)
}

function formerMatches(commune: string, district: string | null | undefined, norm: (s: string) => string): FormerUnitMatch[] {
  const c = norm(commune)
  const d = district ? norm(district) : null
  const districtMatches = (names: string[]) => !d || names.some((n) => norm(n) === d)
  const out: FormerUnitMatch[] = []
  for (const unit of CURRENT_ADMIN_UNITS) {
    for (const former of unit.formed_from) {
      const districts = [former.district, ...(former.district_aliases ?? [])]
      if (norm(former.name) === c && districtMatches(districts)) {
        out.push({ unit, former, via: former.name })
        continue
      }
      for (const earlier of former.formerly ?? []) {
        if (norm(earlier.name) === c && districtMatches([...earlier.districts, ...districts])) {
          out.push({ unit, former, via: `${earlier.name} → ${former.name}` })
        }
      }
    }
  }
  return out
}

/** The one current unit of a former commune, or null when it is unknown or ambiguous. */
export function currentUnitOfFormer(commune: string, district?: string | null): CurrentAdminUnit | null {
  const matches = currentUnitsOfFormer(commune, district)
  const units = new Set(matches.map((m) => m.unit.code))
  return units.size === 1 ? matches[0].unit : null
}

const at = (date: Date | string) => (typeof date === "string" ? new Date(date) : date).getTime()
const HUE_CITY_SINCE_MS = Date.parse(`${HUE_CITY_SINCE}T00:00:00+07:00`)
const TWO_TIER_SINCE_MS = Date.parse(`${TWO_TIER_SINCE}T00:00:00+07:00`)

/** The province-level name on a given day: "tỉnh Thừa Thiên Huế" before 2025, "thành phố Huế" since. */
export function provinceNameAt(date: Date | string): string {
  return at(date) < HUE_CITY_SINCE_MS ? FORMER_PROVINCE_NAME : HUE_CITY_NAME
}

/** The province-level people's committee on a given day (who signs a provincial OCOP decision). */
export function provincialAuthorityAt(date: Date | string): string {
  return at(date) < HUE_CITY_SINCE_MS ? "UBND tỉnh Thừa Thiên Huế" : "UBND thành phố Huế"
}

/** True once the 40 current units exist (1 July 2025): addresses dated before name the former ones. */
export function isTwoTierAt(date: Date | string): boolean {
  return at(date) >= TWO_TIER_SINCE_MS
}

export type ProducerAddress = {
  street?: string | null
  /** The current ward/commune (its name, e.g. "Phong Thái"). */
  commune: string
  /** The former district, kept as the "area". */
  district?: string | null
  province?: string | null
  /** The former commune (before 1 July 2025), when the producer existed then. */
  former_commune?: string | null
}

/** Today's address: "Thôn An Lỗ, phường Phong Thái, thành phố Huế" — no district (there is none). */
export function currentAddress(p: ProducerAddress, locale: "vi" | "en" = "vi"): string {
  const unit = findCurrentUnit(p.commune)
  const commune = unit ? unitLabel(unit, locale) : p.commune
  const city = locale === "en" ? "Huế City" : HUE_CITY_NAME
  return [p.street, commune, unit || !p.province ? city : p.province].filter(Boolean).join(", ")
}

/**
 * The address as a document dated `date` wrote it: the former commune and district before
 * 1 July 2025, and the province's name of that day. A certificate shows this beside "now: …".
 */
export function addressAsOf(p: ProducerAddress, date: Date | string): string {
  if (isTwoTierAt(date) || !p.former_commune) return currentAddress(p)
  return [p.street, p.former_commune, p.district, provinceNameAt(date)].filter(Boolean).join(", ")
}

type AuthorityLevel = "district" | "province" | "central"

/**
 * Who could sign an OCOP decision of a given level in Huế on a given day, from the name a
 * (demo) record gives. Province-level decisions are "UBND tỉnh Thừa Thiên Huế" before 2025 and
 * "UBND thành phố Huế" after (175/2024/QH15); the district-level city of Huế ceased on 1 January
 * 2025 (its wards went to quận Phú Xuân and quận Thuận Hóa, 1314/NQ-UBTVQH15); from 1 July 2025
 * there is no district level at all — communes propose, the city evaluates (1489/QĐ-TTg).
 * Central decisions keep their name. Used by the seed, whose dates are relative to today.
 */
export function authorityAt(
  level: AuthorityLevel,
  recorded: string,
  date: Date | string,
  area?: string | null
): { level: AuthorityLevel; name: string } {
  if (level === "central") return { level, name: recorded }
  const hueProvincial = recorded === "UBND tỉnh Thừa Thiên Huế" || recorded === "UBND thành phố Huế"
  if (level === "province") return { level, name: hueProvincial ? provincialAuthorityAt(date) : recorded }
  if (isTwoTierAt(date)) return { level: "province", name: provincialAuthorityAt(date) }
  if (recorded === "UBND thành phố Huế" && at(date) >= HUE_CITY_SINCE_MS && area) return { level, name: `UBND quận ${area}` }
  return { level, name: recorded }
}

export type AddressInput = { commune?: string | null; district?: string | null; former_commune?: string | null; province?: string | null }
export type ResolvedAddress = { commune: string; district: string; former_commune: string | null; province: string }

/** Every spelling of Huế's province-level name a form may carry, old and new. */
const HUE_PROVINCE_NAMES = ["thành phố huế", "tp huế", "tp. huế", "huế", "thừa thiên huế", "tỉnh thừa thiên huế", "thừa thiên - huế", "tt huế", "tt-huế"]

/**
 * An address as a producer or an admin typed it, in today's units. The commune may be a
 * current unit ("Phong Thái", the portal's list) or a former commune with its former district
 * ("Phong Hiền", "Phong Điền"), which is converted; the district (the "area") is derived from
 * the unit when not given. Returns the problem instead when it cannot be placed.
 */
export function resolveAddressInput(input: AddressInput): { ok: true; value: ResolvedAddress } | { ok: false; problem: string } {
  if (input.province && !HUE_PROVINCE_NAMES.includes(normalizeAdminName(input.province))) {
    return { ok: false, problem: `province: the marketplace lists producers of ${HUE_CITY_NAME} only (got "${input.province}")` }
  }
  const commune = input.commune?.trim()
  if (!commune) return { ok: false, problem: "commune: pick the producer's current ward or commune" }
  // A former commune named with its district wins: "Phú Xuân, Phú Vang" is the former xã, not today's phường.
  const asFormer = input.district ? currentUnitOfFormer(commune, input.district) : null
  const unit = asFormer ?? findCurrentUnit(commune) ?? currentUnitOfFormer(commune)
  if (!unit) {
    return {
      ok: false,
      problem: `commune: "${commune}" is not one of the 40 wards and communes of ${HUE_CITY_NAME} (Resolution 1675/NQ-UBTVQH15), nor a former commune that maps to one`,
    }
  }
  const wasFormer = !!asFormer || !findCurrentUnit(commune)
  const former = input.former_commune?.trim() || (wasFormer ? commune : null)
  if (former && !wasFormer) {
    const formerUnit = currentUnitOfFormer(former, input.district) ?? currentUnitOfFormer(former)
    if (formerUnit?.code !== unit.code) {
      return { ok: false, problem: `former_commune: "${former}" did not become ${unitLabel(unit)}` }
    }
  }
  return {
    ok: true,
    value: { commune: unit.name, district: input.district?.trim() || areaOf(unit) || unit.name, former_commune: former, province: HUE_CITY_NAME },
  }
}

/**
 * A producer's "area" (facet, search): the district its former commune belonged to on
 * 30 June 2025 when known — Quảng Công stays "Quảng Điền" though phường Phong Quảng is mostly
 * former Phong Điền — else the area of its current unit, else the district as recorded.
 */
export function areaOfProducer(p: { commune?: string | null; former_commune?: string | null; district?: string | null }): string | null {
  const unit = findCurrentUnit(p.commune)
  if (p.former_commune) {
    const match = currentUnitsOfFormer(p.former_commune, p.district).find((m) => !unit || m.unit.code === unit.code)
    if (match) return match.former.district
  }
  return (unit && areaOf(unit)) || p.district || null
}
