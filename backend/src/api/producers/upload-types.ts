/**
 * What a producer upload IS, decided from its bytes only — never from the name or
 * the type the client declared (issue 13: a file declared `application/pdf`, starting
 * with `%PDF-` and named `.html` used to be stored as `.html` and served as text/html
 * on the admin's origin).
 *
 * Detection is the maintained `file-type` package (magic numbers, container brands for
 * AVIF/WebP). It is ESM-only; Node ≥ 20.19 loads it with `require()` (checked on the
 * project's Node 20.20), and `file-type@21` is the last line that supports Node 20.
 * Its verdict is then narrowed to the types the portal needs: listing images are
 * JPEG, PNG, WebP or AVIF; certification evidence may also be a PDF. SVG is refused
 * (it is a document that can carry scripts), as is anything unrecognised.
 *
 * Polyglots: an image that also carries markup (`<script`, `<html`, …) is refused —
 * no camera or encoder writes that, and the chance of those bytes appearing at random in
 * compressed data is negligible. A PDF may legitimately contain such strings in its
 * text, so it is accepted and made inert where it is served instead (attachment,
 * nosniff, `sandbox` CSP: see src/api/static-files.ts).
 */
import { MedusaError } from "@medusajs/framework/utils"

// A type-only import of an ES module is allowed from this CommonJS file; the value is
// loaded with require() (see above), which TypeScript's Node16 mode would refuse to emit.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { fileTypeFromBuffer } = require("file-type") as typeof import("file-type", { with: { "resolution-mode": "import" } })

export type UploadPurpose = "image" | "evidence"

/** Stored extension and served content type, keyed by what we accept. */
export const UPLOAD_TYPES = {
  jpg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  avif: "image/avif",
  pdf: "application/pdf",
} as const
export type UploadExtension = keyof typeof UPLOAD_TYPES

const IMAGE_EXTENSIONS: UploadExtension[] = ["jpg", "png", "webp", "avif"]
export const ACCEPTED_EXTENSIONS: Record<UploadPurpose, UploadExtension[]> = {
  image: IMAGE_EXTENSIONS,
  evidence: [...IMAGE_EXTENSIONS, "pdf"],
}

/** file-type's extension → ours (an animated PNG is still a PNG). */
const DETECTED: Record<string, UploadExtension> = { jpg: "jpg", png: "png", apng: "png", webp: "webp", avif: "avif", pdf: "pdf" }

/** Error codes clients can branch on (the message says the same for people). */
export const UPLOAD_ERROR = {
  empty: "upload_empty",
  tooLarge: "upload_too_large",
  tooMany: "upload_too_many_files",
  svg: "upload_svg_not_allowed",
  type: "upload_type_not_allowed",
  markup: "upload_markup_in_image",
  multipart: "upload_not_multipart",
} as const

export type DetectedUpload = { ext: UploadExtension; mime: (typeof UPLOAD_TYPES)[UploadExtension] }

/**
 * Markup a browser would act on, anywhere in the file (case-insensitive). Only markers of 5+
 * bytes plus a delimiter: at random, a 5 MB compressed image contains one with a probability
 * below 1 in 10 000 (`<a `, `<img` would hit far too often to refuse on).
 */
const MARKUP = /<(?:script|html|body|iframe|object|embed|!doctype|\?xml-stylesheet)[\s/>]|javascript:/i

function looksLikeSvg(head: string): boolean {
  // SVG is text: an optional BOM, XML prolog, comments or doctype, then <svg.
  return /^(?:\ufeff)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*|<!doctype[^>]*>\s*)*<svg[\s>]/i.test(head)
}

function describe(purpose: UploadPurpose): string {
  return purpose === "image" ? "JPEG, PNG, WebP or AVIF images" : "PDF documents or JPEG, PNG, WebP or AVIF images"
}

/**
 * The detected type of one upload, or a 400 MedusaError with an `upload_*` code.
 * `name` is used in messages only.
 */
export async function detectUploadType(content: Buffer, purpose: UploadPurpose, name = "file"): Promise<DetectedUpload> {
  const refuse = (code: string, message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, `${name}: ${message}`, code)
  if (!content.length) throw refuse(UPLOAD_ERROR.empty, "the file is empty")

  const detected = await fileTypeFromBuffer(new Uint8Array(content.buffer, content.byteOffset, content.byteLength))
  const ext = detected ? DETECTED[detected.ext] : undefined
  if (!ext) {
    const head = content.subarray(0, 4096).toString("utf8")
    if (looksLikeSvg(head)) {
      throw refuse(UPLOAD_ERROR.svg, `SVG files can carry scripts and are not accepted; upload ${describe(purpose)}`)
    }
    const what = detected ? `${detected.mime} content` : "content of an unrecognised type"
    throw refuse(UPLOAD_ERROR.type, `${what} is not accepted; upload ${describe(purpose)}`)
  }
  if (!ACCEPTED_EXTENSIONS[purpose].includes(ext)) {
    throw refuse(UPLOAD_ERROR.type, `${UPLOAD_TYPES[ext]} is not accepted here; upload ${describe(purpose)}`)
  }
  if (ext !== "pdf" && MARKUP.test(content.toString("latin1"))) {
    throw refuse(UPLOAD_ERROR.markup, "this image also contains HTML or script markup and is refused")
  }
  return { ext, mime: UPLOAD_TYPES[ext] }
}

/**
 * The name the File Module stores: `<producer handle>-<client name, letters and digits only,
 * without any of its extensions>-<random>.<detected extension>`. "x.png.html" detected as PNG is
 * stored as "…-x-…png"; the client's extensions never survive. The random part keeps two files of
 * the same name in one request apart (the local provider only prefixes a millisecond timestamp).
 */
export function storedUploadName(producerHandle: string, clientName: string, ext: UploadExtension, random: string): string {
  const base = (clientName.split(/[\\/]/).pop() ?? "").split(".")[0]
  const safe = base.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "file"
  const handle = producerHandle.replace(/[^A-Za-z0-9_-]+/g, "-").slice(0, 60)
  return `${handle}-${safe}-${random}.${ext}`
}
