/**
 * Security, issue 13 items 1 and 11: producer uploads can never become active content.
 *
 *  - An upload corpus (polyglots, SVG, wrong and double extensions, oversize, empty) sent
 *    to POST /producers/me/uploads by an approved producer: each file is either refused with
 *    a 4xx and an `upload_*` code, with nothing stored, or stored under the extension of its
 *    DETECTED type and served inertly (nosniff, that type, attachment for PDFs, sandbox CSP).
 *    The stored files are looked up on disk by the producer's handle (the file-local provider
 *    of the built server, `backend/.medusa/server/assets/uploads`).
 *  - The committed artwork under /static is served with the same headers.
 *  - The storefront's upload proxy checks the session before it reads a byte of the body and
 *    streams with a hard limit: a never-ending chunked body is answered (401 or 413) while it
 *    is still being sent.
 */
import fs from "node:fs"
import http from "node:http"
import path from "node:path"
import { BACKEND_URL, STOREFRONT_URL } from "../support/api"
import { newProducer, PNG_1X1, uploadFiles } from "../support/producer"

const UPLOADS_DIR = path.resolve(__dirname, "..", "..", "backend", ".medusa", "server", "assets", "uploads")
const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
const PDF_WITH_HTML = Buffer.from("%PDF-1.4\n<html><body><script>fetch('/admin/users').then(r=>r.text()).then(alert)</script></body></html>\n%%EOF\n")
const PNG_WITH_SCRIPT = Buffer.concat([PNG_1X1, Buffer.from("<script>alert(document.domain)</script>")])
const SVG_WITH_SCRIPT = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>')
const CSP = "default-src 'none'; sandbox"

/** Files the file-local provider wrote for this producer (names are `<ms>-<handle>-…`). */
function storedFor(handle: string): string[] {
  if (!fs.existsSync(UPLOADS_DIR)) return []
  return fs.readdirSync(UPLOADS_DIR).filter((name) => name.includes(`-${handle}-`))
}

async function served(url: string) {
  const res = await fetch(url)
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) }
}

let producer: Awaited<ReturnType<typeof newProducer>>
let handle: string

beforeAll(async () => {
  producer = await newProducer()
  handle = producer.producer.handle
})

describe("producer uploads: refused with a 4xx and an upload_* code, nothing stored", () => {
  const refusals: [string, { name: string; type: string; content: Buffer }, "image" | "evidence" | undefined, number, string, RegExp][] = [
    ["PNG magic + script (a polyglot)", { name: "photo.png", type: "image/png", content: PNG_WITH_SCRIPT }, "image", 400, "upload_markup_in_image", /HTML or script markup/],
    ["SVG with a script", { name: "logo.svg", type: "image/svg+xml", content: SVG_WITH_SCRIPT }, "image", 400, "upload_svg_not_allowed", /SVG/],
    ["SVG declared as PNG", { name: "logo.png", type: "image/png", content: SVG_WITH_SCRIPT }, "evidence", 400, "upload_svg_not_allowed", /SVG/],
    ["HTML declared as PDF", { name: "evidence.pdf", type: "application/pdf", content: Buffer.from("<!doctype html><script>alert(1)</script>") }, "evidence", 400, "upload_type_not_allowed", /not accepted/],
    ["a PDF where an image is expected", { name: "scan.png", type: "image/png", content: PDF }, "image", 400, "upload_type_not_allowed", /application\/pdf is not accepted/],
    ["an empty file", { name: "empty.png", type: "image/png", content: Buffer.alloc(0) }, undefined, 400, "upload_empty", /empty/],
    ["a file over 5 MB", { name: "big.png", type: "image/png", content: Buffer.concat([PNG_1X1, Buffer.alloc(5 * 1024 * 1024)]) }, "image", 413, "upload_too_large", /larger than 5 MB/],
  ]

  it.each(refusals)("%s", async (_label, file, purpose, status, code, message) => {
    const before = storedFor(handle)
    const res = await uploadFiles(producer.token, [file], { purpose })
    expect(res.status).toBe(status)
    expect(res.body).toMatchObject({ code, message: expect.stringMatching(message) })
    expect(storedFor(handle)).toEqual(before)
  })

  it("refuses the whole request when one file of several is refused (the good one is not stored either)", async () => {
    const before = storedFor(handle)
    const res = await uploadFiles(producer.token, [
      { name: "ok.png", type: "image/png", content: PNG_1X1 },
      { name: "bad.png", type: "image/png", content: PNG_WITH_SCRIPT },
    ])
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ code: "upload_markup_in_image", message: expect.stringContaining("bad.png") })
    expect(storedFor(handle)).toEqual(before)
  })

  it("refuses an unknown purpose before reading the files", async () => {
    const res = await fetch(`${BACKEND_URL}/producers/me/uploads?purpose=script`, {
      method: "POST",
      headers: { authorization: `Bearer ${producer.token}` },
      body: (() => {
        const form = new FormData()
        form.append("files", new Blob([new Uint8Array(PNG_1X1)], { type: "image/png" }), "a.png")
        return form
      })(),
    })
    expect(res.status).toBe(400)
    expect((await res.json()).message).toMatch(/purpose/)
  })
})

describe("producer uploads: stored under the detected type and served inertly", () => {
  it("stores PDF magic + HTML, named .html and declared application/pdf, as a .pdf download", async () => {
    const res = await uploadFiles(producer.token, [{ name: "evidence.html", type: "application/pdf", content: PDF_WITH_HTML }])
    expect(res.status).toBe(201)
    const url = res.body.files[0].url as string
    expect(new URL(url).pathname).toMatch(new RegExp(`^/static/uploads/\\d+-${handle}-evidence-[0-9a-f]{8}\\.pdf$`))
    const file = await served(url)
    expect(file.status).toBe(200)
    expect(file.headers.get("content-type")).toBe("application/pdf")
    expect(file.headers.get("x-content-type-options")).toBe("nosniff")
    expect(file.headers.get("content-disposition")).toBe("attachment")
    expect(file.headers.get("content-security-policy")).toBe(CSP)
    expect(file.body.equals(PDF_WITH_HTML)).toBe(true)
  })

  it("stores a PNG with a double extension (x.png.html, declared text/html) as .png, served as an image", async () => {
    const res = await uploadFiles(producer.token, [{ name: "x.png.html", type: "text/html", content: PNG_1X1 }], { purpose: "image" })
    expect(res.status).toBe(201)
    const url = res.body.files[0].url as string
    expect(url).not.toMatch(/html/i)
    expect(new URL(url).pathname).toMatch(new RegExp(`-${handle}-x-[0-9a-f]{8}\\.png$`))
    const file = await served(url)
    expect(file.status).toBe(200)
    expect(file.headers.get("content-type")).toBe("image/png")
    expect(file.headers.get("x-content-type-options")).toBe("nosniff")
    expect(file.headers.get("content-disposition")).toBeNull()
    expect(file.headers.get("content-security-policy")).toBe(CSP)
    expect(file.body.equals(PNG_1X1)).toBe(true)
  })

  it("stores a file with the wrong extension (a PNG named .pdf) under its real type", async () => {
    const res = await uploadFiles(producer.token, [{ name: "decision.pdf", type: "application/pdf", content: PNG_1X1 }])
    expect(res.status).toBe(201)
    const url = res.body.files[0].url as string
    expect(url).toMatch(/\.png$/)
    const file = await served(url)
    expect(file.headers.get("content-type")).toBe("image/png")
    expect(file.headers.get("x-content-type-options")).toBe("nosniff")
  })

  it("serves the committed artwork with the same headers, and nothing outside the served folder", async () => {
    const art = await served(`${BACKEND_URL}/static/ocop/me-xung-thien-huong.svg`)
    expect(art.status).toBe(200)
    expect(art.headers.get("content-type")).toBe("image/svg+xml")
    expect(art.headers.get("x-content-type-options")).toBe("nosniff")
    expect(art.headers.get("content-security-policy")).toBe(CSP)

    for (const attempt of ["/static/%2e%2e/package.json", "/static/..%2fpackage.json", "/static/uploads/%2e%2e/%2e%2e/medusa-config.js", "/static/uploads/nope.png"]) {
      const res = await rawRequest(BACKEND_URL, "GET", attempt)
      expect(res.status, attempt).toBe(404)
      expect(res.body, attempt).not.toMatch(/"name"|defineConfig/)
    }
  })
})

/** One HTTP request with the path sent exactly as written (fetch would normalise `..`). */
function rawRequest(base: string, method: string, rawPath: string): Promise<{ status: number; body: string }> {
  const url = new URL(base)
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: Number(url.port), method, path: rawPath }, (res) => {
      let text = ""
      res.on("data", (d) => (text += d))
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }))
    })
    req.on("error", reject)
    req.end()
  })
}

/**
 * POSTs a chunked multipart body (no Content-Length) that never ends on its own: chunks keep
 * coming, with backpressure, until the server answers or `capBytes` were sent. Resolves with the
 * answer and how much had been sent; rejects if no answer came within `answerWithinMs`.
 */
function endlessChunkedUpload(
  urlPath: string,
  { cookie, capBytes, answerWithinMs, partHeader = true }: { cookie?: string; capBytes: number; answerWithinMs: number; partHeader?: boolean }
): Promise<{ status: number; body: any; sentBytes: number }> {
  const url = new URL(STOREFRONT_URL)
  const boundary = "ocop-endless-boundary"
  return new Promise((resolve, reject) => {
    let sentBytes = 0
    let answered = false
    const req = http.request(
      {
        host: url.hostname,
        port: Number(url.port),
        method: "POST",
        path: urlPath,
        headers: {
          "content-type": `multipart/form-data; boundary=${boundary}`,
          "transfer-encoding": "chunked",
          ...(cookie ? { cookie } : {}),
        },
      },
      (res) => {
        answered = true
        clearTimeout(timer)
        let text = ""
        res.on("data", (d) => (text += d))
        res.on("end", () => {
          req.destroy()
          let body: any = text
          try {
            body = JSON.parse(text)
          } catch {}
          resolve({ status: res.statusCode ?? 0, body, sentBytes })
        })
      }
    )
    const timer = setTimeout(() => {
      req.destroy()
      reject(new Error(`no answer within ${answerWithinMs} ms (${sentBytes} bytes sent): the body is being read first`))
    }, answerWithinMs)
    // A server that answers and closes while we still write is what we expect, not a failure.
    req.on("error", (e) => {
      if (!answered) {
        clearTimeout(timer)
        reject(e)
      }
    })
    if (partHeader) {
      req.write(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="big.png"\r\nContent-Type: image/png\r\n\r\n`)
    }
    const chunk = Buffer.alloc(64 * 1024, 0x41)
    const pump = () => {
      while (!answered && sentBytes < capBytes) {
        sentBytes += chunk.length
        if (!req.write(chunk)) return void req.once("drain", pump)
      }
    }
    pump()
  })
}

describe("storefront upload proxy", () => {
  const proxyPath = "/vi/producer/uploads?purpose=image"
  const cookieOf = () => `ocop_producer_token=${producer.token}`

  it("refuses a signed-out upload with 401 before reading its never-ending chunked body", async () => {
    const res = await endlessChunkedUpload(proxyPath, { capBytes: 512 * 1024 * 1024, answerWithinMs: 15_000 })
    expect(res.status).toBe(401)
    expect(res.body).toMatchObject({ code: "unauthorized", message: "Sign in as a producer." })
  })

  it("refuses a declared Content-Length over the limit with 413 without reading the body", async () => {
    const url = new URL(STOREFRONT_URL)
    const res = await new Promise<{ status: number; body: any }>((resolve, reject) => {
      const req = http.request(
        {
          host: url.hostname,
          port: Number(url.port),
          method: "POST",
          path: proxyPath,
          headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(2 * 1024 * 1024 * 1024), cookie: cookieOf() },
        },
        (r) => {
          let text = ""
          r.on("data", (d) => (text += d))
          r.on("end", () => {
            req.destroy()
            resolve({ status: r.statusCode ?? 0, body: JSON.parse(text) })
          })
        }
      )
      req.on("error", reject)
      req.write("--x\r\n") // a few bytes of the announced 2 GB, then nothing
    })
    expect(res.status).toBe(413)
    expect(res.body).toMatchObject({ code: "upload_too_large" })
  })

  it("stops a signed-in chunked upload with 413 once it passes the limit, and stores nothing", async () => {
    const before = storedFor(handle)
    // No part header: the backend's multipart parser skips it as preamble and never answers on
    // its own, so only the proxy's byte limit can stop this body.
    const res = await endlessChunkedUpload(proxyPath, { cookie: cookieOf(), capBytes: 512 * 1024 * 1024, answerWithinMs: 30_000, partHeader: false })
    expect(res.status).toBe(413)
    expect(res.body).toMatchObject({ code: "upload_too_large", message: expect.stringMatching(/^Upload too large: \d+ bytes at most\.$/) })
    // Answered around the 40 MB limit, not after the whole (endless) body.
    expect(res.sentBytes).toBeLessThan(128 * 1024 * 1024)
    expect(storedFor(handle)).toEqual(before)
  })

  it("streams a signed-in upload to the backend, which decides from the bytes", async () => {
    const send = async (name: string, type: string, content: Buffer, purpose: string) => {
      const form = new FormData()
      form.append("files", new Blob([new Uint8Array(content)], { type }), name)
      const res = await fetch(`${STOREFRONT_URL}/vi/producer/uploads?purpose=${purpose}`, { method: "POST", headers: { cookie: cookieOf() }, body: form })
      return { status: res.status, body: await res.json() }
    }
    const ok = await send("anh.png.html", "text/html", PNG_1X1, "image")
    expect(ok.status).toBe(201)
    expect(ok.body.files[0].url).toMatch(new RegExp(`-${handle}-anh-[0-9a-f]{8}\\.png$`))

    const before = storedFor(handle)
    const refused = await send("logo.svg", "image/svg+xml", SVG_WITH_SCRIPT, "image")
    expect(refused.status).toBe(400)
    expect(refused.body).toMatchObject({ code: "upload_svg_not_allowed" })
    expect(storedFor(handle)).toEqual(before)
  })
})
