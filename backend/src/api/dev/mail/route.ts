import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { mailSettings } from "../../../modules/notification-mail/settings"
import { escapeHtml, listMessageIds, readMessage, refuseUnlessEnabled, sendPage } from "./viewer"

/** GET /dev/mail — the messages kept in the mail folder, newest first (JSON with ?format=json). */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  if (refuseUnlessEnabled(res)) return
  const ids = (await listMessageIds()).slice(0, 200)
  const messages: { id: string; date: string | null; to: string; subject: string; template: string }[] = []
  for (const id of ids) {
    const m = await readMessage(id)
    if (!m) continue
    messages.push({
      id,
      date: m.mail.date?.toISOString() ?? null,
      to: m.mail.to ? (Array.isArray(m.mail.to) ? m.mail.to : [m.mail.to]).map((a) => a.text).join(", ") : "",
      subject: m.mail.subject ?? "",
      template: (() => { const t = m.mail.headers.get("x-ocop-template"); return typeof t === "string" ? t : "" })(),
    })
  }
  if ((req.query as Record<string, unknown>).format === "json") return res.json({ messages })
  const rows = messages
    .map(
      (m) =>
        `<tr><td>${escapeHtml(m.date?.replace("T", " ").slice(0, 19))}</td><td>${escapeHtml(m.to)}</td>` +
        `<td><a href="/dev/mail/${encodeURIComponent(m.id)}">${escapeHtml(m.subject)}</a></td><td>${escapeHtml(m.template)}</td></tr>`
    )
    .join("")
  sendPage(
    res,
    "Local mail",
    `<h1>Local mail</h1><p>Messages the backend would have sent (no SMTP_URL set), kept in <code>${escapeHtml(mailSettings().mailDir)}</code>.</p>` +
      (rows ? `<table><thead><tr><th>Date (UTC)</th><th>To</th><th>Subject</th><th>Template</th></tr></thead><tbody>${rows}</tbody></table>` : "<p>No messages yet.</p>")
  )
}
