import { contentMatchesType } from "./uploads"

describe("upload content sniffing", () => {
  const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex")
  it("accepts files whose first bytes match the declared type", () => {
    expect(contentMatchesType(png, "image/png")).toBe(true)
    expect(contentMatchesType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]), "image/jpeg")).toBe(true)
    expect(contentMatchesType(Buffer.from("RIFF\x10\x00\x00\x00WEBPVP8 ", "latin1"), "image/webp")).toBe(true)
    expect(contentMatchesType(Buffer.from("%PDF-1.7\n"), "application/pdf")).toBe(true)
  })
  it("refuses a renamed file and types it does not serve (SVG can carry scripts)", () => {
    expect(contentMatchesType(Buffer.from("<html><script>"), "image/png")).toBe(false)
    expect(contentMatchesType(png, "application/pdf")).toBe(false)
    expect(contentMatchesType(Buffer.from("<svg/>"), "image/svg+xml")).toBe(false)
  })
})
