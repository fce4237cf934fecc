import { detectUploadType, storedUploadName, UPLOAD_ERROR } from "./upload-types"

/** A real 1×1 PNG, JPEG/WebP/AVIF/PDF headers as their encoders write them. */
const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64")
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01])
const webp = Buffer.from("RIFF\x1a\x00\x00\x00WEBPVP8 \x0e\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00", "latin1")
const avif = Buffer.concat([Buffer.from([0, 0, 0, 0x1c]), Buffer.from("ftypavif\x00\x00\x00\x00avifmif1miaf", "latin1"), Buffer.alloc(16)])
const pdf = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")

async function refusal(content: Buffer, purpose: "image" | "evidence" = "evidence") {
  try {
    await detectUploadType(content, purpose, "x")
  } catch (e: any) {
    return { code: e.code as string, message: e.message as string, type: e.type as string }
  }
  throw new Error("accepted")
}

describe("upload sniffing (by content, never by name or declared type)", () => {
  it("detects the accepted images and PDFs from their bytes", async () => {
    expect(await detectUploadType(png, "image")).toEqual({ ext: "png", mime: "image/png" })
    expect(await detectUploadType(jpeg, "image")).toEqual({ ext: "jpg", mime: "image/jpeg" })
    expect(await detectUploadType(webp, "image")).toEqual({ ext: "webp", mime: "image/webp" })
    expect(await detectUploadType(avif, "image")).toEqual({ ext: "avif", mime: "image/avif" })
    expect(await detectUploadType(pdf, "evidence")).toEqual({ ext: "pdf", mime: "application/pdf" })
    expect(await detectUploadType(png, "evidence")).toEqual({ ext: "png", mime: "image/png" })
  })

  it("refuses a PDF where an image is expected", async () => {
    expect(await refusal(pdf, "image")).toMatchObject({ code: UPLOAD_ERROR.type, type: "invalid_data", message: /application\/pdf is not accepted/ })
  })

  it("refuses empty files, HTML and other types", async () => {
    expect(await refusal(Buffer.alloc(0))).toMatchObject({ code: UPLOAD_ERROR.empty, message: "x: the file is empty" })
    expect(await refusal(Buffer.from("<html><script>alert(1)</script></html>"))).toMatchObject({ code: UPLOAD_ERROR.type })
    expect(await refusal(Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1"))).toMatchObject({ code: UPLOAD_ERROR.type, message: /image\/gif/ })
    expect(await refusal(Buffer.from("PK\x03\x04\x14\x00\x00\x00\x08\x00", "latin1"))).toMatchObject({ code: UPLOAD_ERROR.type })
  })

  it("refuses SVG in every spelling (it can carry scripts)", async () => {
    for (const svg of [
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      '\ufeff<?xml version="1.0"?>\n<!-- drawn by hand -->\n<!DOCTYPE svg>\n<SVG onload="alert(1)"/>',
    ]) {
      expect(await refusal(Buffer.from(svg), "image")).toMatchObject({ code: UPLOAD_ERROR.svg, message: /SVG/ })
    }
  })

  it("refuses an image polyglot carrying markup, accepts a PDF that does (it is served as an attachment)", async () => {
    const pngWithScript = Buffer.concat([png, Buffer.from("<script>alert(document.domain)</script>")])
    expect(await refusal(pngWithScript, "image")).toMatchObject({ code: UPLOAD_ERROR.markup })
    const jpegWithHtml = Buffer.concat([jpeg, Buffer.from("<HTML><body onload=alert(1)>")])
    expect(await refusal(jpegWithHtml, "evidence")).toMatchObject({ code: UPLOAD_ERROR.markup })
    const pdfWithHtml = Buffer.from("%PDF-1.4\n<html><script>alert(1)</script></html>")
    expect(await detectUploadType(pdfWithHtml, "evidence")).toEqual({ ext: "pdf", mime: "application/pdf" })
  })

  it("names the stored file from the detected type; the client's extensions never survive", () => {
    expect(storedUploadName("htx-an-lo", "x.png.html", "png", "a1b2c3d4")).toBe("htx-an-lo-x-a1b2c3d4.png")
    expect(storedUploadName("htx-an-lo", "quyết định.html", "pdf", "00ff00ff")).toBe("htx-an-lo-quy-t-nh-00ff00ff.pdf")
    expect(storedUploadName("htx-an-lo", "../../etc/passwd", "jpg", "0")).toBe("htx-an-lo-passwd-0.jpg")
    expect(storedUploadName("htx-an-lo", ".htaccess", "png", "0")).toBe("htx-an-lo-file-0.png")
  })
})
