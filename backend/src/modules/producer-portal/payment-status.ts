/**
 * An order's payment as a producer needs to see it, derived from Medusa's payment
 * collection and the provider that took it (pure; unit-tested in
 * payment-status.unit.spec.ts). It answers the producer's one question: may I
 * send the goods now?
 *
 * - cash on delivery: the carrier collects the money, so COD ships before it is
 *   paid (`cod_to_collect`), and is `paid` once the admin records the collection;
 * - bank transfer (VietQR): the provider "authorizes" at checkout only to place
 *   the order; the money has arrived when the admin captures it. Until then the
 *   order is `awaiting_transfer` and must not ship;
 * - card (Stripe) with manual capture: authorized funds are not yet ours
 *   (`awaiting_capture`); with automatic capture the order is `paid` at checkout;
 * - anything else (Medusa's manual "pay by invoice", a collection without a
 *   payment): `awaiting_payment`;
 * - a refunded or canceled payment never ships.
 */

export const ORDER_PAYMENT_STATUSES = [
  "paid",
  "cod_to_collect",
  "awaiting_transfer",
  "awaiting_capture",
  "awaiting_payment",
  "refunded",
  "canceled",
] as const
export type OrderPaymentStatus = (typeof ORDER_PAYMENT_STATUSES)[number]

export type PaymentMethod = "cod" | "bank_transfer" | "card" | "invoice" | "other"

export type PaymentCollectionInput = {
  status?: string | null
  refunded_amount?: unknown
  payments?: ({ provider_id?: string | null; captured_at?: unknown; canceled_at?: unknown } | null)[] | null
  payment_sessions?: ({ provider_id?: string | null; status?: string | null } | null)[] | null
}

/** The order fields (through Medusa's order ↔ payment collection link) that `orderPayment` reads. */
export const ORDER_PAYMENT_FIELDS = [
  "payment_collections.status",
  "payment_collections.refunded_amount",
  "payment_collections.payments.provider_id",
  "payment_collections.payments.captured_at",
  "payment_collections.payments.canceled_at",
  "payment_collections.payment_sessions.provider_id",
  "payment_collections.payment_sessions.status",
]

export type OrderPayment = { status: OrderPaymentStatus; method: PaymentMethod | null; can_ship: boolean }

/** Provider ids are `pp_<module id>_<provider id>` (medusa-config.ts registers `cod`, `bank-transfer`, `stripe`). */
export function paymentMethodOf(providerId: string | null | undefined): PaymentMethod | null {
  if (!providerId) return null
  if (providerId.startsWith("pp_cod_")) return "cod"
  if (providerId.startsWith("pp_bank-transfer_")) return "bank_transfer"
  if (providerId.startsWith("pp_stripe")) return "card"
  if (providerId === "pp_system_default") return "invoice"
  return "other"
}

function amount(v: unknown): number {
  if (v && typeof v === "object" && "numeric" in (v as Record<string, unknown>)) return Number((v as { numeric: unknown }).numeric)
  return Number(v ?? 0) || 0
}

const SHIPPABLE: readonly OrderPaymentStatus[] = ["paid", "cod_to_collect"]

export function orderPayment(collections: (PaymentCollectionInput | null)[] | null | undefined): OrderPayment {
  const result = (status: OrderPaymentStatus, method: PaymentMethod | null): OrderPayment => ({
    status,
    method,
    can_ship: SHIPPABLE.includes(status),
  })
  const live = (collections ?? []).filter((c): c is PaymentCollectionInput => !!c)
  const payments = live.flatMap((c) => c.payments ?? []).filter((p): p is NonNullable<typeof p> => !!p)
  const active = payments.filter((p) => !p.canceled_at)
  const session = live.flatMap((c) => c.payment_sessions ?? []).find((s) => s?.provider_id)
  const method = paymentMethodOf(active[0]?.provider_id ?? payments[0]?.provider_id ?? session?.provider_id)

  if (live.some((c) => c.status === "refunded" || c.status === "partially_refunded" || amount(c.refunded_amount) > 0)) {
    return result("refunded", method)
  }
  if (payments.length && !active.length) return result("canceled", method)
  if (live.length && live.every((c) => c.status === "canceled")) return result("canceled", method)
  if (!active.length) return result("awaiting_payment", method)
  if (active.every((p) => !!p.captured_at)) return result("paid", method)
  switch (method) {
    case "cod":
      return result("cod_to_collect", method)
    case "bank_transfer":
      return result("awaiting_transfer", method)
    case "card":
      return result("awaiting_capture", method)
    default:
      return result("awaiting_payment", method)
  }
}

/** Why a producer may not ship this order yet (null when it may), for the 400 `order_not_paid`. */
export function unpaidShippingProblem(payment: OrderPayment): string | null {
  if (payment.can_ship) return null
  switch (payment.status) {
    case "awaiting_transfer":
      return "The shopper's bank transfer has not been received yet. Ship this order once the OCOP office marks it paid."
    case "awaiting_capture":
      return "The card payment is authorized but not captured yet. Ship this order once the OCOP office captures it."
    case "refunded":
      return "This order's payment was refunded; do not ship it."
    case "canceled":
      return "This order's payment was canceled; do not ship it."
    default:
      return "This order has not been paid yet. Ship it once the OCOP office marks it paid."
  }
}

export const ORDER_NOT_PAID = "order_not_paid"
