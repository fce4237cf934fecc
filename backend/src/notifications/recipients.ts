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

/**
 * The language of a message to a producer: Huế's OCOP subjects register and work in the
 * portal in Vietnamese, and the producer record has no language of its own yet.
 */
export function producerLocale(): MessageLocale {
  return "vi"
}

/** Non-essential messages are skipped for a recipient whose metadata says `notifications: "essential"`. */
export function wantsOnlyEssential(metadata: Record<string, unknown> | null | undefined): boolean {
  return metadata?.notifications === "essential"
}

export function storefrontUrl(): string {
  return (process.env.STOREFRONT_URL || "http://localhost:8000").replace(/\/$/, "")
}
