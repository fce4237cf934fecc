import { describe, expect, it } from "vitest"
import { loadCatalogue } from "../../scripts/lib/catalogue"
import {
  addressAsOf,
  areaOf,
  authorityAt,
  CURRENT_ADMIN_UNITS,
  currentAddress,
  currentUnitOfFormer,
  currentUnitsOfFormer,
  findCurrentUnit,
  foldAdminName,
  normalizeAdminName,
  provincialAuthorityAt,
  unitLabel,
} from "./admin-units"

const catalogue = loadCatalogue()

describe("the 2025 administrative units of Huế (admin-units-2025.json)", () => {
  it("has the 40 units of Resolution 1675/NQ-UBTVQH15: 21 wards and 19 communes, unique codes and names", () => {
    expect(CURRENT_ADMIN_UNITS).toHaveLength(40)
    expect(CURRENT_ADMIN_UNITS.filter((u) => u.type === "phuong")).toHaveLength(21)
    expect(CURRENT_ADMIN_UNITS.filter((u) => u.type === "xa")).toHaveLength(19)
    expect(new Set(CURRENT_ADMIN_UNITS.map((u) => u.code)).size).toBe(40)
    expect(new Set(CURRENT_ADMIN_UNITS.map((u) => foldAdminName(u.name))).size).toBe(40)
    for (const u of CURRENT_ADMIN_UNITS) expect(u.code).toMatch(/^(phuong|xa)-[a-z0-9-]+$/)
  })

  it("maps no former unit (name + district) to two current units", () => {
    const seen = new Map<string, string>()
    for (const u of CURRENT_ADMIN_UNITS) {
      for (const f of u.formed_from) {
        const key = `${normalizeAdminName(f.name)}|${normalizeAdminName(f.district)}`
        expect(seen.get(key), `${f.name} (${f.district})`).toBeUndefined()
        seen.set(key, u.code)
      }
    }
  })

  it("maps every demo producer's former commune (with its former district) to exactly one current unit — the one the producer is in", () => {
    for (const p of catalogue.producers as any[]) {
      const matches = currentUnitsOfFormer(p.former_commune, p.district)
      expect(new Set(matches.map((m) => m.unit.code)).size, `${p.handle}: ${p.former_commune}, ${p.district}`).toBe(1)
      expect(matches[0].unit.name).toBe(p.commune)
      expect(findCurrentUnit(p.commune)?.code).toBe(matches[0].unit.code)
      expect(p.province).toBe("thành phố Huế")
    }
  })

  it("needs the district where a former name is ambiguous (two Hương Phong)", () => {
    expect(currentUnitOfFormer("Hương Phong")).toBeNull()
    expect(currentUnitOfFormer("Phú Vinh", "A Lưới")?.name).toBe("A Lưới 3")
    expect(currentUnitOfFormer("Hương Phong", "Thuận Hóa")?.name).toBe("Hóa Châu")
    expect(currentUnitOfFormer("Hương Phong", "A Lưới")?.name).toBe("A Lưới 4")
    expect(currentUnitOfFormer("Atlantis", "Phú Vang")).toBeNull()
    // Accents decide first: Hương Văn and Hương Vân were two wards of Hương Trà (both now phường Hương Trà).
    expect(currentUnitsOfFormer("Hương Văn", "Hương Trà").map((m) => m.via)).toEqual(["Hương Văn"])
    expect(currentUnitOfFormer("huong chu", "huong tra")?.name).toBe("Kim Trà")
  })

  it("finds units by code or by name with or without accents and type", () => {
    expect(findCurrentUnit("phuong-phong-thai")?.name).toBe("Phong Thái")
    expect(findCurrentUnit("phường Phong Thái")?.code).toBe("phuong-phong-thai")
    expect(findCurrentUnit("phong thai")?.code).toBe("phuong-phong-thai")
    expect(findCurrentUnit("Xã Chân Mây – Lăng Cô")?.code).toBe("xa-chan-may-lang-co")
    expect(findCurrentUnit("Quảng Thọ")).toBeUndefined()
    expect(unitLabel(findCurrentUnit("Đan Điền")!, "vi")).toBe("xã Đan Điền")
    expect(unitLabel(findCurrentUnit("Đan Điền")!, "en")).toBe("Đan Điền Commune")
  })

  it("gives each unit an area (its former district) from the list of Huế's former districts", () => {
    const districts = ["Phong Điền", "Quảng Điền", "Phú Vang", "Phú Lộc", "Hương Trà", "Hương Thủy", "A Lưới", "Phú Xuân", "Thuận Hóa"]
    for (const u of CURRENT_ADMIN_UNITS) expect(districts, u.name).toContain(areaOf(u))
  })

  it("writes today's address without a district, and an older document's address as it was", () => {
    const anLo = { street: "Thôn An Lỗ", commune: "Phong Thái", former_commune: "Phong Hiền", district: "Phong Điền", province: "thành phố Huế" }
    expect(currentAddress(anLo)).toBe("Thôn An Lỗ, phường Phong Thái, thành phố Huế")
    expect(addressAsOf(anLo, "2021-05-01")).toBe("Thôn An Lỗ, Phong Hiền, Phong Điền, tỉnh Thừa Thiên Huế")
    expect(addressAsOf(anLo, "2025-03-01")).toBe("Thôn An Lỗ, Phong Hiền, Phong Điền, thành phố Huế")
    expect(addressAsOf(anLo, "2025-08-01")).toBe(currentAddress(anLo))
  })
})

describe("issuing authorities by date", () => {
  it("names the provincial people's committee of the day", () => {
    expect(provincialAuthorityAt("2024-12-31T12:00:00+07:00")).toBe("UBND tỉnh Thừa Thiên Huế")
    expect(provincialAuthorityAt("2025-01-01T00:00:00+07:00")).toBe("UBND thành phố Huế")
  })

  it("never gives a demo certificate dated after 2025 a provincial name of the past, nor a district level after 1 July 2025", () => {
    // The seed dates decisions relative to today; check today and two years on.
    for (const now of [new Date(), new Date(Date.now() + 2 * 365 * 86_400_000)]) {
      for (const p of catalogue.products) {
        const date = new Date(now)
        date.setMonth(date.getMonth() - p.certification.decided_months_ago)
        const producer = catalogue.producers.find((x) => x.handle === p.producer)!
        const a = authorityAt(p.certification.authority_level, p.certification.issuing_authority, date, areaOf(findCurrentUnit(producer.commune)!))
        if (date >= new Date("2025-01-01T00:00:00+07:00")) {
          expect(a.name, p.handle).not.toMatch(/Thừa Thiên Huế/)
          if (a.level === "district") expect(a.name, p.handle).not.toBe("UBND thành phố Huế")
        }
        if (date >= new Date("2025-07-01T00:00:00+07:00")) expect(a.level, p.handle).not.toBe("district")
      }
    }
  })
})
