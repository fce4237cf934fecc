/**
 * Multipart parsing for POST /producers/me/uploads (multer in memory, like
 * Medusa's own /admin/uploads), with limits: 5 MB and 8 files at most.
 *
 * Nothing the client declares is trusted: the declared type and name are ignored here
 * and the route decides from the bytes (upload-types.ts). Errors carry an `upload_*` code;
 * an oversized file is a 413, everything else a 400.
 */
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { requireListingRights } from "./helpers"
import { UPLOAD_ERROR } from "./upload-types"

// multer ships with @medusajs/medusa (its /admin/uploads route uses it); it has no bundled types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const multer = require("multer") as any

export const UPLOAD_MAX_BYTES = 5 * 1024 * 1024
export const UPLOAD_MAX_FILES = 8

/** `?purpose=image` (listing photos) or `evidence` (certification documents, the default: PDF or image). */
export const ProducerUploadQuery = z.object({ purpose: z.enum(["image", "evidence"]).default("evidence") }).strict()

const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: UPLOAD_MAX_BYTES, files: UPLOAD_MAX_FILES, fields: 0 },
}).array("files", UPLOAD_MAX_FILES)

const refused = (code: string, message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message, code)

/** 403 for a producer that may not change listings, before its body is read. */
export function listingRightsFirst(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    requireListingRights(req)
    next()
  } catch (e) {
    next(e)
  }
}

export function parseUploads(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (!String(req.headers["content-type"] ?? "").toLowerCase().startsWith("multipart/form-data")) {
    return next(refused(UPLOAD_ERROR.multipart, "Send the files as multipart/form-data in the field \"files\""))
  }
  upload(req, res, (err: any) => {
    if (!err) return next()
    if (err.code === "LIMIT_FILE_SIZE") {
      // Medusa's error types have no 413; answered here in the same shape as its errors.
      return res.status(413).json({
        type: MedusaError.Types.INVALID_DATA,
        code: UPLOAD_ERROR.tooLarge,
        message: `a file is larger than ${UPLOAD_MAX_BYTES / 1024 / 1024} MB`,
      })
    }
    const known: Record<string, [string, string]> = {
      LIMIT_FILE_COUNT: [UPLOAD_ERROR.tooMany, `at most ${UPLOAD_MAX_FILES} files per upload`],
      LIMIT_UNEXPECTED_FILE: [UPLOAD_ERROR.multipart, "send the files in the field \"files\""],
      LIMIT_FIELD_COUNT: [UPLOAD_ERROR.multipart, "only files are accepted"],
    }
    const [code, message] = known[err.code] ?? [UPLOAD_ERROR.multipart, `the multipart body could not be read: ${err.message}`]
    next(refused(code, message))
  })
}
