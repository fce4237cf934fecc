"use server"

/**
 * The producer portal's data layer: reads and server actions over the backend's
 * `/producers/*` routes (the `producer` actor). The producer's token lives in the
 * httpOnly cookie `ocop_producer_token`, separate from the shopper's: a
 * producer can shop with its own customer account in the same browser.
 * Portal data is per-user and changes with every action, so nothing is cached.
 */
import { FetchError } from "@medusajs/js-sdk"
import { revalidatePath } from "next/cache"
import { cookies } from "next/headers"
import { redirect } from "next/navigation"
import { sdk } from "../config"
import { toLocale } from "../util/locale"
import { PRODUCER_TOKEN_COOKIE as TOKEN_COOKIE, getProducerToken as getToken } from "./cookies"
import { registerIdentity, requestPasswordReset, signIn } from "./auth"
import { formText } from "../util/form"

const secure = process.env.NODE_ENV === "production" && (process.env.NEXT_PUBLIC_BASE_URL ?? "").startsWith("https://")
const cookieBase = { httpOnly: true, sameSite: "lax" as const, secure, path: "/" }

async function setToken(token: string) {
  ;(await cookies()).set(TOKEN_COOKIE, token, { ...cookieBase, maxAge: 60 * 60 * 24 * 7 })
}
async function clearToken() {
  ;(await cookies()).set(TOKEN_COOKIE, "", { ...cookieBase, maxAge: -1 })
}

// Types ----------------------------------------------------------------------------

export type ProducerStatus = "pending" | "approved" | "rejected" | "suspended"
export type ProducerProfile = {
  id: string
  handle: string
  legal_name: string
  type: string
  registration_number: string
  street: string | null
  commune: string
  former_commune?: string | null
  district: string
  province: string
  phone: string | null
  email: string | null
  website: string | null
  story_vi: string | null
  story_en: string | null
  logo_url: string | null
  status: ProducerStatus
  status_reason: string | null
}
export type ProducerMe = {
  user: { id: string; email: string; role: "owner" | "member"; first_name: string | null; last_name: string | null }
  producer: ProducerProfile
  permissions: { manage_listings: boolean; reason: string | null; edit_legal_fields: boolean; manage_members: boolean }
}
export type ProducerSession =
  | { state: "anonymous" }
  | { state: "registered"; email: string | null }
  | ({ state: "member" } & ProducerMe)
  | { state: "down" }

export type ListingVariant = {
  id: string
  title: string
  sku: string | null
  prices: { vnd: number | null; usd: number | null }
  stock: number | null
  reserved: number
}
export type ListingCertification = {
  id: string
  certificate_number: string
  decision_number: string
  decision_date: string
  issuing_authority: string
  stars: number
  score: number
  status: string
  status_reason: string | null
  valid_until: string
  evidence_url: string | null
}
export type Listing = {
  id: string
  handle: string
  status: string
  state: "live" | "hidden" | "awaiting_certification_review" | "awaiting_publication" | "needs_certification"
  sellable: boolean
  title_vi: string
  title_en: string | null
  subtitle_vi: string | null
  subtitle_en: string | null
  description_vi: string | null
  description_en: string | null
  group: string | null
  thumbnail: string | null
  images: string[]
  variants: ListingVariant[]
  certifications: ListingCertification[]
  updated_at: string
}
export type ProducerOrderItem = {
  id: string
  product_id: string | null
  product_title: string
  variant_title: string | null
  variant_sku: string | null
  thumbnail: string | null
  quantity: number
  unit_price: number
  shipped_quantity: number
  remaining_quantity: number
}
/** The backend's payment status of an order (modules/producer-portal/payment-status.ts). */
export type ProducerPaymentStatus = "paid" | "cod_to_collect" | "awaiting_transfer" | "awaiting_capture" | "awaiting_payment" | "refunded" | "canceled"

export type ProducerOrder = {
  /** The portal's reference (the display number), never Medusa's order id. */
  id: string
  display_id: number
  status: string
  created_at: string
  currency_code: string
  items: ProducerOrderItem[]
  subtotal: number
  shipping_status: "not_shipped" | "partially_shipped" | "shipped"
  payment_status: ProducerPaymentStatus
  payment_method: "cod" | "bank_transfer" | "card" | "invoice" | "other" | null
  /** Paid, or cash on delivery: the backend refuses to ship anything else (400 order_not_paid). */
  can_ship: boolean
  shipping_address: Record<string, string | null>
  shipping_method?: string | null
  fulfillments?: { id: string; shipped_at: string | null; carrier: string | null; labels: { tracking_number: string; tracking_url: string | null }[] }[]
}
export type ProducerMember = { id: string; email: string; role: string; first_name: string | null; last_name: string | null }
export type ProducerInvite = { id: string; email: string; expires_at: string }

/** The result of a form action: field errors name inputs; `error` is shown above the form. */
export type PortalFormState = {
  ok: boolean
  error?: string
  fields?: Record<string, string>
  values?: Record<string, string>
  notice?: string
} | null

// Transport ------------------------------------------------------------------------

class PortalError extends Error {
  constructor(
    message: string,
    public status?: number
  ) {
    super(message)
  }
}

async function call<T>(path: string, { method = "GET", body, token }: { method?: string; body?: unknown; token?: string } = {}): Promise<T> {
  const auth = token ?? (await getToken())
  try {
    return await sdk.client.fetch<T>(path, {
      method,
      body: body as any,
      headers: auth ? { authorization: `Bearer ${auth}` } : {},
      cache: "no-store",
      signal: AbortSignal.timeout(15_000),
    } as any)
  } catch (e) {
    if (e instanceof FetchError) throw new PortalError(e.message, e.status)
    throw new PortalError((e as Error)?.message ?? "request failed")
  }
}

const status = (e: unknown) => (e instanceof PortalError ? e.status : undefined)

/** The backend's own 4xx message, else a generic failure key. */
function messageOf(e: unknown): string {
  const s = status(e)
  if (s && s >= 400 && s < 500 && e instanceof Error && e.message) return e.message.replace(/^Invalid request: /, "")
  return "unavailable"
}

/** Maps a backend validation message ("title_vi: Too small…", "Field 'owner, last_name' is required") to form fields. */
function fieldsOf(message: string, names: string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name of names) {
    const plain = name.replace(/\./g, ", ")
    if (new RegExp(`(^|[^a-z_])(${name.replace(/\./g, "\\.")}|${plain})([^a-z_]|$)`).test(message)) out[name] = message
  }
  return out
}

function str(fd: FormData, key: string, max = 5000): string {
  return formText(fd, key).trim().slice(0, max)
}
function echo(fd: FormData, keys: string[]): Record<string, string> {
  return Object.fromEntries(keys.map((k) => [k, str(fd, k)]))
}
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const localeOf = (fd: FormData) => toLocale(fd.get("locale"))

// Reads ----------------------------------------------------------------------------

/** Who is signed in to the portal: nobody, a login that has not applied yet, or a producer user. */
export async function getProducerSession(): Promise<ProducerSession> {
  if (!(await getToken())) return { state: "anonymous" }
  try {
    const me = await call<ProducerMe & { email?: string | null; producer: ProducerProfile | null }>("/producers/me")
    if (!me.producer) return { state: "registered", email: me.email ?? null }
    return { state: "member", ...(me as ProducerMe) }
  } catch (e) {
    const s = status(e)
    if (s === 401 || s === 404) return { state: "anonymous" }
    console.error("[producer] session failed:", (e as Error).message)
    return { state: "down" }
  }
}

export async function listProducerProducts(limit = 50, offset = 0): Promise<{ products: Listing[]; count: number } | null> {
  try {
    return await call(`/producers/me/products?limit=${limit}&offset=${offset}`)
  } catch (e) {
    console.error("[producer] products failed:", (e as Error).message)
    return null
  }
}

export async function getProducerProduct(id: string): Promise<Listing | null> {
  try {
    return (await call<{ product: Listing }>(`/producers/me/products/${encodeURIComponent(id)}`)).product
  } catch (e) {
    if (status(e) !== 404) console.error("[producer] product failed:", (e as Error).message)
    return null
  }
}

export async function listProducerOrders(limit = 50, offset = 0): Promise<{ orders: ProducerOrder[]; count: number } | null> {
  try {
    return await call(`/producers/me/orders?limit=${limit}&offset=${offset}`)
  } catch (e) {
    console.error("[producer] orders failed:", (e as Error).message)
    return null
  }
}

export async function getProducerOrder(id: string): Promise<ProducerOrder | null> {
  try {
    return (await call<{ order: ProducerOrder }>(`/producers/me/orders/${encodeURIComponent(id)}`)).order
  } catch (e) {
    if (status(e) !== 404) console.error("[producer] order failed:", (e as Error).message)
    return null
  }
}

export async function listProducerMembers(): Promise<{ members: ProducerMember[]; invites: ProducerInvite[] } | null> {
  try {
    return await call("/producers/me/members")
  } catch {
    return null
  }
}

// Auth -----------------------------------------------------------------------------

export async function producerLogin(_prev: PortalFormState, fd: FormData): Promise<PortalFormState> {
  const email = str(fd, "email", 254).toLowerCase()
  const password = formText(fd, "password")
  const values = { email }
  if (!EMAIL.test(email)) return { ok: false, fields: { email: "email" }, values }
  if (!password) return { ok: false, fields: { password: "required" }, values }
  try {
    const token = await signIn("producer", { email, password })
    await setToken(token)
  } catch (e) {
    const s = status(e) ?? (e instanceof FetchError ? e.status : undefined)
    return { ok: false, error: s === 401 || s === 400 ? "invalidLogin" : "unavailable", values }
  }
  redirect(`/${localeOf(fd)}/producer`)
}

export async function producerSignup(_prev: PortalFormState, fd: FormData): Promise<PortalFormState> {
  const email = str(fd, "email", 254).toLowerCase()
  const password = formText(fd, "password")
  const values = { email }
  const fields: Record<string, string> = {}
  if (!EMAIL.test(email)) fields.email = "email"
  if (password.length < 8) fields.password = "passwordLength"
  if (Object.keys(fields).length) return { ok: false, fields, values }
  try {
    const token = await registerIdentity("producer", { email, password })
    await setToken(token)
  } catch (e) {
    const s = e instanceof FetchError ? e.status : status(e)
    return { ok: false, error: s === 401 || s === 400 ? "emailTaken" : "unavailable", values }
  }
  redirect(`/${localeOf(fd)}/producer`)
}

export async function producerLogout(fd: FormData): Promise<void> {
  await clearToken()
  redirect(`/${localeOf(fd)}/producer`)
}

async function refreshed(): Promise<void> {
  const { token } = await call<{ token: string }>("/auth/token/refresh", { method: "POST" })
  await setToken(token)
}

export async function producerRequestReset(_prev: PortalFormState, fd: FormData): Promise<PortalFormState> {
  const email = str(fd, "email", 254).toLowerCase()
  if (!EMAIL.test(email)) return { ok: false, fields: { email: "email" }, values: { email } }
  try {
    await requestPasswordReset("producer", { identifier: email, metadata: { locale: localeOf(fd) } })
  } catch {
    // Same answer whether or not the address exists.
  }
  return { ok: true, notice: "resetSent", values: { email } }
}

export async function producerResetPassword(_prev: PortalFormState, fd: FormData): Promise<PortalFormState> {
  const token = str(fd, "token", 4000)
  const password = formText(fd, "password")
  if (password.length < 8) return { ok: false, fields: { password: "passwordLength" } }
  try {
    await sdk.auth.updateProvider("producer", "emailpass", { password }, token)
  } catch {
    return { ok: false, error: "resetInvalid" }
  }
  return { ok: true, notice: "resetDone" }
}

// Onboarding -------------------------------------------------------------------------

const APPLY_FIELDS = [
  "legal_name",
  "type",
  "registration_number",
  "street",
  "commune",
  "former_commune",
  "district",
  "phone",
  "email",
  "website",
  "story_vi",
  "story_en",
  "owner.first_name",
  "owner.last_name",
]

export async function producerApply(_prev: PortalFormState, fd: FormData): Promise<PortalFormState> {
  const values = echo(fd, APPLY_FIELDS)
  const fields: Record<string, string> = {}
  for (const k of ["legal_name", "type", "registration_number", "commune", "owner.first_name", "owner.last_name"]) {
    if (!values[k]) fields[k] = "required"
  }
  if (values.email && !EMAIL.test(values.email)) fields.email = "email"
  if (values.website && !/^https?:\/\//.test(values.website)) fields.website = "url"
  if (Object.keys(fields).length) return { ok: false, fields, values }
  const body = {
    legal_name: values.legal_name,
    type: values.type,
    registration_number: values.registration_number,
    street: values.street || null,
    // One of the 40 current units; the backend derives the area (former district) when blank.
    commune: values.commune,
    former_commune: values.former_commune || null,
    district: values.district || undefined,
    province: "thành phố Huế",
    phone: values.phone || null,
    email: values.email || null,
    website: values.website || null,
    story_vi: values.story_vi || null,
    story_en: values.story_en || null,
    owner: { first_name: values["owner.first_name"], last_name: values["owner.last_name"] },
  }
  try {
    await call("/producers", { method: "POST", body })
    await refreshed()
  } catch (e) {
    const message = messageOf(e)
    return { ok: false, error: message, fields: fieldsOf(message, APPLY_FIELDS), values }
  }
  redirect(`/${localeOf(fd)}/producer`)
}

export async function producerAcceptInvite(_prev: PortalFormState, fd: FormData): Promise<PortalFormState> {
  const email = str(fd, "email", 254).toLowerCase()
  const password = formText(fd, "password")
  const invite = str(fd, "token", 400)
  const first_name = str(fd, "first_name", 100)
  const last_name = str(fd, "last_name", 100)
  const values = { email, first_name, last_name }
  const fields: Record<string, string> = {}
  if (!EMAIL.test(email)) fields.email = "email"
  if (password.length < 8) fields.password = "passwordLength"
  if (!first_name) fields.first_name = "required"
  if (!last_name) fields.last_name = "required"
  if (Object.keys(fields).length) return { ok: false, fields, values }
  try {
    let token: string
    try {
      token = await registerIdentity("producer", { email, password })
    } catch {
      // Already registered (e.g. a second attempt): sign in instead.
      token = await signIn("producer", { email, password })
    }
    await setToken(token)
    await call("/producers/invites/accept", { method: "POST", body: { token: invite, first_name, last_name } })
    await refreshed()
  } catch (e) {
    return { ok: false, error: messageOf(e), values }
  }
  redirect(`/${localeOf(fd)}/producer`)
}

// Profile and team -------------------------------------------------------------------

const PROFILE_FIELDS = ["legal_name", "registration_number", "street", "commune", "district", "phone", "email", "website", "story_vi", "story_en", "logo_url"]

export async function producerUpdateProfile(_prev: PortalFormState, fd: FormData): Promise<PortalFormState> {
  const legal = fd.get("legal_editable") === "1"
  const keys = legal ? PROFILE_FIELDS : PROFILE_FIELDS.filter((k) => !["legal_name", "registration_number", "street", "commune", "district"].includes(k))
  const values = echo(fd, keys)
  const fields: Record<string, string> = {}
  if (legal) for (const k of ["legal_name", "registration_number", "commune"]) if (!values[k]) fields[k] = "required"
  if (values.email && !EMAIL.test(values.email)) fields.email = "email"
  for (const k of ["website", "logo_url"]) if (values[k] && !/^https?:\/\//.test(values[k])) fields[k] = "url"
  if (Object.keys(fields).length) return { ok: false, fields, values }
  const body = Object.fromEntries(
    keys
      // A blank area is derived by the backend from the commune (admin-units.ts), not cleared.
      .filter((k) => !(k === "district" && !values[k]))
      .map((k) => [k, values[k] || (["legal_name", "registration_number", "commune"].includes(k) ? values[k] : null)])
  )
  try {
    await call("/producers/me", { method: "POST", body })
  } catch (e) {
    const message = messageOf(e)
    return { ok: false, error: message, fields: fieldsOf(message, keys), values }
  }
  revalidatePath(`/${localeOf(fd)}/producer`, "layout")
  return { ok: true, notice: "saved", values }
}

export async function producerInviteMember(_prev: PortalFormState, fd: FormData): Promise<PortalFormState> {
  const email = str(fd, "email", 254).toLowerCase()
  if (!EMAIL.test(email)) return { ok: false, fields: { email: "email" }, values: { email } }
  try {
    const res = await call<{ accept_url: string }>("/producers/me/members", { method: "POST", body: { email } })
    revalidatePath(`/${localeOf(fd)}/producer/team`)
    return { ok: true, notice: "inviteSent", values: { email: "", accept_url: res.accept_url } }
  } catch (e) {
    return { ok: false, error: messageOf(e), values: { email } }
  }
}

export async function producerRemoveMember(fd: FormData): Promise<void> {
  const id = str(fd, "id", 100)
  try {
    await call(`/producers/me/members/${encodeURIComponent(id)}`, { method: "DELETE" })
  } catch (e) {
    console.error("[producer] remove member failed:", (e as Error).message)
  }
  revalidatePath(`/${localeOf(fd)}/producer/team`)
}

// Listings -----------------------------------------------------------------------------

const LISTING_TEXT = ["title_vi", "title_en", "subtitle_vi", "subtitle_en", "description_vi", "description_en", "group"]

/** "12.000" / "12,000" / "12000" → 12000; "" → NaN. */
function parseAmount(raw: string, decimals: boolean): number {
  const cleaned = raw.replace(/\s/g, "").replace(/₫|\$/g, "")
  if (!cleaned) return NaN
  if (!decimals) return Number(cleaned.replace(/[.,]/g, ""))
  return Number(cleaned.replace(",", "."))
}

type VariantRow = { title: string; sku: string; vnd: string; usd: string; stock: string }

function variantRows(fd: FormData): VariantRow[] {
  const rows: VariantRow[] = []
  for (let i = 0; i < 20; i++) {
    const title = str(fd, `variants.${i}.title`, 100)
    if (!fd.has(`variants.${i}.title`)) continue
    rows.push({
      title,
      sku: str(fd, `variants.${i}.sku`, 64),
      vnd: str(fd, `variants.${i}.vnd`, 20),
      usd: str(fd, `variants.${i}.usd`, 20),
      stock: str(fd, `variants.${i}.stock`, 10),
    })
  }
  return rows
}

function checkVariant(row: VariantRow, i: number, fields: Record<string, string>, needTitle = true) {
  if (needTitle && !row.title) fields[`variants.${i}.title`] = "required"
  const vnd = parseAmount(row.vnd, false)
  const usd = parseAmount(row.usd, true)
  const stock = Number(row.stock)
  if (!Number.isInteger(vnd) || vnd < 1000) fields[`variants.${i}.vnd`] = "vnd"
  if (!Number.isFinite(usd) || usd < 0.01 || Math.round(usd * 100) !== Math.round(usd * 100 * 1e6) / 1e6) fields[`variants.${i}.usd`] = "usd"
  if (!Number.isInteger(stock) || stock < 0) fields[`variants.${i}.stock`] = "stock"
  return { vnd, usd: Math.round(usd * 100) / 100, stock }
}

export async function producerCreateListing(_prev: PortalFormState, fd: FormData): Promise<PortalFormState> {
  const values = echo(fd, LISTING_TEXT)
  const images = fd.getAll("images").map(String).filter(Boolean).slice(0, 8)
  const rows = variantRows(fd)
  const fields: Record<string, string> = {}
  for (const k of ["title_vi", "title_en", "description_vi", "description_en", "group"]) if (!values[k]) fields[k] = "required"
  if (!rows.length) fields.variants = "variants"
  const variants = rows.map((row, i) => {
    const n = checkVariant(row, i, fields)
    return { title: row.title, ...(row.sku ? { sku: row.sku } : {}), prices: { vnd: n.vnd, usd: n.usd }, stock: n.stock }
  })
  rows.forEach((row, i) => Object.assign(values, { [`variants.${i}.title`]: row.title, [`variants.${i}.sku`]: row.sku, [`variants.${i}.vnd`]: row.vnd, [`variants.${i}.usd`]: row.usd, [`variants.${i}.stock`]: row.stock }))
  values.images = images.join("\n")
  if (Object.keys(fields).length) return { ok: false, fields, values }
  let id: string
  try {
    const res = await call<{ product: Listing }>("/producers/me/products", {
      method: "POST",
      body: {
        title_vi: values.title_vi,
        title_en: values.title_en,
        subtitle_vi: values.subtitle_vi || null,
        subtitle_en: values.subtitle_en || null,
        description_vi: values.description_vi,
        description_en: values.description_en,
        group: values.group,
        images,
        variants,
      },
    })
    id = res.product.id
  } catch (e) {
    const message = messageOf(e)
    return { ok: false, error: message, fields: fieldsOf(message, [...LISTING_TEXT, "images", "variants"]), values }
  }
  redirect(`/${localeOf(fd)}/producer/products/${id}?created=1`)
}

/** Prices and stock: applied at once, even on a live listing. */
export async function producerUpdateStock(_prev: PortalFormState, fd: FormData): Promise<PortalFormState> {
  const id = str(fd, "id", 100)
  const rows: { id: string; row: VariantRow }[] = []
  for (let i = 0; i < 20; i++) {
    const vid = str(fd, `variants.${i}.id`, 100)
    if (vid) rows.push({ id: vid, row: { title: "", sku: "", vnd: str(fd, `variants.${i}.vnd`, 20), usd: str(fd, `variants.${i}.usd`, 20), stock: str(fd, `variants.${i}.stock`, 10) } })
  }
  const fields: Record<string, string> = {}
  const variants = rows.map(({ id: vid, row }, i) => {
    const n = checkVariant(row, i, fields, false)
    return { id: vid, prices: { vnd: n.vnd, usd: n.usd }, stock: n.stock }
  })
  const values: Record<string, string> = {}
  rows.forEach(({ row }, i) => Object.assign(values, { [`variants.${i}.vnd`]: row.vnd, [`variants.${i}.usd`]: row.usd, [`variants.${i}.stock`]: row.stock }))
  if (Object.keys(fields).length) return { ok: false, fields, values }
  try {
    const res = await call<{ changed: string[] }>(`/producers/me/products/${encodeURIComponent(id)}`, { method: "POST", body: { variants } })
    revalidatePath(`/${localeOf(fd)}/producer/products/${id}`)
    return { ok: true, notice: res.changed.length ? "stockSaved" : "nothingChanged", values }
  } catch (e) {
    return { ok: false, error: messageOf(e), values }
  }
}

/** Everything a shopper reads: a published listing goes back to review. */
export async function producerUpdateContent(_prev: PortalFormState, fd: FormData): Promise<PortalFormState> {
  const id = str(fd, "id", 100)
  const values = echo(fd, LISTING_TEXT)
  const images = fd.getAll("images").map(String).filter(Boolean).slice(0, 8)
  values.images = images.join("\n")
  const fields: Record<string, string> = {}
  for (const k of ["title_vi", "title_en", "description_vi", "description_en", "group"]) if (!values[k]) fields[k] = "required"
  if (Object.keys(fields).length) return { ok: false, fields, values }
  try {
    const res = await call<{ review_required: boolean; changed: string[] }>(`/producers/me/products/${encodeURIComponent(id)}`, {
      method: "POST",
      body: {
        title_vi: values.title_vi,
        title_en: values.title_en,
        subtitle_vi: values.subtitle_vi || null,
        subtitle_en: values.subtitle_en || null,
        description_vi: values.description_vi,
        description_en: values.description_en,
        group: values.group,
        images,
      },
    })
    revalidatePath(`/${localeOf(fd)}/producer/products/${id}`)
    return { ok: true, notice: !res.changed.length ? "nothingChanged" : res.review_required ? "sentToReview" : "saved", values }
  } catch (e) {
    const message = messageOf(e)
    return { ok: false, error: message, fields: fieldsOf(message, [...LISTING_TEXT, "images"]), values }
  }
}

export async function producerDeleteListing(_prev: PortalFormState, fd: FormData): Promise<PortalFormState> {
  const id = str(fd, "id", 100)
  try {
    await call(`/producers/me/products/${encodeURIComponent(id)}`, { method: "DELETE" })
  } catch (e) {
    return { ok: false, error: messageOf(e) }
  }
  redirect(`/${localeOf(fd)}/producer/products?deleted=1`)
}

const CERT_FIELDS = ["certificate_number", "decision_number", "decision_date", "issuing_authority", "authority_level", "score", "stars", "evidence_url", "subgroup"]

export async function producerSubmitCertification(_prev: PortalFormState, fd: FormData): Promise<PortalFormState> {
  const id = str(fd, "id", 100)
  const values = echo(fd, CERT_FIELDS)
  const fields: Record<string, string> = {}
  for (const k of ["certificate_number", "decision_number", "decision_date", "issuing_authority", "authority_level", "score", "stars", "evidence_url"]) {
    if (!values[k]) fields[k] = "required"
  }
  const score = Number(values.score)
  const stars = Number(values.stars)
  if (values.score && (!Number.isInteger(score) || score < 0 || score > 100)) fields.score = "score"
  if (values.stars && (!Number.isInteger(stars) || stars < 1 || stars > 5)) fields.stars = "stars"
  if (values.evidence_url && !/^https?:\/\//.test(values.evidence_url)) fields.evidence_url = "url"
  if (Object.keys(fields).length) return { ok: false, fields, values }
  try {
    await call(`/producers/me/products/${encodeURIComponent(id)}/certification`, {
      method: "POST",
      body: {
        certificate_number: values.certificate_number,
        decision_number: values.decision_number,
        decision_date: values.decision_date,
        issuing_authority: values.issuing_authority,
        authority_level: values.authority_level,
        score,
        stars,
        potential_five_star: fd.get("potential_five_star") === "on",
        subgroup: values.subgroup || null,
        evidence_url: values.evidence_url,
      },
    })
  } catch (e) {
    const message = messageOf(e)
    return { ok: false, error: message, fields: fieldsOf(message, CERT_FIELDS), values }
  }
  revalidatePath(`/${localeOf(fd)}/producer/products/${id}`)
  return { ok: true, notice: "certificationSubmitted" }
}

// Orders ---------------------------------------------------------------------------------

export async function producerShipOrder(_prev: PortalFormState, fd: FormData): Promise<PortalFormState> {
  const id = str(fd, "id", 100)
  const values = { tracking_number: str(fd, "tracking_number", 100), carrier: str(fd, "carrier", 100), tracking_url: str(fd, "tracking_url", 2000) }
  if (values.tracking_url && !/^https?:\/\//.test(values.tracking_url)) return { ok: false, fields: { tracking_url: "url" }, values }
  try {
    await call(`/producers/me/orders/${encodeURIComponent(id)}/ship`, {
      method: "POST",
      body: {
        ...(values.tracking_number ? { tracking_number: values.tracking_number } : {}),
        ...(values.carrier ? { carrier: values.carrier } : {}),
        ...(values.tracking_url ? { tracking_url: values.tracking_url } : {}),
      },
    })
  } catch (e) {
    return { ok: false, error: messageOf(e), values }
  }
  revalidatePath(`/${localeOf(fd)}/producer/orders/${id}`)
  return { ok: true, notice: "shipped" }
}

// Mail preferences ---------------------------------------------------------------------

export type ProducerMailPreferences = { non_essential: boolean; locale: "vi" | "en" }

export async function getProducerMailPreferences(): Promise<ProducerMailPreferences | null> {
  try {
    return (await call<{ notification_preferences: ProducerMailPreferences }>("/producers/me/notification-preferences")).notification_preferences
  } catch {
    return null
  }
}

/** The owner sets the language of the producer's mail and whether non-essential mail comes. */
export async function producerUpdateMailPreferences(_prev: PortalFormState, fd: FormData): Promise<PortalFormState> {
  const mailLocale = fd.get("mail_locale") === "en" ? "en" : "vi"
  const body = { non_essential: fd.get("non_essential") === "on", locale: mailLocale }
  try {
    await call("/producers/me/notification-preferences", { method: "POST", body })
  } catch (e) {
    return { ok: false, error: messageOf(e) }
  }
  revalidatePath(`/${localeOf(fd)}/producer/profile`)
  return { ok: true, notice: "saved" }
}

// Earnings, payouts and the bank account (marketplace money) -------------------------------------

/** Amounts are integer minor units (whole đồng, cents) in `currency_code`. */
export type EarningsMonth = {
  month: string
  currency_code: string
  gross: number
  commission: number
  net: number
  pending: number
  payable: number
  in_payout: number
  paid: number
}
export type ProducerPayout = {
  id: string
  currency_code: string
  amount: number
  gross: number
  commission: number
  entry_count: number
  status: "pending" | "paid" | "failed"
  reference: string
  bank_name: string | null
  account_number: string | null
  paid_at: string | null
  bank_reference: string | null
  created_at: string
}
export type BankAccount = {
  bank_bin: string
  bank_name: string | null
  account_number: string
  account_name: string
  status: "unverified" | "verified"
  verified_at: string | null
}
export type NapasBank = { bin: string; short_name: string; name: string }

export async function getProducerEarnings(): Promise<{ months: EarningsMonth[]; next_payout: ProducerPayout | null } | null> {
  try {
    return await call("/producers/me/earnings")
  } catch (e) {
    console.error("[producer] earnings failed:", (e as Error).message)
    return null
  }
}

export async function listProducerPayouts(limit = 50): Promise<{ payouts: ProducerPayout[]; count: number } | null> {
  try {
    return await call(`/producers/me/payouts?limit=${limit}`)
  } catch (e) {
    console.error("[producer] payouts failed:", (e as Error).message)
    return null
  }
}

export async function getProducerBankAccount(): Promise<{ bank_account: BankAccount | null; banks: NapasBank[] } | null> {
  try {
    return await call("/producers/me/bank-account")
  } catch (e) {
    console.error("[producer] bank account failed:", (e as Error).message)
    return null
  }
}

export async function producerSetBankAccount(_prev: PortalFormState, fd: FormData): Promise<PortalFormState> {
  const values = { bank_bin: str(fd, "bank_bin", 20), account_number: str(fd, "account_number", 40).replace(/\s+/g, ""), account_name: str(fd, "account_name", 120) }
  try {
    await call("/producers/me/bank-account", { method: "POST", body: values })
  } catch (e) {
    return { ok: false, error: messageOf(e), values }
  }
  revalidatePath(`/${localeOf(fd)}/producer/earnings`)
  return { ok: true, notice: "bankSaved" }
}
