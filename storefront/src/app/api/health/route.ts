/** Liveness probe polled by scripts/start.mjs and docker-compose. Never touches the backend. */
export const dynamic = "force-dynamic"

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } })
}
