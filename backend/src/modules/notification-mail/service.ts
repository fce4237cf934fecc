import fs from "node:fs/promises"
import path from "node:path"
import type { Logger, ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import nodemailer, { type Transporter } from "nodemailer"
import { isEssential, isTemplateName, renderEmail } from "../../notifications/render"
import { openSealedFields } from "../../notifications/secrets"

export type MailProviderOptions = {
  channels?: string[]
  /** RFC 5322 sender, e.g. `Chợ OCOP Huế <no-reply@ocop-hue.vn>`. Required with smtp_url. */
  from?: string
  /** smtp(s)://user:pass@host:port — when absent, messages are written as .eml files to mail_dir. */
  smtp_url?: string
  mail_dir?: string
  /** Attempts after the first on a transient transport error (connection refused, 4xx reply). */
  retries?: number
  /** First back-off delay; doubled on each retry. */
  retry_base_ms?: number
  /** Opens `sealed_*` data fields (reset and invite links): the deployment's JWT secret. */
  seal_secret?: string
}

/** Nodemailer's codes for a connection that failed or broke: worth another try. */
const TRANSIENT_CODES = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "ECONNREFUSED", "ECONNRESET", "EPROTOCOL"])

export function isTransient(error: any): boolean {
  const reply = Number(error?.responseCode)
  if (reply >= 400 && reply < 500) return true
  if (reply >= 500) return false
  return TRANSIENT_CODES.has(error?.code)
}

/**
 * Email through Medusa's Notification Module, on nodemailer: SMTP when `smtp_url` is set,
 * otherwise one RFC 822 `.eml` file per message in `mail_dir` (the quick start's local mail viewer
 * lists them at /dev/mail). Templates are rendered here from `template` + `data`
 * (src/notifications/render.ts), so callers never build HTML.
 *
 * The log says only "sent <template> to <recipient>": never the data, which can carry links
 * with tokens (password reset, invites) and addresses.
 */
export default class MailNotificationProviderService extends AbstractNotificationProviderService {
  static identifier = "notification-mail"

  protected readonly logger_: Logger
  protected readonly options_: Required<Pick<MailProviderOptions, "retries" | "retry_base_ms">> & MailProviderOptions
  protected readonly transport_: Transporter

  static validateOptions(options: Record<string, unknown>) {
    if (options.smtp_url && !options.from) {
      throw new Error("notification-mail: MAIL_FROM must be set when SMTP_URL is set (the sender address of every message).")
    }
    if (!options.smtp_url && !options.mail_dir) throw new Error("notification-mail: mail_dir is required without smtp_url.")
  }

  constructor({ logger }: { logger: Logger }, options: MailProviderOptions) {
    super()
    this.logger_ = logger
    this.options_ = { retries: 4, retry_base_ms: 500, ...options }
    this.transport_ = options.smtp_url
      ? nodemailer.createTransport({ url: options.smtp_url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 } as any)
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" })
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    const template = notification.template
    if (!isTemplateName(template)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `notification-mail: unknown template "${template}"`)
    }
    // Reset and invite links arrive sealed (the notification row must not hold their tokens).
    const data = openSealedFields((notification.data ?? {}) as Record<string, unknown>, this.options_.seal_secret) as {
      preferences_url?: string | null
      unsubscribe_url?: string | null
    }
    const email = await renderEmail(template, data as any)
    // The module passes its notification row, id included, though the DTO type does not name it.
    const notificationId = (notification as { id?: string }).id
    const unsubscribe = !isEssential(template, data as any) && data.unsubscribe_url ? data.unsubscribe_url : null
    const message = {
      from: notification.from || this.options_.from,
      to: notification.to,
      subject: email.subject,
      html: email.html,
      text: email.text,
      attachments: email.attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType, cid: a.cid })),
      headers: {
        "X-OCOP-Template": template,
        ...(notificationId ? { "X-OCOP-Notification": notificationId } : {}),
        // Non-essential mail only (order and security messages cannot be turned off). RFC 8058: one
        // List-Unsubscribe header with the signed https URL, which the mail client POSTs
        // "List-Unsubscribe=One-Click" to; the preferences page is linked in the footer.
        ...(unsubscribe ? { "List-Unsubscribe": `<${unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } : {}),
      },
    }

    const info = await this.withRetries(template, () => this.transport_.sendMail(message))
    if (!this.options_.smtp_url) await this.keep(info, notificationId)
    this.logger_.info(`sent ${template} to ${notification.to}`)
    return { id: info.messageId }
  }

  private async withRetries<T>(template: string, attempt: () => Promise<T>): Promise<T> {
    for (let i = 0; ; i++) {
      try {
        return await attempt()
      } catch (e: any) {
        if (i >= this.options_.retries || !isTransient(e)) {
          // The code and SMTP reply code only: a server's reply can echo the recipient or content.
          this.logger_.warn(`could not send ${template} (${e?.code ?? "error"}${e?.responseCode ? ` ${e.responseCode}` : ""}) after ${i + 1} attempt(s)`)
          throw new Error(`mail transport failed: ${e?.code ?? "error"}${e?.responseCode ? ` ${e.responseCode}` : ""}`)
        }
        await new Promise((r) => setTimeout(r, this.options_.retry_base_ms * 2 ** i))
      }
    }
  }

  /** Writes the message to mail_dir as `<time>-<notification id>.eml` (the viewer's id). */
  private async keep(info: { message?: unknown; messageId?: string }, notificationId?: string) {
    const dir = path.resolve(this.options_.mail_dir!)
    await fs.mkdir(dir, { recursive: true })
    const stamp = new Date().toISOString().replace(/[-:.]/g, "").replace("T", "-").slice(0, 18)
    const name = `${stamp}-${(notificationId || info.messageId || "mail").replace(/[^\w.-]/g, "")}.eml`
    const tmp = path.join(dir, `.${name}.tmp`)
    await fs.writeFile(tmp, info.message as Buffer, { mode: 0o600 })
    await fs.rename(tmp, path.join(dir, name))
  }
}
