import { NextResponse, type NextRequest } from "next/server"
import { forwardProducerUpload } from "@/lib/data/producer-upload"

/**
 * POST /[locale]/producer/uploads?purpose=image|evidence — the browser's image and evidence
 * uploads, streamed to the backend (lib/data/producer-upload.ts). Same-origin only; the
 * session is checked before the body is read.
 */
export async function POST(req: NextRequest) {
  const origin = req.headers.get("origin")
  if (origin && originHost(origin) !== req.headers.get("host")) {
    return NextResponse.json({ code: "cross_origin", message: "Cross-origin uploads are not allowed." }, { status: 403 })
  }
  const { status, body } = await forwardProducerUpload(req, req.nextUrl.searchParams.get("purpose"))
  return NextResponse.json(body, { status })
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host
  } catch {
    return null // "null" (sandboxed documents) or garbage: not our origin
  }
}
