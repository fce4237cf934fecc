import "server-only"
import QRCode from "qrcode"

/**
 * A QR code as an inline SVG string, rendered on the server (no client JS, no
 * external service). Purple on white keeps a strong contrast for scanners.
 */
export async function qrSvg(text: string, opts: { size?: number; margin?: number } = {}): Promise<string | null> {
  try {
    return await QRCode.toString(text, {
      type: "svg",
      errorCorrectionLevel: "M",
      margin: opts.margin ?? 1,
      width: opts.size ?? 160,
      color: { dark: "#2e1245", light: "#ffffff" },
    })
  } catch (e) {
    console.error("[qr] could not encode:", (e as Error).message)
    return null
  }
}

/** Same QR as a data: URL (for <img>). */
export async function qrDataUrl(text: string, size = 200): Promise<string | null> {
  const svg = await qrSvg(text, { size })
  return svg ? `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` : null
}
