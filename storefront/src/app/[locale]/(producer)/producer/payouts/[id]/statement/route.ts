import { BACKEND_URL, PUBLISHABLE_KEY } from "@/lib/config"
import { getProducerToken } from "@/lib/data/cookies"
import { toLocale } from "@/lib/util/locale"

/**
 * GET /{locale}/producer/payouts/{id}/statement?format=csv|html — a payout statement for the signed-in producer.
 *
 * The backend's statement route wants the producer's bearer token, which lives in an httpOnly cookie the browser
 * cannot attach to a backend request: this handler forwards the download with it. The backend decides whose payout
 * it is (another producer's → 404); nothing here is cached.
 */
export const dynamic = "force-dynamic"

const PAYOUT_ID = /^[A-Za-z0-9_]{1,64}$/

export async function GET(request: Request, { params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params
  const format = new URL(request.url).searchParams.get("format") ?? "html"
  if (!PAYOUT_ID.test(id) || (format !== "csv" && format !== "html")) {
    return Response.json({ type: "invalid_data", message: "Unknown payout or statement format." }, { status: 400 })
  }
  const token = await getProducerToken()
  if (!token) return Response.json({ type: "unauthorized", message: "Sign in to the producer portal first." }, { status: 401 })
  const upstream = await fetch(`${BACKEND_URL}/producers/me/payouts/${id}/statement?format=${format}`, {
    headers: {
      authorization: `Bearer ${token}`,
      "x-publishable-api-key": PUBLISHABLE_KEY,
      "accept-language": toLocale(locale),
    },
    cache: "no-store",
    signal: AbortSignal.timeout(15_000),
  }).catch(() => null)
  if (!upstream) return Response.json({ type: "unexpected_state", message: "The statement is unavailable right now." }, { status: 502 })
  const headers = new Headers({ "cache-control": "private, no-store", "x-content-type-options": "nosniff" })
  for (const name of ["content-type", "content-disposition"]) {
    const value = upstream.headers.get(name)
    if (value) headers.set(name, value)
  }
  return new Response(upstream.body, { status: upstream.status, headers })
}
