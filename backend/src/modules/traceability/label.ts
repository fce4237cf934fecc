/**
 * A printable label sheet for one lot, as SVG: A4, 3 × 8 labels of 70 × 37 mm (the common
 * "24 per sheet" stock). Each label carries the QR of the lot's GS1 Digital Link URI (QR per
 * ISO/IEC 18004, TCVN 13275:2020) and its human-readable text: product, producer, lot, dates,
 * and the GS1 element string "(01) … (10) … (17) …".
 */
import QRCode from "qrcode"
import { toYymmdd } from "./gs1"

export type LabelData = {
  uri: string
  gtin: string
  lot_number: string
  production_date: Date | string
  expiry_date?: Date | string | null
  product_title: string
  producer_name: string
  producer_address: string
  is_demo?: boolean
}

const escapeXml = (s: string) =>
  s.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!)

const viDate = (d: Date | string) =>
  new Intl.DateTimeFormat("vi-VN", { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric" }).format(new Date(d))

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s)

/** The GS1 element string printed under the QR (what a scanner without a network still reads). */
export function elementString(l: Pick<LabelData, "gtin" | "lot_number" | "expiry_date">): string {
  return `(01) ${l.gtin} (10) ${l.lot_number}${l.expiry_date ? ` (17) ${toYymmdd(l.expiry_date)}` : ""}`
}

export async function lotLabelSheetSvg(l: LabelData): Promise<string> {
  // The QR as path data in a 0..n box, placed inside each label by a transform.
  const qrSvg = await QRCode.toString(l.uri, { type: "svg", errorCorrectionLevel: "M", margin: 0 })
  const size = Number(/viewBox="0 0 (\d+) \d+"/.exec(qrSvg)?.[1] ?? 0)
  const paths = qrSvg.replace(/^[\s\S]*?<svg[^>]*>/, "").replace(/<\/svg>\s*$/, "")
  const cols = 3
  const rows = 8
  const w = 70
  const h = 37
  const left = (210 - cols * w) / 2
  const top = (297 - rows * h) / 2
  const qr = 27
  const lines = [
    clip(l.product_title, 34),
    clip(l.producer_name, 38),
    clip(l.producer_address, 44),
    `Lô/Lot: ${l.lot_number}`,
    `NSX/Prod.: ${viDate(l.production_date)}`,
    l.expiry_date ? `HSD/Exp.: ${viDate(l.expiry_date)}` : "",
  ].filter(Boolean)
  const label = (x: number, y: number) =>
    `<g transform="translate(${x} ${y})">` +
    `<rect width="${w}" height="${h}" fill="none" stroke="#bbb" stroke-width="0.2" stroke-dasharray="1 1"/>` +
    `<g transform="translate(2.5 2.5) scale(${qr / Math.max(size, 1)})">${paths}</g>` +
    `<text x="2.5" y="${h - 3.2}" font-size="1.9" font-family="monospace">${escapeXml(elementString(l))}</text>` +
    lines
      .map((t, i) => `<text x="31" y="${5 + i * 4}" font-size="${i === 0 ? 2.8 : 2.2}" font-family="sans-serif"${i === 0 ? ' font-weight="bold"' : ""}>${escapeXml(t)}</text>`)
      .join("") +
    (l.is_demo ? `<text x="31" y="${h - 7}" font-size="2" fill="#a00" font-family="sans-serif">DEMO — GTIN không có thật / not a real GTIN</text>` : "") +
    `</g>`
  const body = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => label(left + c * w, top + r * h)).join("")).join("")
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="210mm" height="297mm" viewBox="0 0 210 297">` +
    `<title>${escapeXml(`${l.product_title} — ${l.lot_number}`)}</title>` +
    `<desc>${escapeXml(l.uri)}</desc>${body}</svg>\n`
  )
}
