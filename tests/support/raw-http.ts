/**
 * A raw request to the shared backend with node:http, for what fetch cannot do: send the path exactly as
 * written (no normalisation of case, percent-encoding or slashes) and choose the loopback source
 * address (so each test is its own "client IP" for the rate limits).
 */
import http from "node:http"
import { BACKEND_URL } from "./api"

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: any }

export function rawRequest(
  method: string,
  rawPath: string,
  body: unknown,
  { from = "127.0.0.1", headers = {}, timeoutMs = 60_000 }: { from?: string; headers?: Record<string, string>; timeoutMs?: number } = {}
): Promise<RawResponse> {
  const backend = new URL(BACKEND_URL)
  const payload = body === undefined ? "" : JSON.stringify(body)
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: Number(backend.port),
        path: rawPath,
        method,
        localAddress: from,
        agent: false,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload), ...headers },
        timeout: timeoutMs,
      },
      (res) => {
        let text = ""
        res.on("data", (d) => (text += d))
        res.on("end", () => {
          let parsed: any = text
          try {
            parsed = JSON.parse(text)
          } catch {}
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed })
        })
      }
    )
    req.on("timeout", () => req.destroy(new Error("timeout")))
    req.on("error", reject)
    req.end(payload)
  })
}
