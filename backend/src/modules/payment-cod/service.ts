import crypto from "node:crypto"
import { AbstractPaymentProvider, BigNumber, PaymentActions, PaymentSessionStatus } from "@medusajs/framework/utils"
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

/**
 * Amounts reach providers as numbers, strings or Medusa's raw big-number objects
 * (`{ value: "45000", precision: 20 }` for refunds): `Number()` turns the latter into NaN.
 */
function toAmount(amount: unknown): number {
  return new BigNumber(amount as any).numeric
}

/**
 * Cash on delivery (thanh toán khi nhận hàng), the most common way to pay in Vietnam.
 *
 * The order is authorised at checkout (nothing is owed yet) and captured by an
 * admin when the courier hands the cash over. Refunds are recorded, not sent.
 */
class CashOnDeliveryProviderService extends AbstractPaymentProvider {
  static identifier = "cod"

  constructor(container: Record<string, unknown>, options: Record<string, unknown> = {}) {
    super(container, options)
  }

  async initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    return {
      id: `cod_${crypto.randomUUID()}`,
      data: { method: "cash_on_delivery", amount: toAmount(input.amount), currency_code: input.currency_code },
    }
  }
  async updatePayment(input: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    return { data: { ...(input.data ?? {}), amount: toAmount(input.amount), currency_code: input.currency_code } }
  }
  async authorizePayment(input: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    return { status: PaymentSessionStatus.AUTHORIZED, data: { ...(input.data ?? {}), collect_on_delivery: true } }
  }
  async capturePayment(input: CapturePaymentInput): Promise<CapturePaymentOutput> {
    return { data: { ...(input.data ?? {}), collected_at: new Date().toISOString() } }
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
    return { status: input.data?.collected_at ? PaymentSessionStatus.CAPTURED : PaymentSessionStatus.AUTHORIZED }
  }
  async getWebhookActionAndData(): Promise<WebhookActionResult> {
    return { action: PaymentActions.NOT_SUPPORTED }
  }
}

export default CashOnDeliveryProviderService
