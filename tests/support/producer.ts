/** Producer-portal helpers for HTTP and browser tests: sign up, apply, get approved, upload. */
import { admin, BACKEND_URL, http, uniq } from "./api"

export const DEMO_PRODUCER_PASSWORD = "producer-2026"

/** A 1×1 PNG. */
export const PNG_1X1 = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64"
)

export function producerApplication(overrides: Record<string, unknown> = {}) {
  const suffix = uniq()
  return {
    legal_name: `HTX Thử nghiệm cổng ${suffix} (test)`,
    type: "cooperative",
    registration_number: `DEMO-PORTAL-${suffix}`.toUpperCase(),
    street: "Thôn Thử",
    commune: "Hương Long",
    district: "TP Huế",
    phone: "+84 234 3000 000",
    story_vi: "Hợp tác xã thử nghiệm (dữ liệu kiểm thử).",
    owner: { first_name: "Hoa", last_name: "Lê" },
    ...overrides,
  }
}

export async function registerProducerLogin(email = `producer-${uniq()}@example.com`, password = "portal-pass-2026") {
  const res = await http("POST", "/auth/producer/emailpass/register", { body: { email, password } })
  if (res.status !== 200) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`)
  return { email, password, token: res.body.token as string }
}

export async function refreshToken(token: string): Promise<string> {
  const res = await http("POST", "/auth/token/refresh", { token })
  if (res.status !== 200 || !res.body?.token) throw new Error(`refresh failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.token
}

export async function loginProducer(email: string, password: string) {
  return http("POST", "/auth/producer/emailpass", { body: { email, password } })
}

/** Register → apply → (admin approves) → a token acting as the owner. */
export async function newProducer({ approve = true, overrides = {} } = {}) {
  const login = await registerProducerLogin()
  const applied = await http("POST", "/producers", { token: login.token, body: producerApplication(overrides) })
  if (applied.status !== 201) throw new Error(`apply failed: ${applied.status} ${JSON.stringify(applied.body)}`)
  const producer = applied.body.producer
  if (approve) {
    const ok = await admin("POST", `/admin/producers/${producer.id}/approve`, {})
    if (ok.status !== 200) throw new Error(`approve failed: ${ok.status} ${JSON.stringify(ok.body)}`)
  }
  const token = await refreshToken(login.token)
  return { ...login, token, producer, user: applied.body.user }
}

export function listingBody(overrides: Record<string, unknown> = {}) {
  const suffix = uniq().toUpperCase()
  return {
    title_vi: `Mè xửng thử ${suffix}`,
    title_en: `Test sesame candy ${suffix}`,
    subtitle_vi: "Kẹo mè truyền thống (thử)",
    description_vi: "Mè xửng làm thủ công tại Huế (dữ liệu kiểm thử).",
    description_en: "Handmade sesame candy from Huế (test data).",
    group: "food",
    images: [],
    variants: [
      { title: "Hộp 200 g", sku: `PORTAL-${suffix}-200`, prices: { vnd: 45000, usd: 1.8 }, stock: 30 },
      { title: "Hộp 500 g", prices: { vnd: 99000, usd: 3.95 }, stock: 10 },
    ],
    ...overrides,
  }
}

export function producerCertificationBody(overrides: Record<string, unknown> = {}) {
  const suffix = uniq().toUpperCase()
  const decided = new Date()
  decided.setUTCMonth(decided.getUTCMonth() - 2)
  return {
    certificate_number: `DEMO-PORTAL-${suffix}`,
    decision_number: `DEMO-${suffix}/QĐ-UBND`,
    decision_date: decided.toISOString().slice(0, 10),
    issuing_authority: "UBND thành phố Huế (demo)",
    authority_level: "province",
    score: 72,
    stars: 4,
    evidence_url: "https://example.org/ocop/decision.pdf",
    ...overrides,
  }
}

/** multipart/form-data upload to /producers/me/uploads (`purpose`: image | evidence, the backend's default). */
export async function uploadFiles(
  token: string | undefined,
  files: { name: string; type: string; content: Buffer }[],
  { purpose }: { purpose?: "image" | "evidence" } = {}
) {
  const form = new FormData()
  for (const f of files) form.append("files", new Blob([new Uint8Array(f.content)], { type: f.type }), f.name)
  const res = await fetch(`${BACKEND_URL}/producers/me/uploads${purpose ? `?purpose=${purpose}` : ""}`, {
    method: "POST",
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body: form,
  })
  const text = await res.text()
  let body: any = text
  try {
    body = JSON.parse(text)
  } catch {}
  return { status: res.status, body }
}
