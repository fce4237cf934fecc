import { NextResponse, type NextRequest } from "next/server"
import { forwardProducerUpload } from "@/lib/data/producer"

const MAX_BYTES = 8 * 5 * 1024 * 1024 + 64 * 1024

/**
 * POST /[locale]/producer/uploads — the browser's image and evidence uploads,
 * forwarded to the backend's /producers/me/uploads with the producer token from
 * the httpOnly cookie (the browser never sees the token). Same-origin only.
 */
export async function POST(req: NextRequest) {
  const origin = req.headers.get("origin")
  if (origin && new URL(origin).host !== req.headers.get("host")) {
    return NextResponse.json({ message: "Cross-origin uploads are not allowed." }, { status: 403 })
  }
  if (Number(req.headers.get("content-length") ?? 0) > MAX_BYTES) {
    return NextResponse.json({ message: "Upload too large." }, { status: 413 })
  }
  let form: FormData
  try {
    form = await req.formData()
  } catch {
    return NextResponse.json({ message: "Send the files as multipart/form-data." }, { status: 400 })
  }
  const out = new FormData()
  for (const f of form.getAll("files")) if (f instanceof File) out.append("files", f, f.name)
  const { status, body } = await forwardProducerUpload(out)
  return NextResponse.json(body, { status })
}
