import "server-only"
import { cache } from "react"
import type { CertificateRecord, Result } from "../types"
import { attempt, medusaGet, TAGS } from "./common"

/**
 * Public verification of a certificate number (the QR target). Always fresh:
 * a revoked certificate must show as revoked immediately.
 */
export const getCertificate = cache(
  async (number: string): Promise<Result<CertificateRecord | null>> => {
    const res = await attempt("certificate", async () => {
      const r = await medusaGet<{ certificate: CertificateRecord }>(
        `/store/ocop/certificates/${encodeURIComponent(number)}`,
        { revalidate: 0, tags: [TAGS.certificate(number)] }
      )
      return r.certificate
    })
    if (!res.ok && (res.status === 404 || res.status === 400)) return { ok: true, data: null }
    return res
  }
)
