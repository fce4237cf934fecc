import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { uploadFilesWorkflow } from "@medusajs/medusa/core-flows"
import { producerContext, requireListingRights } from "../../helpers"
import { contentMatchesType } from "../../uploads"

/**
 * POST /producers/me/uploads — multipart field `files`: listing images and
 * certification evidence, stored by Medusa's file module (local in development,
 * S3-compatible in production). Returns the public URLs to use in listings.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  requireListingRights(req)
  const { producer } = producerContext(req)
  const files = ((req as any).files ?? []) as { originalname: string; mimetype: string; buffer: Buffer }[]
  if (!files.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, "No files were uploaded (multipart field \"files\")")
  const forged = files.filter((f) => !contentMatchesType(f.buffer, f.mimetype))
  if (forged.length) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${forged.map((f) => f.originalname).join(", ")}: the content is not the declared type (${forged.map((f) => f.mimetype).join(", ")})`
    )
  }
  const { result } = await uploadFilesWorkflow(req.scope).run({
    input: {
      files: files.map((f) => ({
        // Prefixed with the producer handle: uploads are easy to trace in the bucket.
        filename: `${producer.handle}-${f.originalname.replace(/[^A-Za-z0-9._-]+/g, "-").slice(-80)}`,
        mimeType: f.mimetype,
        content: f.buffer.toString("base64"),
        access: "public" as const,
      })),
    },
  })
  res.status(201).json({ files: result.map((f: any) => ({ id: f.id, url: f.url })) })
}
