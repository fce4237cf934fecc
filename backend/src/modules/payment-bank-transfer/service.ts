import { AbstractPaymentProvider, BigNumber, MedusaError, PaymentActions, PaymentSessionStatus } from "@medusajs/framework/utils"
import type {
  AuthorizePaymentInput,
  AuthorizePaymentOutput,
  CancelPaymentInput,
  CancelPaymentOutput,
  CapturePaymentInput,
  CapturePaymentOutput,
  DeletePaymentInput,
  DeletePaymentOutput,
  GetPaymentStatusInput,
  GetPaymentStatusOutput,
  InitiatePaymentInput,
  InitiatePaymentOutput,
  RefundPaymentInput,
  RefundPaymentOutput,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types"
import { buildVietQrPayload, makeTransferReference } from "./vietqr"

/**
 * Amounts reach providers as numbers, strings or Medusa's raw big-number objects
 * (`{ value: "45000", precision: 20 }` for refunds): `Number()` turns the latter into NaN.
 */
function toAmount(amount: unknown): number {
  return new BigNumber(amount as any).numeric
}

export type BankTransferOptions = {
  bank_bin: string
  account_number: string
  account_name: string
  bank_name: string
}

/**
 * Bank transfer with a VietQR code (chuyển khoản ngân hàng).
 *
 * Each payment session gets a unique transfer reference and an EMVCo/VietQR
 * payload for the exact amount, which the storefront renders as a QR code.
 * The order is authorised at checkout; an admin captures the payment once the
 * transfer shows up on the bank statement ("mark as paid").
 * VietQR carries VND only, so the provider refuses other currencies.
 */
class BankTransferProviderService extends AbstractPaymentProvider<BankTransferOptions> {
  static identifier = "bank-transfer"
  protected options_: BankTransferOptions

  constructor(container: Record<string, unknown>, options: BankTransferOptions) {
    super(container, options)
    this.options_ = options
  }

  static validateOptions(options: Record<string, unknown>) {
    for (const key of ["bank_bin", "account_number", "account_name"]) {
      if (!options?.[key]) throw new Error(`bank-transfer payment provider: option ${key} is required`)
    }
  }

  private instructions(amount: number, currency: string, reference: string) {
    if (currency.toLowerCase() !== "vnd") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Bank transfer by VietQR is only available for payments in VND.")
    }
    // VND has no minor unit: a QR code carries whole đồng.
    amount = Math.round(amount)
    let vietqrPayload: string
    try {
      vietqrPayload = buildVietQrPayload({
        bankBin: this.options_.bank_bin,
        accountNumber: this.options_.account_number,
        amount,
        currency: "VND",
        reference,
      })
    } catch (e) {
      // A plain Error would reach the storefront as "An unknown error occurred."
      throw new MedusaError(MedusaError.Types.INVALID_DATA, (e as Error).message)
    }
    return {
      method: "bank_transfer",
      bank_name: this.options_.bank_name,
      bank_bin: this.options_.bank_bin,
      account_number: this.options_.account_number,
      account_name: this.options_.account_name,
      amount,
      currency_code: "vnd",
      reference,
      vietqr_payload: vietqrPayload,
    }
  }

  async initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    const reference = makeTransferReference(String((input.data?.session_id as string | undefined) ?? input.context?.idempotency_key ?? Date.now()))
    return { id: reference, data: this.instructions(toAmount(input.amount), input.currency_code, reference) }
  }
  async updatePayment(input: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    const reference = String((input.data?.reference as string | undefined) ?? makeTransferReference(String(Date.now())))
    return { data: this.instructions(toAmount(input.amount), input.currency_code, reference) }
  }
  async authorizePayment(input: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    return { status: PaymentSessionStatus.AUTHORIZED, data: { ...(input.data ?? {}), awaiting_transfer: true } }
  }
  async capturePayment(input: CapturePaymentInput): Promise<CapturePaymentOutput> {
    return { data: { ...(input.data ?? {}), awaiting_transfer: false, received_at: new Date().toISOString() } }
  }
  async cancelPayment(input: CancelPaymentInput): Promise<CancelPaymentOutput> {
    return { data: { ...(input.data ?? {}), cancelled_at: new Date().toISOString() } }
  }
  async deletePayment(input: DeletePaymentInput): Promise<DeletePaymentOutput> {
    return { data: input.data ?? {} }
  }
  async refundPayment(input: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const refunds = Array.isArray(input.data?.refunds) ? (input.data!.refunds as unknown[]) : []
    return {
      data: { ...(input.data ?? {}), refunds: [...refunds, { amount: toAmount(input.amount), at: new Date().toISOString() }] },
    }
  }
  async retrievePayment(input: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    return input.data ?? {}
  }
  async getPaymentStatus(input: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    return { status: input.data?.received_at ? PaymentSessionStatus.CAPTURED : PaymentSessionStatus.AUTHORIZED }
  }
  async getWebhookActionAndData(): Promise<WebhookActionResult> {
    return { action: PaymentActions.NOT_SUPPORTED }
  }
}

export default BankTransferProviderService
