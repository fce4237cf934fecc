"use server"

/**
 * The portal's traceability data layer: GTINs of the producer's variants and its lots, over the
 * backend's `/producers/me/trade-items` and `/producers/me/lots` (producer token from the httpOnly
 * cookie, as in ./producer.ts). Nothing cached: lots change with every action.
 */
import { FetchError } from "@medusajs/js-sdk"
import { revalidatePath } from "next/cache"
import { sdk } from "../config"
import { formText } from "../util/form"
import { toLocale } from "../util/locale"
import { getProducerToken } from "./cookies"
import type { PortalFormState } from "./producer"

export type PortalTradeItem = { id: string; gtin: string; product_id: string; variant_id: string; is_demo: boolean }
export type PortalLot = {
  id: string
  gtin: string
  product_id: string
  variant_id: string
  lot_number: string
  production_date: string
  expiry_date: string | null
  quantity: number
  notes: string | null
  status: "live" | "superseded"
  digital_link: string
  is_demo: boolean
}

async function call<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const token = await getProducerToken()
  return sdk.client.fetch<T>(path, {
    method: init.method ?? "GET",
    body: init.body as any,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    cache: "no-store",
    signal: AbortSignal.timeout(15_000),
  } as any)
}

const message = (e: unknown) =>
  e instanceof FetchError && e.status && e.status < 500 ? e.message.replace(/^Invalid request: /, "") : "unavailable"

export async function listPortalTraceability(): Promise<{ trade_items: PortalTradeItem[]; lots: PortalLot[] } | null> {
  try {
    const [items, lots] = await Promise.all([
      call<{ trade_items: PortalTradeItem[] }>("/producers/me/trade-items"),
      call<{ lots: PortalLot[] }>("/producers/me/lots?limit=200"),
    ])
    return { trade_items: items.trade_items, lots: lots.lots }
  } catch (e) {
    console.error("[producer] lots failed:", (e as Error).message)
    return null
  }
}

export async function producerAssignGtin(_prev: PortalFormState, fd: FormData): Promise<PortalFormState> {
  const values = { variant_id: formText(fd, "variant_id").trim().slice(0, 100), gtin: formText(fd, "gtin").replace(/\s/g, "").slice(0, 20) }
  if (!values.gtin) return { ok: false, fields: { gtin: "required" }, values }
  try {
    await call("/producers/me/trade-items", { method: "POST", body: values })
  } catch (e) {
    const m = message(e)
    return { ok: false, error: m, fields: /gtin/i.test(m) ? { gtin: m } : {}, values }
  }
  revalidatePath(`/${toLocale(fd.get("locale"))}/producer/lots`)
  return { ok: true, notice: "gtinSaved" }
}

const LOT_FIELDS = ["variant_id", "lot_number", "production_date", "expiry_date", "quantity", "notes"]

export async function producerRecordLot(_prev: PortalFormState, fd: FormData): Promise<PortalFormState> {
  const values = Object.fromEntries(LOT_FIELDS.map((k) => [k, formText(fd, k).trim().slice(0, k === "notes" ? 2000 : 100)]))
  const fields: Record<string, string> = {}
  for (const k of ["variant_id", "lot_number", "production_date", "quantity"]) if (!values[k]) fields[k] = "required"
  const quantity = Number(values.quantity)
  if (values.quantity && (!Number.isInteger(quantity) || quantity < 1)) fields.quantity = "number"
  if (Object.keys(fields).length) return { ok: false, fields, values }
  try {
    await call("/producers/me/lots", {
      method: "POST",
      body: {
        variant_id: values.variant_id,
        lot_number: values.lot_number,
        production_date: values.production_date,
        expiry_date: values.expiry_date || null,
        quantity,
        notes: values.notes || null,
      },
    })
  } catch (e) {
    const m = message(e)
    const f: Record<string, string> = {}
    for (const k of LOT_FIELDS) if (m.includes(k)) f[k] = m
    return { ok: false, error: m, fields: f, values }
  }
  revalidatePath(`/${toLocale(fd.get("locale"))}/producer/lots`)
  return { ok: true, notice: "recorded" }
}
