import type { MessageLocale } from "./format"

/** A postal address as Medusa stores it on an order. */
export type MessageAddress = {
  first_name?: string | null
  last_name?: string | null
  company?: string | null
  address_1?: string | null
  address_2?: string | null
  city?: string | null
  province?: string | null
  postal_code?: string | null
  country_code?: string | null
  phone?: string | null
}

export type MessageLine = {
  title: string
  variant_title?: string | null
  quantity: number
  unit_price: number
  total: number
  producer_name?: string | null
  stars?: number | null
}

/** What every message's data carries besides its own fields. */
export type MessageBase = {
  locale: MessageLocale
  /** Storefront base URL, no trailing slash: every link in a message starts here. */
  storefront_url: string
  /** Where the recipient turns off non-essential messages (only non-essential ones show it). */
  preferences_url?: string | null
  /** Signed one-click unsubscribe URL (non-essential messages only; List-Unsubscribe + footer). */
  unsubscribe_url?: string | null
}

export type OrderPlacedData = MessageBase & {
  order: {
    id: string
    display_id: number | string
    currency_code: string
    email: string
    items: MessageLine[]
    subtotal: number
    shipping_total: number
    discount_total: number
    tax_total: number
    total: number
    shipping_address: MessageAddress | null
  }
  payment:
    | { method: "cod"; amount: number }
    | {
        method: "bank_transfer"
        amount: number
        reference: string
        bank_name: string
        account_number: string
        account_name: string
        vietqr_payload: string
      }
    | { method: "card" | "other"; amount: number }
}

export type ProducerOrderData = MessageBase & {
  producer: { id: string; name: string }
  order: {
    id: string
    display_id: number | string
    currency_code: string
    items: MessageLine[]
    shipping_address: MessageAddress | null
  }
}

export type ShipmentData = MessageBase & {
  order: { id: string; display_id: number | string }
  producer_name: string | null
  carrier: string | null
  items: { title: string; quantity: number }[]
  tracking: { number: string; url: string | null }[]
}

export type ProducerDecisionData = MessageBase & {
  producer_name: string
  decision: "approved" | "rejected"
  reason: string | null
}

export type ListingReviewedData = MessageBase & {
  producer_name: string
  product_id: string
  product_title: string
  decision: "approved" | "rejected"
  note: string | null
}

export type CertificateExpiryData = MessageBase & {
  producer_name: string
  product_title: string
  certificate_number: string
  valid_until: string
  /** 90 or 30 days ahead, or 0 once it has lapsed. */
  stage: 90 | 30 | 0
  days_left: number
}

/** Who asked: a shopper (storefront account), a producer (portal) or an admin user (dashboard). */
export type ResetActor = "customer" | "producer" | "user"

/**
 * `url` carries the reset token: the workflow stores it as `sealed_url` (notifications/secrets.ts)
 * and only the mail provider opens it, so the notification row never holds the token in clear.
 */
export type PasswordResetData = MessageBase & { actor: ResetActor; url: string }

/** Sealed like the reset link: the invite URL carries the invite token. */
export type ProducerInviteData = MessageBase & { producer_name: string; url: string; expires_at: string }

export type PaymentReceivedData = MessageBase & {
  order: { id: string; display_id: number | string; currency_code: string }
  amount: number
}

export type OrderCanceledData = MessageBase & {
  order: { id: string; display_id: number | string; currency_code: string }
  /** What was already paid and is refunded with the cancellation (0 when nothing was captured). */
  refunded: number
}

/** A refund made outside a cancellation (the cancellation message covers those). */
export type PaymentRefundedData = MessageBase & {
  order: { id: string; display_id: number | string; currency_code: string }
  amount: number
  note: string | null
}

/** The office's daily digest, to each admin user. */
export type AdminDigestData = MessageBase & {
  /** The day it covers (ISO). */
  date: string
  admin_url: string
  pending_producers: { id: string; name: string; applied_at: string }[]
  pending_certifications: { id: string; certificate_number: string; product_title: string; producer_name: string }[]
  expiring: { id: string; certificate_number: string; product_title: string; producer_name: string; valid_until: string }[]
}
