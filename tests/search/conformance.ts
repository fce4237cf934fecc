/**
 * The search provider conformance suite: the same queries and expectations for
 * every engine behind the product index (PostgreSQL, Meilisearch), over the
 * store API the storefront uses. Call it from a spec with a client for one
 * provider (tests/integration/search-*.spec.ts).
 *
 * It asserts against the seeded demo catalogue but tolerates products that
 * other test files create meanwhile (they are never in the judged sets).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { catalogue, expectedSellable } from "../support/catalogue"
import { type SearchBody, type SearchClient, type SearchHit } from "./client"
import { until } from "../support/wait"
import { judge, relevanceSet, summarize } from "./relevance"

export const HIT_KEYS = [
  "id",
  "handle",
  "title",
  "title_en",
  "subtitle",
  "thumbnail",
  "stars",
  "potential_five_star",
  "group_code",
  "producer_name",
  "producer_handle",
  "producer_type",
  "district",
  "commune",
  "price_vnd",
  "price_usd",
].sort()

const sellable = catalogue.products.filter(expectedSellable).map((p) => p.handle as string)
const unsellable = catalogue.products.filter((p) => !expectedSellable(p)).map((p) => p.handle as string)
const judged = new Set<string>(catalogue.products.map((p) => p.handle as string))
const uniq = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

const handles = (body: SearchBody) => body.hits.map((h) => h.handle)
const top = (body: SearchBody, n = 3) => handles(body).filter((h) => judged.has(h)).slice(0, n)
const nonDecreasing = (xs: number[]) => xs.every((x, i) => i === 0 || xs[i - 1] <= x)
const nonIncreasing = (xs: number[]) => xs.every((x, i) => i === 0 || xs[i - 1] >= x)

export function searchConformance(name: string, connect: () => Promise<SearchClient>) {
  describe(`search conformance — ${name}`, () => {
    let c: SearchClient
    const ok = async (params: Record<string, any>) => {
      const res = await c.search(params)
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      return res.body
    }
    /** Every sellable product, walking the pages. */
    const browseAll = async (params: Record<string, any> = {}) => {
      const hits: SearchHit[] = []
      for (let offset = 0; offset < 2000; offset += 100) {
        const body = await ok({ ...params, limit: 100, offset })
        hits.push(...body.hits)
        if (body.hits.length < 100) break
      }
      return hits
    }

    beforeAll(async () => {
      c = await connect()
      // On a fresh backend the index fills on boot: wait until it answers.
      await until(async () => (await c.search({ q: "me xung" })).body?.count > 0, { timeout: 90_000, what: "the product index" })
    }, 600_000)
    afterAll(async () => {
      await c?.stop()
    })

    describe("Vietnamese text", () => {
      it("finds the same product for 'me xung', 'mè xửng' and 'MÈ XỬNG'", async () => {
        const [plain, accented, upper] = await Promise.all(["me xung", "mè xửng", "MÈ XỬNG"].map((q) => ok({ q })))
        expect(top(plain)[0]).toBe("me-xung-thien-huong")
        expect(handles(accented)).toEqual(handles(plain))
        expect(handles(upper)).toEqual(handles(plain))
        expect(accented.count).toBe(plain.count)
      })

      it("matches đ with d ('dau tram' → dầu tràm, 'den may' → đèn mây)", async () => {
        expect(top(await ok({ q: "dau tram" }))[0]).toBe("tinh-dau-tram-truong-hai")
        expect(top(await ok({ q: "Đèn mây" }))[0]).toBe("den-may-bao-la")
        expect(top(await ok({ q: "den may" }))[0]).toBe("den-may-bao-la")
      })

      it.each([
        ["mè xững", "me-xung-thien-huong"],
        ["nón bài thơ", "non-la-hue"],
        ["nón lá", "non-bai-tho-hue"],
        ["cajeput oil", "tinh-dau-tram-truong-hai"],
        ["melaleuca oil", "tinh-dau-tram-truong-hai"],
        ["conical hat", "non-la-hue"],
        ["sesame brittle", "me-xung-thien-huong"],
        ["gotu kola", "tra-rau-ma-quang-tho"],
      ])("applies synonyms and spelling variants: %s → %s", async (q, handle) => {
        expect(top(await ok({ q }))).toContain(handle)
      })

      it.each([
        ["me xumg", "me-xung-thien-huong"],
        ["dau tramm", "tinh-dau-tram-truong-hai"],
        ["conical hatt", "non-la-hue"],
        ["pennywrt", "tra-rau-ma-quang-tho"],
        ["sesmae candy", "me-xung-thien-huong"],
      ])("tolerates a small typo: %s → %s", async (q, handle) => {
        expect(top(await ok({ q }))).toContain(handle)
      })

      it("searches producer names and places", async () => {
        expect(top(await ok({ q: "Phong Điền" }))).toContain("gao-huu-co-an-lo")
        expect(top(await ok({ q: "hop tac xa bao la" }))).toContain("den-may-bao-la")
      })

      it("finds a producer's place by its current and its former name (the 2025 reform)", async () => {
        // HTX An Lỗ: phường Phong Thái since 1 July 2025, formerly Phong Hiền (Phong Điền).
        expect(top(await ok({ q: "Phong Thái" }))).toContain("gao-huu-co-an-lo")
        expect(top(await ok({ q: "phong hien" }))).toContain("gao-huu-co-an-lo")
      })
    })

    describe("response, facets and filters", () => {
      it("answers with the store contract", async () => {
        const body = await ok({ q: "nón lá" })
        expect(Object.keys(body).sort()).toEqual(["count", "facets", "hits"])
        expect(body.hits.length).toBeGreaterThan(0)
        for (const hit of body.hits) expect(Object.keys(hit).sort()).toEqual(HIT_KEYS)
        const hat = body.hits.find((h) => h.handle === "non-la-hue")!
        expect(hat).toMatchObject({ stars: 4, group_code: "handicraft", producer_type: "cooperative", district: "Phú Vang" })
        expect(hat.title).toBe("Nón lá Huế")
        expect(hat.price_vnd).toBe(120000)
        expect(hat.price_usd).toBe(4.8)
        expect(Object.keys(body.facets)).toEqual(expect.arrayContaining(["stars", "group_code", "district", "producer_type"]))
        expect(Object.keys(body.facets.stars).sort()).toEqual(["3", "4", "5"])
      })

      it("counts facets over the matching products", async () => {
        const body = await ok({ q: "trà" })
        const sum = (f: Record<string, number>) => Object.values(f).reduce((a, b) => a + b, 0)
        for (const facet of ["stars", "group_code", "district", "commune", "producer_type"] as const) expect(sum(body.facets[facet])).toBe(body.count)
      })

      it("facets and filters by current ward/commune, and by former district as the area", async () => {
        const all = await ok({ limit: 100 })
        expect(all.facets.commune["Phong Thái"]).toBeGreaterThan(0)
        // No product's area is a unit that no longer exists at district level as "Thành phố Huế".
        expect(Object.keys(all.facets.district)).not.toContain("Thành phố Huế")
        const phongThai = await ok({ commune: "Phong Thái", limit: 100 })
        expect(phongThai.count).toBe(all.facets.commune["Phong Thái"])
        for (const hit of phongThai.hits) expect(hit.commune).toBe("Phong Thái")
        const quangCong = await ok({ commune: "Phong Quảng", limit: 100 })
        for (const hit of quangCong.hits) expect(hit.district).toBe("Quảng Điền")
      })

      it("filters by stars, group, district and producer type (repeated or comma-separated)", async () => {
        for (const hit of (await ok({ stars: 4, limit: 100 })).hits) expect(hit.stars).toBe(4)
        const many = await ok({ stars: [4, 5], limit: 100 })
        const commas = await ok({ stars: "4,5", limit: 100 })
        expect(many.count).toBe(commas.count)
        for (const hit of many.hits) expect([4, 5]).toContain(hit.stars)
        for (const hit of (await ok({ group: "handicraft", limit: 100 })).hits) expect(hit.group_code).toBe("handicraft")
        for (const hit of (await ok({ district: "Quảng Điền", limit: 100 })).hits) expect(hit.district).toBe("Quảng Điền")
        for (const hit of (await ok({ producer_type: "household", limit: 100 })).hits) expect(hit.producer_type).toBe("household")
        const both = await ok({ q: "nước mắm", district: "Quảng Điền" })
        expect(top(both)).toEqual(["nuoc-mam-quang-cong"])
      })

      it("keeps the other values of a filtered facet (disjunctive facets)", async () => {
        const all = await ok({})
        const food = await ok({ group: "food" })
        expect(food.facets.group_code).toEqual(all.facets.group_code)
        expect(food.count).toBe(all.facets.group_code.food)
        expect(Object.keys(food.facets.group_code).length).toBeGreaterThan(1)
        // The other facets describe the filtered set.
        const sum = (f: Record<string, number>) => Object.values(f).reduce((a, b) => a + b, 0)
        expect(sum(food.facets.district)).toBe(food.count)
      })

      it("filters by price in the chosen currency", async () => {
        const vnd = await ok({ price_min: 50000, price_max: 150000, limit: 100 })
        expect(vnd.count).toBeGreaterThan(0)
        for (const hit of vnd.hits) expect(hit.price_vnd!).toBeGreaterThanOrEqual(50000)
        for (const hit of vnd.hits) expect(hit.price_vnd!).toBeLessThanOrEqual(150000)
        const usd = await ok({ currency: "usd", price_max: 2, limit: 100 })
        expect(usd.count).toBeGreaterThan(0)
        for (const hit of usd.hits) expect(hit.price_usd!).toBeLessThanOrEqual(2)
        expect(Object.keys(usd.facets.price_range)[0]).toBe("0-2")
      })

      it("treats an unknown district as no match, not an error", async () => {
        const body = await ok({ district: "Atlantis" })
        expect(body.count).toBe(0)
        expect(body.hits).toEqual([])
      })
    })

    describe("sorting and paging", () => {
      it("sorts by price, both ways and in either currency", async () => {
        const asc = await ok({ sort: "price_asc", limit: 100 })
        expect(nonDecreasing(asc.hits.map((h) => h.price_vnd ?? Infinity))).toBe(true)
        const desc = await ok({ q: "trà", sort: "price_desc" })
        expect(nonIncreasing(desc.hits.map((h) => h.price_vnd ?? -Infinity))).toBe(true)
        const usd = await ok({ currency: "usd", sort: "price_asc", limit: 100 })
        expect(nonDecreasing(usd.hits.map((h) => h.price_usd ?? Infinity))).toBe(true)
      })

      it("sorts by stars and by newest", async () => {
        const stars = await ok({ sort: "stars", limit: 100 })
        expect(nonIncreasing(stars.hits.map((h) => h.stars))).toBe(true)
        const newest = await ok({ sort: "newest", limit: 5 })
        expect(newest.hits.length).toBe(5)
      })

      it("pages without overlap and with a stable count", async () => {
        const first = await ok({ sort: "price_asc", limit: 5, offset: 0 })
        const second = await ok({ sort: "price_asc", limit: 5, offset: 5 })
        expect(second.count).toBe(first.count)
        const ids = new Set(first.hits.map((h) => h.id))
        for (const hit of second.hits) expect(ids.has(hit.id)).toBe(false)
        const whole = await ok({ sort: "price_asc", limit: 10, offset: 0 })
        expect(whole.hits.map((h) => h.id)).toEqual([...first.hits, ...second.hits].map((h) => h.id))
      })
    })

    describe("only sellable products", () => {
      it("returns every sellable product of the catalogue and none of the others", async () => {
        const found = new Set((await browseAll()).map((h) => h.handle))
        for (const handle of sellable) expect(found, handle).toContain(handle)
        for (const handle of unsellable) expect(found, handle).not.toContain(handle)
      })

      it("keeps POST /store/search (Medusa's endpoint) to sellable products", async () => {
        const res = await c.storeSearch({ entity: "product", filters: { q: "tra" }, pagination: { take: 100 }, fields: ["id", "handle"] })
        expect(res.status, JSON.stringify(res.body)).toBe(200)
        const found: string[] = res.body.results[0].hits.map((h: any) => h.document.handle)
        expect(found).toContain("tra-cung-dinh-hue")
        expect(found).not.toContain("tra-gung-mat-ong-cung-dinh")
        const all = await c.storeSearch({ entity: "product", pagination: { take: 100 }, fields: ["handle"] })
        const handlesAll: string[] = all.body.results[0].hits.map((h: any) => h.document.handle)
        for (const handle of unsellable) expect(handlesAll).not.toContain(handle)
      })
    })

    describe("bad and odd input", () => {
      it.each([
        ["an empty query", "q="],
        ["a blank query", "q=%20%20%20"],
        ["punctuation only", `q=${encodeURIComponent("!!! ??? ---")}`],
        ["nonsense", "q=xqzvkwpl"],
        ["SQL", `q=${encodeURIComponent("'; DROP TABLE product; --")}`],
        ["SQL boolean", `q=${encodeURIComponent("1' OR '1'='1")}`],
        ["LIKE and placeholder characters", `q=${encodeURIComponent("%_\\ $1 ?? :: ${x}")}`],
        ["emoji and other scripts", `q=${encodeURIComponent("🍵 茶 чай")}`],
        ["an unknown district", "district=Atlantis"],
        ["empty optional parameters", "q=&price_min=&price_max=&stars=&sort=&limit=&offset="],
      ])("answers %s cleanly (200)", async (_label, qs) => {
        const res = await c.searchRaw(qs)
        expect(res.status, JSON.stringify(res.body)).toBe(200)
        expect(Array.isArray(res.body.hits)).toBe(true)
        expect(typeof res.body.count).toBe("number")
      })

      it.each([
        ["an unknown group", "group=weapons", /group/],
        ["stars out of range", "stars=7", /stars/],
        ["stars that are not numbers", "stars=abc", /stars/],
        ["an unknown producer type", "producer_type=alien", /producer_type/],
        ["an unknown currency", "currency=eur", /currency/],
        ["an unknown sort", "sort=random", /sort/],
        ["a zero limit", "limit=0", /limit/],
        ["a huge limit", "limit=1000", /limit/],
        ["a negative offset", "offset=-1", /offset/],
        ["a malformed price", "price_min=cheap", /price_min/],
        ["price_min above price_max", "price_min=500&price_max=100", /price_min/],
        ["an unknown parameter", "color=red", /color|unrecognized/i],
        ["a repeated query", "q=a&q=b", /q/],
        ["an object where a list is expected", "stars[x]=4", /stars/],
        ["a 10 000-character query", `q=${"a".repeat(10_000)}`, /q/],
      ])("rejects %s with a clear 400", async (_label, qs, message) => {
        const res = await c.searchRaw(qs)
        expect(res.status, JSON.stringify(res.body)).toBe(400)
        expect(res.body.message).toMatch(message)
      })

      it("never fails with a 500 on a 10 000-character Vietnamese query", async () => {
        const res = await c.searchRaw(`q=${encodeURIComponent("mè xửng ".repeat(1250))}`)
        // Percent-encoded, this URL is ~100 KB: Node's HTTP parser refuses it (431, over its 16 KB header limit)
        // before any route runs — a clean refusal, not a 500.
        expect(res.status, JSON.stringify(res.body)).toBe(431)
        const medusa = await c.storeSearch({ entity: "product", filters: { q: "mè xửng ".repeat(1250) }, pagination: { take: 5 } })
        expect(medusa.status).toBeLessThan(500)
      })
    })

    describe("visibility follows the OCOP rule, without a restart", () => {
      let producerId: string
      const word = () => `kiemtra${uniq()}`

      beforeAll(async () => {
        const suffix = uniq()
        const res = await c.admin("POST", "/admin/producers", {
          handle: `search-test-${suffix}`,
          legal_name: `HTX Kiểm thử tìm kiếm ${suffix}`,
          type: "cooperative",
          registration_number: `SEARCH-${suffix}`,
          commune: "Phú Hồ",
          district: "Phú Vang",
        })
        expect(res.status, JSON.stringify(res.body)).toBe(201)
        producerId = res.body.producer.id
      })

      /** A published product with its own certification, found by a unique word of its title. */
      const sellableProduct = async (token: string, certification: Record<string, unknown> = {}) => {
        const suffix = uniq()
        const product = await c.admin("POST", "/admin/products", {
          title: `Bánh ép Huế ${token}`,
          handle: `banh-ep-${suffix}`,
          status: "draft",
          options: [{ title: "Hộp", values: ["10 cái"] }],
          variants: [{ title: "10 cái", sku: `SEARCH-${suffix}`.toUpperCase(), options: { Hộp: "10 cái" }, manage_inventory: false, prices: [{ amount: 30000, currency_code: "vnd" }, { amount: 1.2, currency_code: "usd" }] }],
          additional_data: { producer_id: producerId },
        })
        expect(product.status, JSON.stringify(product.body)).toBe(200)
        const id = product.body.product.id as string
        const months = new Date()
        months.setUTCMonth(months.getUTCMonth() - 3)
        const cert = await c.admin("POST", "/admin/ocop/certifications", {
          product_id: id,
          certificate_number: `DEMO-SEARCH-${suffix}`.toUpperCase(),
          decision_number: `DEMO-${suffix}/QĐ-UBND`.toUpperCase(),
          decision_date: months.toISOString(),
          issuing_authority: "UBND tỉnh Thừa Thiên Huế (demo)",
          authority_level: "province",
          score: 75,
          stars: 4,
          group_code: "food",
          ...certification,
        })
        expect(cert.status, JSON.stringify(cert.body)).toBe(201)
        const pub = await c.admin("POST", `/admin/products/${id}`, { status: "published" })
        expect(pub.status, JSON.stringify(pub.body)).toBe(200)
        return { id, certificationId: cert.body.certification.id as string }
      }
      const found = async (token: string, id: string) => (await c.search({ q: token })).body.hits.some((h) => h.id === id)
      const foundByMedusa = async (token: string, id: string) =>
        (await c.storeSearch({ entity: "product", filters: { q: token }, fields: ["id"] })).body.results[0].hits.some((h: any) => h.id === id)

      it("a certified product appears; revoking its certificate removes it", async () => {
        const token = word()
        const { id, certificationId } = await sellableProduct(token)
        await until(() => found(token, id), { what: "the new product in search" })
        expect(await foundByMedusa(token, id)).toBe(true)
        const revoke = await c.admin("POST", `/admin/ocop/certifications/${certificationId}/revoke`, { reason: "Search visibility test" })
        expect(revoke.status, JSON.stringify(revoke.body)).toBe(200)
        await until(async () => !(await found(token, id)), { what: "the revoked product to disappear" })
        await until(async () => !(await foundByMedusa(token, id)), { what: "the revoked product to leave POST /store/search" })
      })

      it("an expiring certificate hides the product when it lapses, before the expiry job runs", async () => {
        const token = word()
        const lapsesAt = new Date(Date.now() + 15_000)
        const { id } = await sellableProduct(token, { valid_until: lapsesAt.toISOString() })
        await until(() => found(token, id), { what: "the product in search" })
        await new Promise((r) => setTimeout(r, Math.max(0, lapsesAt.getTime() - Date.now() + 1000)))
        expect(await found(token, id)).toBe(false)
        expect(await foundByMedusa(token, id)).toBe(false)
        // The hourly job then records the expiry, and the index drops the product.
        const job = await c.admin("POST", "/admin/ocop/jobs/expire-certifications", {})
        expect(job.status, JSON.stringify(job.body)).toBe(200)
        expect(job.body.expired.map((e: any) => e.product_id)).toContain(id)
        expect(await found(token, id)).toBe(false)
      }, 60_000)

      it("suspending the producer hides its products; approving it again brings them back", async () => {
        const token = word()
        const { id } = await sellableProduct(token)
        await until(() => found(token, id), { what: "the product in search" })
        const suspend = await c.admin("POST", `/admin/producers/${producerId}/suspend`, { reason: "Search visibility test" })
        expect(suspend.status, JSON.stringify(suspend.body)).toBe(200)
        await until(async () => !(await found(token, id)), { what: "the suspended producer's product to disappear" })
        const approve = await c.admin("POST", `/admin/producers/${producerId}/approve`, {})
        expect(approve.status, JSON.stringify(approve.body)).toBe(200)
        await until(() => found(token, id), { what: "the product to come back" })
      })

      it("re-rating updates the stars facet", async () => {
        const token = word()
        const { id, certificationId } = await sellableProduct(token)
        await until(() => found(token, id), { what: "the product in search" })
        const rerate = await c.admin("POST", `/admin/ocop/certifications/${certificationId}/rerate`, { score: 92, stars: 5, reason: "Search test" })
        expect(rerate.status, JSON.stringify(rerate.body)).toBe(200)
        await until(async () => (await c.search({ q: token })).body.hits.find((h) => h.id === id)?.stars === 5, { what: "5 stars in the index" })
        expect((await c.search({ q: token, stars: 5 })).body.count).toBe(1)
      })
    })

    describe("relevance (tests/search/relevance.json)", () => {
      it(`reaches precision at ${relevanceSet.k} on the judged queries`, async () => {
        const judgements = await judge(c, judged)
        const summary = summarize(judgements)
        const weak = judgements.filter((j) => j.precision !== null && j.precision < 1)
        console.log(
          `[${name}] relevance: mean P@${relevanceSet.k} ${summary.mean.toFixed(3)} over ${summary.judged} judged queries; ` +
            `by kind ${Object.entries(summary.byKind).map(([k, v]) => `${k} ${v.mean.toFixed(2)} (${v.n})`).join(", ")}` +
            (weak.length ? `; below 1: ${weak.map((j) => `"${j.q}" ${j.precision?.toFixed(2)} → ${j.ranked.slice(0, 3).join(", ")}`).join("; ")}` : "")
        )
        expect(summary.judged).toBeGreaterThanOrEqual(40)
        for (const j of judgements) expect(j.forbidden, `"${j.q}" returned unsellable ${j.forbidden.join(",")}`).toEqual([])
        for (const j of judgements) {
          if (j.precision !== null) expect(j.precision, `"${j.q}" ${JSON.stringify(j.params ?? {})} → ${j.ranked.slice(0, 3).join(",")}`).toBeGreaterThanOrEqual(relevanceSet.min_query_precision)
        }
        expect(summary.mean).toBeGreaterThanOrEqual(relevanceSet.min_mean_precision)
      }, 120_000)
    })
  })
}
