import { randomBytes } from "node:crypto"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { uploadFilesWorkflow } from "@medusajs/medusa/core-flows"
import { producerContext, requireListingRights } from "../../helpers"
import { detectUploadType, storedUploadName, UPLOAD_ERROR, type DetectedUpload, type UploadPurpose } from "../../upload-types"

/**
 * POST /producers/me/uploads?purpose=image|evidence — multipart field `files`: listing
 * images and certification evidence, stored by Medusa's file module (local in development,
 * S3-compatible when S3_BUCKET is set). Returns the public URLs to use in listings.
 *
 * Every file is sniffed before any is stored: one refused file refuses the request and
 * nothing is written. The stored extension and type are the detected ones.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  requireListingRights(req)
  const { producer } = producerContext(req)
  const purpose = ((req as any).validatedQuery?.purpose ?? "evidence") as UploadPurpose
  const files = ((req as any).files ?? []) as { originalname: string; buffer: Buffer }[]
  if (!files.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "No files were uploaded (multipart field \"files\")", UPLOAD_ERROR.empty)
  }
  const detected: DetectedUpload[] = []
  for (const f of files) detected.push(await detectUploadType(f.buffer, purpose, f.originalname || "file"))

  const { result } = await uploadFilesWorkflow(req.scope).run({
    input: {
      files: files.map((f, i) => ({
        filename: storedUploadName(producer.handle, f.originalname, detected[i].ext, randomBytes(4).toString("hex")),
        mimeType: detected[i].mime,
        content: f.buffer.toString("base64"),
        access: "public" as const,
      })),
    },
  })
  res.status(201).json({ files: result.map((f: any) => ({ id: f.id, url: f.url })) })
}
