/**
 * Multipart parsing for POST /producers/me/uploads (multer in memory, like
 * Medusa's own /admin/uploads), with limits: images for listings and PDFs for
 * certification evidence, 5 MB and 8 files at most. Errors become clear 400s.
 */
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

// multer ships with @medusajs/medusa (its /admin/uploads route uses it); it has no bundled types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const multer = require("multer") as any

export const UPLOAD_MAX_BYTES = 5 * 1024 * 1024
export const UPLOAD_MAX_FILES = 8
export const UPLOAD_MIME_TYPES = ["image/jpeg", "image/png", "image/webp", "image/avif", "application/pdf"]

const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: UPLOAD_MAX_BYTES, files: UPLOAD_MAX_FILES, fields: 0 },
  fileFilter: (_req: unknown, file: { mimetype: string; originalname: string }, cb: (e: Error | null, ok?: boolean) => void) => {
    if (UPLOAD_MIME_TYPES.includes(file.mimetype)) return cb(null, true)
    cb(new MedusaError(MedusaError.Types.INVALID_DATA, `${file.originalname}: only JPEG, PNG, WebP, AVIF images and PDF documents can be uploaded`))
  },
}).array("files", UPLOAD_MAX_FILES)

export function parseUploads(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (!String(req.headers["content-type"] ?? "").toLowerCase().startsWith("multipart/form-data")) {
    return next(new MedusaError(MedusaError.Types.INVALID_DATA, "Send the files as multipart/form-data in the field \"files\""))
  }
  upload(req, res, (err: any) => {
    if (!err) return next()
    if (err instanceof MedusaError) return next(err)
    const messages: Record<string, string> = {
      LIMIT_FILE_SIZE: `a file is larger than ${UPLOAD_MAX_BYTES / 1024 / 1024} MB`,
      LIMIT_FILE_COUNT: `at most ${UPLOAD_MAX_FILES} files per upload`,
      LIMIT_UNEXPECTED_FILE: "send the files in the field \"files\"",
      LIMIT_FIELD_COUNT: "only files are accepted",
    }
    next(new MedusaError(MedusaError.Types.INVALID_DATA, messages[err.code] ?? `upload failed: ${err.message}`))
  })
}

/** The declared type must match the file's first bytes (a renamed HTML file is not an image). */
export function contentMatchesType(buffer: Buffer, mimeType: string): boolean {
  const head = buffer.subarray(0, 16)
  switch (mimeType) {
    case "image/jpeg":
      return head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff
    case "image/png":
      return head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    case "image/webp":
      return head.subarray(0, 4).toString("latin1") === "RIFF" && head.subarray(8, 12).toString("latin1") === "WEBP"
    case "image/avif":
      return head.subarray(4, 8).toString("latin1") === "ftyp" && /avi[fs]/.test(head.subarray(8, 12).toString("latin1"))
    case "application/pdf":
      return head.subarray(0, 5).toString("latin1") === "%PDF-"
    default:
      return false
  }
}
