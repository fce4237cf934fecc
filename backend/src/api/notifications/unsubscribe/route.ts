import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { notificationSecret, verifyUnsubscribeToken } from "../../../notifications/secrets"
import { setNotificationPreferenceWorkflow } from "../../../workflows/notification-preferences"
import { escapeHtml } from "../../dev/mail/viewer"
import { UnsubscribeQuery } from "../validators"

/** The signed recipient of the link, or a 400 (malformed or forged token: nothing changes). */
function recipientOf(req: MedusaRequest) {
  const parsed = UnsubscribeQuery.safeParse(req.query)
  const recipient = parsed.success ? verifyUnsubscribeToken(parsed.data.token, notificationSecret(req.scope)) : null
  if (!recipient) throw new MedusaError(MedusaError.Types.INVALID_DATA, "This unsubscribe link is not valid.")
  return recipient
}

function page(res: MedusaResponse, body: string) {
  res.setHeader("content-type", "text/html; charset=utf-8")
  res.setHeader("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
  res.setHeader("cache-control", "no-store")
  res.setHeader("referrer-policy", "no-referrer")
  res.send(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Chợ OCOP Huế</title><style>body{font:15px/1.5 system-ui,sans-serif;margin:32px auto;max-width:560px;color:#1f1a24}
button{background:#2e1245;color:#fff;border:0;border-radius:6px;padding:10px 18px;font-size:15px}</style></head><body>${body}</body></html>`)
}

/**
 * GET — the link in a message's footer: a confirmation button, never a change (mail scanners
 * and link previews follow GET links).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  recipientOf(req)
  const token = escapeHtml((req.query as Record<string, string>).token)
  page(
    res,
    `<h1>Hủy nhận thư không thiết yếu / Unsubscribe</h1>
<p>Thư về đơn hàng, thanh toán và bảo mật vẫn được gửi. / Order, payment and security mail still comes.</p>
<form method="post" action="?token=${token}"><button type="submit" name="List-Unsubscribe" value="One-Click">Hủy nhận / Unsubscribe</button></form>`
  )
}

/**
 * POST — RFC 8058 one-click (the mail client posts `List-Unsubscribe=One-Click` to the URL of the
 * List-Unsubscribe header) or the button above: essential mail only from now on.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const recipient = recipientOf(req)
  await setNotificationPreferenceWorkflow(req.scope).run({
    input: { recipient_type: recipient.kind, recipient_id: recipient.id, non_essential: false },
  })
  if (String(req.headers.accept ?? "").includes("text/html")) {
    return page(res, "<h1>Đã hủy nhận / Unsubscribed</h1><p>Bật lại trong trang tài khoản. / Turn it back on in your account.</p>")
  }
  res.json({ unsubscribed: true })
}
