import { ImageResponse } from "next/og"

export const alt = "Huế OCOP Market — certified One Commune One Product specialities"
export const size = { width: 1200, height: 630 }
export const contentType = "image/png"

/**
 * The site's Open Graph card, drawn at request time with next/og (no external
 * fonts or images: the bundled font is used, and text stays within Latin so no
 * web-font download is attempted on an offline server).
 */
export default async function Image({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params
  const vi = locale !== "en"
  return new ImageResponse(
    (
      <div
        style={{
          width: "100%",
          height: "100%",
          display: "flex",
          flexDirection: "column",
          justifyContent: "space-between",
          padding: 72,
          background: "linear-gradient(150deg, #2e1245 0%, #5b2a86 70%, #7340a3 100%)",
          color: "#ffffff",
        }}
      >
        <div style={{ display: "flex", alignItems: "center", gap: 24 }}>
          <div style={{ width: 88, height: 88, borderRadius: 44, background: "#c8a24a", color: "#2e1245", display: "flex", alignItems: "center", justifyContent: "center", fontSize: 40, fontWeight: 700 }}>O</div>
          <div style={{ fontSize: 44, color: "#e6cf8e", letterSpacing: 2 }}>OCOP · HUE</div>
        </div>
        <div style={{ display: "flex", flexDirection: "column", gap: 16 }}>
          <div style={{ fontSize: 76, lineHeight: 1.05, maxWidth: 1000 }}>Hue OCOP Market</div>
          <div style={{ fontSize: 36, color: "#efe6f7", maxWidth: 1000 }}>
            {vi ? "One Commune One Product · 3-5 star certified specialities" : "Certified One Commune One Product specialities, 3 to 5 stars"}
          </div>
        </div>
        <div style={{ display: "flex", gap: 16 }}>{[3, 4, 5].map((n) => <div key={n} style={{ display: "flex", padding: "8px 22px", borderRadius: 40, border: "2px solid #c8a24a", color: "#e6cf8e", fontSize: 30 }}>{`${n} STAR${n > 1 ? "S" : ""}`}</div>)}</div>
      </div>
    ),
    size
  )
}
