import { NextResponse, type NextRequest } from "next/server"
import { BACKEND_URL } from "@/lib/config"
import { getProducerToken } from "@/lib/data/cookies"

/**
 * GET /[locale]/producer/lots/:id/label — the lot's printable label sheet (SVG), fetched from the
 * backend with the producer's own token (httpOnly cookie) and passed on as a download. Another
 * producer's lot is the backend's 404.
 */
export async function GET(_req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const token = await getProducerToken()
  if (!token) return NextResponse.json({ code: "unauthorized", message: "Sign in to the producer portal." }, { status: 401 })
  if (!/^[A-Za-z0-9_]{1,100}$/.test(id)) return NextResponse.json({ code: "not_found", message: "No such lot." }, { status: 404 })
  const res = await fetch(`${BACKEND_URL}/producers/me/lots/${encodeURIComponent(id)}/label`, {
    headers: { authorization: `Bearer ${token}` },
    cache: "no-store",
    signal: AbortSignal.timeout(15_000),
  }).catch(() => null)
  if (!res) return NextResponse.json({ code: "unavailable", message: "The shop is temporarily unavailable." }, { status: 503 })
  if (!res.ok) return NextResponse.json({ code: res.status === 404 ? "not_found" : "error", message: "The label could not be made." }, { status: res.status >= 500 ? 502 : res.status })
  return new NextResponse(await res.text(), {
    status: 200,
    headers: {
      "content-type": "image/svg+xml; charset=utf-8",
      "content-disposition": res.headers.get("content-disposition") ?? `attachment; filename="lot-${id}.svg"`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      "cache-control": "private, no-store",
    },
  })
}
