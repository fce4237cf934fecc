import "server-only"
import { BACKEND_URL } from "../config"
import { ByteLimitExceeded, limitBytes } from "../util/byte-limit"
import { getProducerToken } from "./cookies"

/** The backend takes 8 files of 5 MB; the rest is multipart framing. */
export const PRODUCER_UPLOAD_MAX_BYTES = 8 * 5 * 1024 * 1024 + 64 * 1024

export type UploadReply = { status: number; body: unknown }

const tooLarge: UploadReply = {
  status: 413,
  body: { code: "upload_too_large", message: `Upload too large: ${PRODUCER_UPLOAD_MAX_BYTES} bytes at most.` },
}

/**
 * Streams the browser's multipart body to the backend's /producers/me/uploads with the
 * producer's token from the httpOnly cookie (the browser never sees the token).
 *
 * Order matters (issue 13, item 11): the session and the declared size are checked before
 * a byte of the body is read, and the body is then piped through a hard byte limit instead
 * of being parsed here — `request.formData()` would buffer a chunked body of any size.
 */
export async function forwardProducerUpload(req: Request, purpose: string | null): Promise<UploadReply> {
  const token = await getProducerToken()
  if (!token) return { status: 401, body: { code: "unauthorized", message: "Sign in as a producer." } }
  const contentType = req.headers.get("content-type") ?? ""
  if (!contentType.toLowerCase().startsWith("multipart/form-data") || !req.body) {
    return { status: 400, body: { code: "upload_not_multipart", message: "Send the files as multipart/form-data." } }
  }
  const declared = req.headers.get("content-length")
  if (declared !== null && !(Number(declared) <= PRODUCER_UPLOAD_MAX_BYTES)) return tooLarge

  const query = purpose ? `?purpose=${encodeURIComponent(purpose)}` : ""
  const body = limitBytes(req.body, PRODUCER_UPLOAD_MAX_BYTES)
  try {
    const res = await fetch(`${BACKEND_URL}/producers/me/uploads${query}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": contentType },
      body,
      // A streamed request body needs half-duplex (fetch's rule for ReadableStream bodies).
      duplex: "half",
      signal: AbortSignal.timeout(120_000),
    } as RequestInit & { duplex: "half" })
    const text = await res.text()
    let parsed: unknown = { message: text }
    try {
      parsed = JSON.parse(text)
    } catch {}
    return { status: res.status, body: parsed }
  } catch (e) {
    if (e instanceof ByteLimitExceeded || (e as { cause?: unknown })?.cause instanceof ByteLimitExceeded) return tooLarge
    // The backend is down or timed out: the browser gets a message, not an HTML 500 page.
    return { status: 502, body: { code: "backend_unavailable", message: "The upload could not reach the server; try again." } }
  }
}
