import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { escapeHtml, readMessage, refuseUnlessEnabled, sendPage } from "../viewer"

/**
 * GET /dev/mail/:id — one message: headers, the HTML part (inline images resolved) in a
 * sandboxed frame and the plain-text part. ?part=html serves the HTML alone, ?part=raw the .eml.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  if (refuseUnlessEnabled(res)) return
  const found = await readMessage(req.params.id)
  if (!found) return res.status(404).json({ type: "not_found", message: "No such message" })
  const { raw, mail } = found
  const part = (req.query as Record<string, unknown>).part
  if (part === "raw") {
    res.setHeader("content-type", "message/rfc822")
    res.setHeader("content-disposition", `attachment; filename="${req.params.id}.eml"`)
    return res.send(raw)
  }
  if (part === "html") {
    // mailparser has already turned cid: images (the VietQR code) into data: URLs.
    const html = typeof mail.html === "string" ? mail.html : ""
    res.setHeader("content-type", "text/html; charset=utf-8")
    res.setHeader("content-security-policy", "default-src 'none'; img-src data:; style-src 'unsafe-inline'")
    return res.send(html)
  }
  const to = mail.to ? (Array.isArray(mail.to) ? mail.to : [mail.to]).map((a) => a.text).join(", ") : ""
  sendPage(
    res,
    mail.subject ?? "Message",
    `<p><a href="/dev/mail">← all messages</a> · <a href="?part=raw">download .eml</a></p>` +
      `<table><tr><th>From</th><td>${escapeHtml(mail.from?.text)}</td></tr><tr><th>To</th><td>${escapeHtml(to)}</td></tr>` +
      `<tr><th>Subject</th><td>${escapeHtml(mail.subject)}</td></tr><tr><th>Date</th><td>${escapeHtml(mail.date?.toISOString())}</td></tr></table>` +
      `<h2>HTML</h2><iframe sandbox src="?part=html" title="HTML part"></iframe>` +
      `<h2>Plain text</h2><pre style="white-space:pre-wrap">${escapeHtml(mail.text)}</pre>`
  )
}
