import { STATIC_CSP, staticFileHeaders } from "./static-files"

describe("headers of files served under /static", () => {
  it("serves uploaded images inline with their type, nosniff and the sandbox CSP", () => {
    expect(staticFileHeaders("uploads/1700000000000-htx-a-x-00.png")).toEqual({
      "Content-Type": "image/png",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    })
    expect(staticFileHeaders("uploads/a.JPG")["Content-Type"]).toBe("image/jpeg")
    expect(staticFileHeaders("uploads/a.avif")["Content-Type"]).toBe("image/avif")
  })

  it("serves PDFs, and anything not on the list, as attachments", () => {
    expect(staticFileHeaders("uploads/x.pdf")).toMatchObject({ "Content-Type": "application/pdf", "Content-Disposition": "attachment" })
    // Files stored before uploads were sniffed keep their client-chosen names.
    for (const name of ["uploads/evidence.html", "uploads/x.png.html", "uploads/x.svg", "uploads/noext", "ocop/readme.txt"]) {
      expect(staticFileHeaders(name)).toEqual({
        "Content-Type": "application/octet-stream",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": STATIC_CSP,
        "Content-Disposition": "attachment",
      })
    }
  })

  it("serves the committed SVG artwork as SVG, still sandboxed", () => {
    expect(staticFileHeaders("ocop/me-xung-thien-huong.svg")).toEqual({
      "Content-Type": "image/svg+xml",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": STATIC_CSP,
    })
  })
})
