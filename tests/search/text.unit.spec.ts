import { describe, expect, it } from "vitest"
import { fold, foldedText, MAX_QUERY_TOKENS, normalizeQuery, tokens, uniqueWords } from "../../backend/src/search/_text"

describe("Vietnamese folding", () => {
  it("strips tones and vowel marks and lowercases", () => {
    expect(fold("MÈ XỬNG")).toBe("me xung")
    expect(fold("Mè xửng")).toBe("me xung")
    expect(fold("mè xững")).toBe("me xung")
    expect(fold("Nón bài thơ")).toBe("non bai tho")
    expect(fold("ắằẳẵặ ấầẩẫậ ếềểễệ ốồổỗộ ớờởỡợ ứừửữự ýỳỷỹỵ ăâêôơư")).toBe("aaaaa aaaaa eeeee ooooo ooooo uuuuu yyyyy aaeoou")
  })

  it("maps đ and Đ to d", () => {
    expect(fold("Đèn mây")).toBe("den may")
    expect(fold("dầu tràm ĐẶC BIỆT")).toBe("dau tram dac biet")
  })

  it("handles decomposed input (NFD) like composed input", () => {
    expect(fold("me\u0300 x\u01b0\u0309ng")).toBe("me xung")
  })

  it("splits on anything that is not a letter or a digit", () => {
    expect(tokens("Nước mắm (500 ml), 4★ — Phú Vang!")).toEqual(["nuoc", "mam", "500", "ml", "4", "phu", "vang"])
    expect(foldedText("Tôm chua", null, ["Huế", undefined], 3)).toBe("tom chua hue 3")
  })

  it("normalizes queries: SQL punctuation disappears, length is bounded", () => {
    expect(normalizeQuery("'; DROP TABLE product; --")).toBe("drop table product")
    expect(normalizeQuery("!!! ??? ---")).toBe("")
    expect(normalizeQuery("   ")).toBe("")
    expect(normalizeQuery(undefined)).toBe("")
    expect(normalizeQuery("a ".repeat(100)).split(" ")).toHaveLength(MAX_QUERY_TOKENS)
    expect(normalizeQuery("x".repeat(500))).toHaveLength(40)
  })

  it("deduplicates words in order", () => {
    expect(uniqueWords("tra sen tra hue sen")).toBe("tra sen hue")
  })
})
