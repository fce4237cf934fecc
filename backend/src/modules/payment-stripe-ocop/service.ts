/**
 * Card payments through Stripe, in VND and USD.
 *
 * A thin subclass of the official `@medusajs/payment-stripe` provider (same
 * identifier "stripe", so the provider id stays `pp_stripe_stripe`). It keeps the
 * official behaviour and adds only:
 *
 * - `apiHost` / `apiPort` / `apiProtocol` options, used by the tests only: the
 *   official provider builds `new Stripe(apiKey)`, which always talks to
 *   api.stripe.com; here the client is rebuilt with `{ host, port, protocol }`
 *   so it can talk to the local Stripe test server (tests/support/stripe-server.ts).
 * - an idempotency key on every write. The official provider forwards
 *   `context.idempotency_key`, which the payment module does not always set (for
 *   instance when a session is deleted or an authorisation is rolled back); keys
 *   are also namespaced per operation so that one Medusa id can never be reused
 *   for two different Stripe requests (Stripe rejects that with an
 *   `idempotency_error`).
 * - clear, typed errors: a declined card makes authorisation fail with
 *   `payment_authorization_error` and Stripe's own message ("Your card was
 *   declined."), which `POST /store/carts/:id/complete` returns to the storefront
 *   next to the untouched cart, instead of "Session … was not authorized with the
 *   provider." Errors from Stripe become `MedusaError`s so the API answers with
 *   their message instead of "An unknown error occurred.".
 *
 * Amounts: the official provider already converts to Stripe's smallest unit with
 * Stripe's currency table — VND is zero-decimal (45.000 ₫ → amount=45000), USD
 * has two decimals ($5.00 → amount=500).
 */
import crypto from "node:crypto"
import { createRequire } from "node:module"
import StripeProviderService from "@medusajs/payment-stripe/dist/services/stripe-provider"
import { MedusaError } from "@medusajs/framework/utils"
import type {
  AuthorizePaymentInput,
  AuthorizePaymentOutput,
  CancelPaymentInput,
  CancelPaymentOutput,
  CapturePaymentInput,
  CapturePaymentOutput,
  CreateAccountHolderInput,
  CreateAccountHolderOutput,
  DeletePaymentMethodInput,
  DeletePaymentMethodOutput,
  InitiatePaymentInput,
  InitiatePaymentOutput,
  PaymentProviderContext,
  RefundPaymentInput,
  RefundPaymentOutput,
  SavePaymentMethodInput,
  SavePaymentMethodOutput,
  UpdateAccountHolderInput,
  UpdateAccountHolderOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
} from "@medusajs/framework/types"

export type StripeOcopOptions = {
  apiKey: string
  webhookSecret: string
  capture?: boolean
  automaticPaymentMethods?: boolean
  paymentMethodConfiguration?: string
  paymentDescription?: string
  /** Tests only: host of a Stripe-compatible server, e.g. "127.0.0.1". */
  apiHost?: string
  apiPort?: number
  apiProtocol?: "http" | "https"
}

type StripeClientConstructor = new (key: string, config?: Record<string, unknown>) => unknown

/**
 * The `stripe` package the official provider was built against (it pins its own
 * major version, which may differ from any other copy in node_modules).
 */
function officialStripeConstructor(): StripeClientConstructor {
  const requireFromProvider = createRequire(require.resolve("@medusajs/payment-stripe"))
  const mod = requireFromProvider("stripe") as StripeClientConstructor & { default?: StripeClientConstructor }
  return mod.default ?? mod
}

type StripeLikeError = {
  type?: string
  code?: string
  decline_code?: string
  message?: string
  raw?: { message?: string; code?: string; decline_code?: string }
}

type LastPaymentError = { message?: string; code?: string; decline_code?: string } | null | undefined

/** What the customer reads when Stripe refused the card. */
export function declineMessage(error: LastPaymentError): string {
  const reason = error?.message?.trim() || "Your card was declined."
  const code = error?.decline_code || error?.code
  const detail = code ? ` (${code})` : ""
  return `${reason}${detail} Please try another card or choose a different payment method.`
}

class StripeOcopProviderService extends StripeProviderService {
  static identifier = "stripe"

  // Public on purpose: ModuleProvider's typing rejects a protected constructor.
  constructor(container: Record<string, unknown>, options: StripeOcopOptions) {
    super(container, options)
    if (options?.apiHost) {
      const Stripe = officialStripeConstructor()
      this.stripe_ = new Stripe(options.apiKey, {
        host: options.apiHost,
        port: options.apiPort,
        protocol: options.apiProtocol ?? "https",
      }) as StripeProviderService["stripe_"]
    }
  }

  /**
   * A key for a Stripe write: the operation name plus the key Medusa gave, or a
   * fresh UUID when it gave none (that still makes the client's network retries
   * safe). Stripe keys are at most 255 characters.
   */
  protected idempotencyKey(operation: string, context: PaymentProviderContext | undefined, fallback?: string): string {
    const base = context?.idempotency_key || fallback || crypto.randomUUID()
    return `${operation}:${base}`.slice(0, 255)
  }

  private withKey<T extends { context?: PaymentProviderContext }>(input: T, operation: string, fallback?: string): T {
    return { ...input, context: { ...(input.context ?? {}), idempotency_key: this.idempotencyKey(operation, input.context, fallback) } }
  }

  async initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    // The payment module keys creation by payment session id: one session, one PaymentIntent.
    const sessionId = typeof input.data?.session_id === "string" ? input.data.session_id : undefined
    return super.initiatePayment(this.withKey(input, "pi_create", sessionId))
  }

  async updatePayment(input: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    return super.updatePayment(this.withKey(input, "pi_update"))
  }

  async authorizePayment(input: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    const result = await super.authorizePayment(input)
    const intent = (result.data ?? {}) as { status?: string; last_payment_error?: LastPaymentError }
    if (result.status === "error") {
      throw new MedusaError(MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR, declineMessage(intent.last_payment_error))
    }
    if (result.status === "pending" && intent.status !== "processing") {
      // requires_payment_method / requires_confirmation: the storefront never confirmed the card.
      throw new MedusaError(
        MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR,
        "The card payment has not been confirmed yet. Enter your card details and confirm the payment, then place the order again."
      )
    }
    return result
  }

  async cancelPayment(input: CancelPaymentInput): Promise<CancelPaymentOutput> {
    return super.cancelPayment(this.withKey(input, "pi_cancel"))
  }

  async capturePayment(input: CapturePaymentInput): Promise<CapturePaymentOutput> {
    return super.capturePayment(this.withKey(input, "pi_capture"))
  }

  async refundPayment(input: RefundPaymentInput): Promise<RefundPaymentOutput> {
    return super.refundPayment(this.withKey(input, "refund"))
  }

  async createAccountHolder(input: CreateAccountHolderInput): Promise<CreateAccountHolderOutput> {
    return super.createAccountHolder(this.withKey(input, "customer_create", input.context?.customer?.id))
  }

  async updateAccountHolder(input: UpdateAccountHolderInput): Promise<UpdateAccountHolderOutput> {
    return super.updateAccountHolder(this.withKey(input, "customer_update"))
  }

  async savePaymentMethod(input: SavePaymentMethodInput): Promise<SavePaymentMethodOutput> {
    return super.savePaymentMethod(this.withKey(input, "setup_intent"))
  }

  async deletePaymentMethod(input: DeletePaymentMethodInput): Promise<DeletePaymentMethodOutput> {
    return super.deletePaymentMethod(this.withKey(input, "pm_detach"))
  }

  // deleteAccountHolder is a DELETE: Stripe ignores idempotency keys there (it is idempotent by definition).

  /**
   * Same message as the official provider, but as a MedusaError so the HTTP layer
   * passes it on (a plain Error becomes "An unknown error occurred.").
   */
  protected buildError(message: string, error: Error): Error {
    const base = super.buildError(message, error)
    const stripeError = error as unknown as StripeLikeError
    let type: string = MedusaError.Types.UNEXPECTED_STATE
    if (stripeError?.type === "StripeCardError") type = MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR
    else if (stripeError?.type === "StripeInvalidRequestError" || stripeError?.type === "StripeIdempotencyError") {
      type = MedusaError.Types.INVALID_DATA
    }
    const medusaError = new MedusaError(type, base.message, stripeError?.code)
    return medusaError
  }
}

export default StripeOcopProviderService
