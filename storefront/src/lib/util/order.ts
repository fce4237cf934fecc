import type { HttpTypes } from "@medusajs/types"

export type BankTransferData = {
  bank_name?: string
  account_number?: string
  account_name?: string
  amount?: number
  reference?: string
  vietqr_payload?: string
}

type Payable = {
  provider_id?: string | null
  data?: Record<string, unknown> | null
}

/** The provider and its data for an order (payments first, then sessions). */
export function orderPayment(order: Pick<HttpTypes.StoreOrder, "payment_collections">): { providerId: string | null; data: Record<string, unknown> } {
  for (const pc of order.payment_collections ?? []) {
    const list: Payable[] = [
      ...(((pc as { payments?: Payable[] | null }).payments ?? [])),
      ...(((pc as { payment_sessions?: Payable[] | null }).payment_sessions ?? [])),
    ]
    const withData = list.find((p) => p?.data && Object.keys(p.data).length) ?? list[0]
    if (withData) return { providerId: withData.provider_id ?? null, data: (withData.data ?? {}) }
  }
  return { providerId: null, data: {} }
}

export function bankTransferOf(data: Record<string, unknown>): BankTransferData | null {
  return typeof data.vietqr_payload === "string" || typeof data.account_number === "string" ? (data) : null
}
