import type { Logger, ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"

type Options = { channels?: string[] }

/**
 * The development notification provider: it records that a message was sent,
 * to whom and with which template — never its data. Medusa's local provider
 * logs `JSON.stringify(notification.data)`, and our data carries password-reset
 * links and invite URLs: their tokens ended up in every log file. The full
 * notification (data included) is still stored by the Notification module, for
 * the admin's `GET /admin/notifications`.
 *
 * Production sends real email: register an email provider (e.g.
 * `@medusajs/medusa/notification-sendgrid`) for the channel in medusa-config.ts.
 */
export default class LogNotificationProviderService extends AbstractNotificationProviderService {
  static identifier = "notification-log"

  protected logger_: Logger

  constructor({ logger }: { logger: Logger }, _options: Options) {
    super()
    this.logger_ = logger
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    if (!notification) throw new MedusaError(MedusaError.Types.INVALID_DATA, "No notification information provided")
    this.logger_.info(logLine(notification))
    return {}
  }
}

/** What the log says about a notification: recipient, channel, template. Exported for its unit test. */
export function logLine(n: Pick<ProviderSendNotificationDTO, "to" | "channel" | "template">): string {
  return `Notification sent to '${n.to}' on channel '${n.channel}' with template '${n.template}' (data not logged)`
}
