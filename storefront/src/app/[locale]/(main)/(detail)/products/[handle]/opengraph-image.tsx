import { ImageResponse } from "next/og"
import { getProductByHandle } from "@/lib/data/products"
import { listRegions } from "@/lib/data/regions"
import { toLocale } from "@/lib/util/locale"
import { localizedProduct } from "@/lib/util/ocop"
import { foldText } from "@/lib/util/search"

export const alt = "OCOP product"
export const size = { width: 1200, height: 630 }
export const contentType = "image/png"

/** Ascii-only text keeps next/og on its bundled font (no web-font download on an offline server). */
function ascii(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^\x20-\x7E]/g, "")
}

/** A product's share card: title, OCOP stars, producer and district. */
export default async function Image({ params }: { params: Promise<{ locale: string; handle: string }> }) {
  const { locale: raw, handle } = await params
  const locale = toLocale(raw)
  const regions = await listRegions()
  const region = regions.ok ? regions.data.find((r) => r.currency_code === (locale === "en" ? "usd" : "vnd")) : undefined
  const res = await getProductByHandle(handle, region?.id)
  const p = res.ok ? res.data : null
  const title = p ? ascii(localizedProduct(p, locale).title) : ascii(foldText(handle.replace(/-/g, " ")))
  const cert = p?.current_certification ?? null
  const producer = p?.producer ? ascii([p.producer.legal_name, p.producer.district].filter(Boolean).join(" - ")) : ""
  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", justifyContent: "space-between", padding: 72, background: "linear-gradient(150deg, #2e1245 0%, #5b2a86 75%)", color: "#fff" }}>
        <div style={{ display: "flex", fontSize: 34, color: "#e6cf8e", letterSpacing: 2 }}>HUE OCOP MARKET</div>
        <div style={{ display: "flex", flexDirection: "column", gap: 20 }}>
          {cert ? (
            <div style={{ display: "flex" }}>
              <div style={{ display: "flex", padding: "10px 26px", borderRadius: 40, background: "#2e1245", border: "3px solid #c8a24a", color: "#e6cf8e", fontSize: 34 }}>
                {`OCOP ${cert.stars} STARS${cert.potential_five_star ? "  -  POTENTIAL 5" : ""}`}
              </div>
            </div>
          ) : null}
          <div style={{ fontSize: 72, lineHeight: 1.08, maxWidth: 1050 }}>{title}</div>
          {producer ? <div style={{ fontSize: 34, color: "#efe6f7" }}>{producer}</div> : null}
        </div>
        <div style={{ display: "flex", fontSize: 26, color: "#e6cf8e" }}>{cert ? `Certificate ${ascii(cert.certificate_number)} - verify by QR on the product page` : " "}</div>
      </div>
    ),
    size
  )
}
