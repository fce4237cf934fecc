import type { MedusaContainer } from "@medusajs/framework/types"
import { NOTIFICATION_PREFERENCE_MODULE, type PreferenceDTO, type RecipientType } from "../modules/notification-preference"
import type NotificationPreferenceModuleService from "../modules/notification-preference/service"
import { unsubscribeToken } from "./secrets"
import { toMessageLocale, type MessageLocale } from "./format"

/**
 * The language of a message to a shopper: the locale the order was placed in (the storefront
 * stores it in the cart's metadata, which Medusa copies to the order), else the customer's
 * stored preference (`customer.metadata.locale`), else Vietnamese for a Vietnamese delivery
 * address and English for any other.
 */
export function shopperLocale(input: {
  order_metadata?: Record<string, unknown> | null
  customer_metadata?: Record<string, unknown> | null
  country_code?: string | null
}): MessageLocale {
  return (
    toMessageLocale(input.order_metadata?.locale) ??
    toMessageLocale(input.customer_metadata?.locale) ??
    (!input.country_code || input.country_code.toLowerCase() === "vn" ? "vi" : "en")
  )
}

export const DEFAULT_PREFERENCE: PreferenceDTO = { non_essential: true, locale: null }

/** A recipient's stored preference, or the defaults (every message; producers in Vietnamese). */
export async function preferenceOf(container: MedusaContainer, type: RecipientType, id: string | null | undefined): Promise<PreferenceDTO> {
  if (!id) return DEFAULT_PREFERENCE
  const service: NotificationPreferenceModuleService = container.resolve(NOTIFICATION_PREFERENCE_MODULE)
  const [row] = await service.listNotificationPreferences({ recipient_type: type, recipient_id: id }, { take: 1 })
  return row ? { non_essential: row.non_essential, locale: (row.locale as PreferenceDTO["locale"]) ?? null } : DEFAULT_PREFERENCE
}

/**
 * The language of a message to a producer: the one chosen in the portal's profile, else
 * Vietnamese (Huế's OCOP subjects register and work in the portal in Vietnamese).
 */
export function producerLocale(preference: PreferenceDTO = DEFAULT_PREFERENCE): MessageLocale {
  return toMessageLocale(preference.locale) ?? "vi"
}

function backendUrl(): string {
  return (process.env.MEDUSA_BACKEND_URL || `http://localhost:${process.env.PORT || 9000}`).replace(/\/$/, "")
}

/**
 * The footer and List-Unsubscribe links of a non-essential message: the signed one-click URL
 * (POST /notifications/unsubscribe, RFC 8058; a GET on it shows a confirmation button) and the
 * page where the recipient can turn the messages back on.
 */
export function optOutLinks(type: RecipientType, id: string, locale: MessageLocale, secret: string) {
  return {
    unsubscribe_url: `${backendUrl()}/notifications/unsubscribe?token=${encodeURIComponent(unsubscribeToken(type, id, secret))}`,
    preferences_url: `${storefrontUrl()}/${locale}/${type === "customer" ? "account" : "producer/profile"}#notifications`,
  }
}

export function storefrontUrl(): string {
  return (process.env.STOREFRONT_URL || "http://localhost:8000").replace(/\/$/, "")
}
