// A generated OCOP catalogue in the seed's format (backend/src/scripts/data/catalogue.json),
// for the benchmarks: seed it with OCOP_CATALOGUE_FILE=<file> medusa exec ./src/scripts/seed.ts.
// Deterministic (a seeded PRNG). Defaults: 10 000 products, one producer per 20
// products (500), and every status the OCOP module has:
//   producers       approved (~91 %), suspended (~3 %), pending (~3 %), rejected (~3 %)
//   certifications  active (~86 %), expired, revoked, suspended, pending_review, rejected
// Products of a pending or rejected producer, or whose certificate is not active
// (or only 2★), are not sellable: about 80 % of the catalogue is.
//
//   node scripts/lib/catalogue-generator.mjs [count] [out.json]
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..")
const BASE_CATALOGUE = path.join(ROOT, "backend", "src", "scripts", "data", "catalogue.json")

function prng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const DISTRICTS = [
  { district: "Phong Điền", communes: ["Phong Hiền", "Phong An", "Phong Thu", "Điền Hải"] },
  { district: "Quảng Điền", communes: ["Quảng Thọ", "Quảng Phú", "Quảng Công", "Quảng An"] },
  { district: "Hương Trà", communes: ["Hương Hồ", "Hương Vân", "Hương Toàn", "Bình Tiến"] },
  { district: "Phú Vang", communes: ["Phú Thuận", "Phú Hồ", "Phú Diên", "Vinh Thanh"] },
  { district: "Phú Lộc", communes: ["Lộc Thủy", "Vinh Mỹ", "Lộc Bình", "Vinh Hiền"] },
  { district: "Hương Thủy", communes: ["Thủy Thanh", "Thủy Châu", "Dương Hòa", "Phú Sơn"] },
  { district: "A Lưới", communes: ["Hồng Hạ", "A Ngo", "Hương Phong", "Lâm Đớt"] },
  { district: "Nam Đông", communes: ["Thượng Lộ", "Hương Lộc", "Khe Tre", "Thượng Quảng"] },
  { district: "Thành phố Huế", communes: ["Thủy Biều", "Phú Cát", "Kim Long", "Thủy Xuân"] },
]
/** @type {[string, number, string][]} */
const TYPES = [
  ["cooperative", 0.33, "HTX Nông nghiệp"],
  ["enterprise", 0.24, "Công ty TNHH"],
  ["household", 0.39, "Cơ sở sản xuất"],
  ["cooperative_group", 0.04, "Tổ hợp tác"],
]
const QUALIFIERS = [
  ["đặc biệt", "premium"],
  ["hộp quà", "gift box"],
  ["gia truyền", "family recipe"],
  ["truyền thống", "traditional"],
  ["loại 1", "grade one"],
  ["thượng hạng", "superior"],
  ["nhà làm", "homemade"],
  ["mùa mới", "new season"],
]

/** Producer status for a uniform draw: mostly approved, a few of every other status. */
const producerStatus = (r) => (r < 0.03 ? "suspended" : r < 0.06 ? "pending" : r < 0.09 ? "rejected" : "approved")

export function generateCatalogue(count = 10000, base = JSON.parse(fs.readFileSync(BASE_CATALOGUE, "utf8")), seed = 20261129) {
  const rnd = prng(seed)
  const pick = (list) => list[Math.floor(rnd() * list.length)]
  const producerCount = Math.max(12, Math.round(count / 20))
  const producers = []
  for (let i = 0; i < producerCount; i++) {
    const place = pick(DISTRICTS)
    const commune = pick(place.communes)
    let r = rnd()
    const type = TYPES.find(([, share]) => (r -= share) < 0) ?? TYPES[0]
    producers.push({
      handle: `bench-producer-${i}`,
      legal_name: `${type[2]} ${commune} ${i} (bench)`,
      type: type[0],
      registration_number: `BENCH-${i}`,
      street: null,
      commune,
      district: place.district,
      province: "Thừa Thiên Huế",
      latitude: null,
      longitude: null,
      phone: null,
      email: null,
      website: null,
      story_vi: null,
      story_en: null,
      status: producerStatus(rnd()),
    })
  }
  const products = []
  for (let i = 0; i < count; i++) {
    const t = base.products[i % base.products.length]
    const producer = producers[Math.floor(rnd() * producers.length)]
    const [qVi, qEn] = pick(QUALIFIERS)
    const factor = 0.8 + rnd() * 0.6
    // Certification: ~84 % in force (3–5★), the rest 2★, lapsed, revoked, suspended, under review or rejected.
    const r = rnd()
    const stars = r < 0.04 ? 2 : r < 0.5 ? 3 : r < 0.9 ? 4 : 5
    const score = stars === 2 ? 40 + Math.floor(rnd() * 10) : stars === 3 ? 50 + Math.floor(rnd() * 20) : stars === 4 ? 70 + Math.floor(rnd() * 20) : 90 + Math.floor(rnd() * 11)
    const s = rnd()
    const status = s < 0.04 ? "expired" : s < 0.07 ? "revoked" : s < 0.09 ? "suspended" : s < 0.11 ? "pending_review" : s < 0.12 ? "rejected" : "active"
    products.push({
      ...t,
      handle: `${t.handle}-b${i}`,
      producer: producer.handle,
      title_vi: `${t.title_vi} ${qVi} ${producer.commune}`,
      title_en: `${t.title_en}, ${qEn}, ${producer.commune}`,
      subtitle_vi: t.subtitle_vi,
      subtitle_en: t.subtitle_en,
      variants: t.variants.map((v, j) => ({
        ...v,
        sku: `B${i}-${j}-${v.sku}`.slice(0, 60),
        prices: { vnd: Math.round((v.prices.vnd * factor) / 1000) * 1000, usd: Math.round(v.prices.usd * factor * 100) / 100 },
        inventory: 50,
      })),
      certification: {
        ...t.certification,
        certificate_number: `BENCH-${String(i).padStart(6, "0")}`,
        decision_number: `BENCH-${i}/QĐ-UBND`,
        decided_months_ago: status === "expired" ? 37 + Math.floor(rnd() * 12) : 1 + Math.floor(rnd() * 33),
        authority_level: stars === 5 ? "central" : stars === 4 ? "province" : "district",
        score,
        stars,
        potential_five_star: false,
        status,
        status_reason: status === "active" ? null : "bench",
      },
    })
  }
  return { producers, products }
}

/** Counts by status, for reports. */
export function catalogueSummary(catalogue) {
  const count = (list) => list.reduce((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {})
  return {
    products: catalogue.products.length,
    producers: catalogue.producers.length,
    producer_statuses: count(catalogue.producers.map((p) => p.status)),
    certification_statuses: count(catalogue.products.map((p) => p.certification.status)),
  }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (isMain) {
  const count = Number(process.argv[2] || 10000)
  const out = process.argv[3] || `catalogue-${count}.json`
  const catalogue = generateCatalogue(count)
  fs.writeFileSync(out, JSON.stringify(catalogue))
  console.log(JSON.stringify({ file: out, ...catalogueSummary(catalogue) }))
}
