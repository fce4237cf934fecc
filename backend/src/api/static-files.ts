/**
 * GET /static/* — the committed artwork (`assets/ocop`) and local uploads (`assets/uploads`,
 * Medusa's file-local provider; see medusa-config.ts), served inertly:
 *  - `X-Content-Type-Options: nosniff` and a content type taken from the stored extension
 *    through a short allow-list (anything else is `application/octet-stream`, a download);
 *  - `Content-Disposition: attachment` for documents (PDF) and unknown types, so a crafted
 *    PDF or a file stored before uploads were sniffed never renders on the backend's origin,
 *    which is also the admin dashboard's;
 *  - `Content-Security-Policy: default-src 'none'; sandbox`: even a document opened
 *    directly (an SVG, a PDF in a viewer) gets a unique origin and runs no script.
 *
 * Why a folder of our own and not Medusa's `static/`: Medusa mounts `express.static` on
 * `/static` inside its express loader (`@medusajs/framework/dist/http/express-loader.js`),
 * before the API loader registers any project middleware, so a middleware can never add
 * headers to what it serves. With no `static/` folder that handler finds nothing and the
 * request reaches this middleware. A `static/` folder left from an older deployment would be
 * served raw again: we warn at boot (tests/integration/security-uploads.spec.ts checks the
 * headers on both kinds of file, so it notices if Medusa's order changes).
 */
import fs from "node:fs"
import path from "node:path"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/** Relative to the process's working directory, like the file-local provider's upload_dir. */
export const SERVED_ASSETS_DIR = "assets"
export const UPLOADS_SUBDIR = "uploads"

export const STATIC_CSP = "default-src 'none'; sandbox"

const UPLOAD_CONTENT_TYPES: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  avif: "image/avif",
  pdf: "application/pdf",
}
// Only our committed artwork may be SVG: uploads never are (upload-types.ts refuses them).
const ASSET_CONTENT_TYPES: Record<string, string> = { ...UPLOAD_CONTENT_TYPES, svg: "image/svg+xml" }
const INLINE_TYPES = new Set(["image/jpeg", "image/png", "image/webp", "image/avif", "image/svg+xml"])

/** The headers a file under /static/<relativePath> is served with. */
export function staticFileHeaders(relativePath: string): Record<string, string> {
  const isUpload = relativePath.split("/")[0] === UPLOADS_SUBDIR
  const ext = path.posix.extname(relativePath).slice(1).toLowerCase()
  const contentType = (isUpload ? UPLOAD_CONTENT_TYPES : ASSET_CONTENT_TYPES)[ext] ?? "application/octet-stream"
  return {
    "Content-Type": contentType,
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": STATIC_CSP,
    ...(INLINE_TYPES.has(contentType) ? {} : { "Content-Disposition": "attachment" }),
  }
}

const notFound = (res: MedusaResponse) => res.status(404).json({ type: "not_found", message: "File not found" })

if (fs.existsSync(path.join(process.cwd(), "static"))) {
  console.warn(
    `[static-files] ${path.join(process.cwd(), "static")} exists: Medusa serves it raw at /static, without nosniff or CSP. ` +
      `Move its files to ./${SERVED_ASSETS_DIR} (uploads to ./${SERVED_ASSETS_DIR}/${UPLOADS_SUBDIR}) and delete it.`
  )
}

export function serveStaticFile(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  // The mount point rewrites req.url; the original URL is the one the client asked for.
  const pathname = (req.originalUrl ?? req.url).split("?")[0]
  if (!pathname.startsWith("/static/")) return next()
  let relativePath: string
  try {
    relativePath = decodeURIComponent(pathname.slice("/static/".length))
  } catch {
    return notFound(res)
  }
  // No traversal, no hidden files, no NUL: send() refuses these too; this keeps them 404s.
  const segments = relativePath.split("/")
  if (!relativePath || relativePath.includes("\0") || relativePath.includes("\\") || segments.some((s) => !s || s.startsWith("."))) {
    return notFound(res)
  }
  const headers = staticFileHeaders(relativePath)
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
  res.sendFile(relativePath, { root: path.resolve(SERVED_ASSETS_DIR), dotfiles: "deny" }, (err: any) => {
    if (!err || res.headersSent) return
    for (const name of Object.keys(headers)) res.removeHeader(name)
    if (err.status === 404 || err.code === "ENOENT" || err.code === "EISDIR") return notFound(res)
    next(err)
  })
}
