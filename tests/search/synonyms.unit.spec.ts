import { describe, expect, it } from "vitest"
import data from "../../backend/src/search/synonyms.json"
import {
  buildSynonymTable,
  expandSynonyms,
  matchGroups,
  SYNONYMS,
  synonymsForMeilisearch,
  validateSynonymData,
} from "../../backend/src/search/_synonyms"
import { tokens } from "../../backend/src/search/_text"

describe("synonyms.json", () => {
  it("is well formed", () => {
    expect(validateSynonymData(data)).toEqual([])
  })

  it("lists each term in one group only, so a match is never ambiguous", () => {
    const seen = new Map<string, number>()
    data.groups.forEach((g, i) => {
      for (const term of g.terms) {
        const key = tokens(term).join(" ")
        expect(seen.has(key) && seen.get(key) !== i, `"${term}" is in groups ${seen.get(key)} and ${i}`).toBe(false)
        seen.set(key, i)
      }
    })
  })

  it.each([
    ["Mè xửng Thiên Hương", ["me xung", "sesame brittle"]],
    ["Nón lá Huế", ["non bai tho", "conical hat"]],
    ["Nón bài thơ Huế", ["non la", "poem hat"]],
    ["Tinh dầu tràm Trường Hải", ["cajeput oil", "dau tram"]],
    ["Trà rau má Quảng Thọ", ["pennywort", "gotu kola"]],
  ])("expands %s", (title, expected) => {
    expect(expandSynonyms([title])).toEqual(expect.arrayContaining(expected))
  })

  it("matches leftmost-longest, so short words inside longer terms do not pull other groups in", () => {
    const pomelo = expandSynonyms(["Bưởi thanh trà Thủy Biều"])
    expect(pomelo).toContain("pomelo")
    expect(pomelo).not.toContain("tea")
    expect(expandSynonyms(["Mắm nêm cá cơm Mệ Em"])).not.toContain("sesame brittle")
    expect(expandSynonyms(["Tinh dầu tràm"])).not.toContain("essential oil")
  })

  it("matches on folded words, not substrings", () => {
    const table = buildSynonymTable({ groups: [{ terms: ["sen", "lotus"] }] })
    expect(matchGroups("Tiểu cảnh Sen", table).size).toBe(1)
    expect(matchGroups("senior", table).size).toBe(0)
  })

  it("gives Meilisearch the same groups, both ways", () => {
    const meili = synonymsForMeilisearch()
    expect(meili["me xung"]).toEqual(expect.arrayContaining(["sesame brittle", "keo me xung"]))
    for (const [term, others] of Object.entries(meili)) for (const other of others) expect(meili[other], `${other} → ${term}`).toContain(term)
    expect(Object.keys(meili).length).toBe(SYNONYMS.byTerm.size)
  })
})
