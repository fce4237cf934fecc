/**
 * A local, in-memory stand-in for the Stripe API, for tests that cannot reach
 * api.stripe.com.
 *
 * It speaks Stripe's real wire protocol for the subset of the API that
 * `@medusajs/payment-stripe` (and a storefront confirming payments) uses, so the
 * official `stripe` client can be pointed at it unchanged:
 *
 *   new Stripe("sk_test_123", { host: "127.0.0.1", port, protocol: "http" })
 *
 * Fidelity goals, in order: the same request encoding (form bodies with
 * bracket notation), the same validation a test would trip over in production
 * (integer amounts in the smallest currency unit, currency minimums, state
 * machine errors with `payment_intent_unexpected_state`), the same error JSON
 * (so the client raises the same `StripeCardError`, `StripeInvalidRequestError`
 * … classes), idempotency-key semantics, and webhook signing byte-for-byte.
 *
 * Deliberately out of scope: money movement (balance transactions are
 * placeholders), Connect, invoices/subscriptions, and payment methods other
 * than the documented `pm_card_*` test cards.
 *
 * Non-Stripe endpoints live under `/_test/`: a 3-D Secure page a browser test
 * can click through, and JSON inspection endpoints for tests that run the
 * server in another process (see stripe-server-cli.ts), which are not recorded
 * in `requests`:
 *
 *   GET  /_test/requests            recorded API requests (?method=POST&path=/v1/refunds, path is a prefix)
 *   POST /_test/reset-log           clears the request and webhook logs
 *   GET  /_test/webhook-deliveries  webhook deliveries so far (event id, type, status, error)
 *   POST /_test/send-event          {type, object_id} → signs and delivers a new event for a stored object
 *   POST /_test/resend-event        {event_id} → delivers an existing event again (same id, fresh signature)
 *   POST /_test/send-raw            {payload, signature} → posts `payload` to the webhook with that signature
 *   GET  /_test/stripe.js           a stand-in for Stripe.js (stripe-js-standin.js) that talks to this server
 *
 * The delivering endpoints answer once the webhook responded:
 * `{ event_id, type, status, response_body, error }`.
 */
import crypto from "node:crypto"
import fs from "node:fs"
import http from "node:http"
import https from "node:https"
import type { AddressInfo } from "node:net"
import path from "node:path"

// ---------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------

export type StripeObject = Record<string, unknown>

export type PaymentIntentStatus =
  | "requires_payment_method"
  | "requires_confirmation"
  | "requires_action"
  | "processing"
  | "requires_capture"
  | "succeeded"
  | "canceled"

export interface PaymentIntent extends StripeObject {
  id: string
  object: "payment_intent"
  amount: number
  amount_capturable: number
  amount_received: number
  currency: string
  status: PaymentIntentStatus
  capture_method: "automatic" | "automatic_async" | "manual"
  client_secret: string
  customer: string | null
  latest_charge: string | null
  payment_method: string | null
  last_payment_error: StripeObject | null
  metadata: Record<string, string>
  next_action: StripeObject | null
  payment_method_types: string[]
  automatic_payment_methods: { enabled: boolean; allow_redirects: "always" | "never" } | null
  setup_future_usage: "on_session" | "off_session" | null
  description: string | null
  receipt_email: string | null
  canceled_at: number | null
  cancellation_reason: string | null
}

export interface RecordedRequest {
  method: string
  /** Path without the query string, e.g. "/v1/payment_intents/pi_123/capture". */
  path: string
  /** Parsed query string (GET parameters such as `expand[0]=payment_method`). */
  query: StripeObject
  /** Parsed form body; values are strings, as on the wire. */
  body: StripeObject
  /** The body exactly as received, e.g. "amount=45000&currency=vnd&…". */
  rawBody: string
  headers: http.IncomingHttpHeaders
  status: number
  response: unknown
  idempotencyKey?: string
  /** True when the response was replayed from the idempotency store. */
  replayed: boolean
}

export interface StripeEvent extends StripeObject {
  id: string
  object: "event"
  type: string
  api_version: string
  created: number
  livemode: false
  data: { object: StripeObject; previous_attributes?: StripeObject }
}

export interface WebhookDelivery {
  event: StripeEvent
  url: string
  /** The exact bytes that were signed and sent. */
  payload: string
  signature: string
  status?: number
  responseBody?: string
  error?: string
}

export interface WebhookConfig {
  url: string
  secret: string
}

/** Events sent automatically when `autoWebhooks: true`. */
export const DEFAULT_AUTO_WEBHOOK_EVENTS: readonly string[] = [
  "payment_intent.succeeded",
  "payment_intent.amount_capturable_updated",
  "payment_intent.payment_failed",
  "payment_intent.canceled",
  "payment_intent.requires_action",
]

export interface StripeServerOptions {
  /** Port to listen on; 0 or omitted picks a free one. */
  port?: number
  /** Interface to bind; defaults to 127.0.0.1. */
  host?: string
  webhook?: WebhookConfig
  /**
   * Send events to `webhook` after state changes, like Stripe does. `true`
   * sends {@link DEFAULT_AUTO_WEBHOOK_EVENTS}; an array picks the event types
   * (any type this server emits: also `payment_intent.created`,
   * `charge.succeeded`, `charge.captured`, `charge.refunded`, `refund.created`,
   * `customer.created`, …). Default: false.
   */
  autoWebhooks?: boolean | readonly string[]
  /** API version stamped on events; defaults to the one the Medusa provider's client pins. */
  apiVersion?: string
  /** Reject unknown parameters with `parameter_unknown`, as Stripe does. Default: true. */
  strictParams?: boolean
}

export interface StripeServer {
  url: string
  host: string
  port: number
  /** Options for `new Stripe(key, server.clientOptions)`. */
  clientOptions: { host: string; port: number; protocol: "http" }
  requests: RecordedRequest[]
  paymentIntents: Map<string, PaymentIntent>
  charges: Map<string, StripeObject>
  refunds: Map<string, StripeObject>
  customers: Map<string, StripeObject>
  paymentMethods: Map<string, StripeObject>
  setupIntents: Map<string, StripeObject>
  events: Map<string, StripeEvent>
  webhookDeliveries: WebhookDelivery[]
  /** Sign and POST an event to the configured webhook; resolves once delivered. */
  sendEvent(type: string, object: StripeObject): Promise<WebhookDelivery>
  setWebhook(webhook: WebhookConfig | undefined): void
  /** Waits until every queued automatic webhook has been delivered. */
  flushWebhooks(): Promise<void>
  /** Completes (or fails) 3-D Secure for a PaymentIntent in `requires_action`. */
  authenticate(paymentIntentId: string, outcome?: "succeed" | "fail"): PaymentIntent
  /** Clears `requests` and `webhookDeliveries`. */
  resetLog(): void
  /** Clears every object, the idempotency store and the logs. */
  reset(): void
  stop(): Promise<void>
}

// ---------------------------------------------------------------------------
// Webhook signing
// ---------------------------------------------------------------------------

/**
 * The `Stripe-Signature` header Stripe would send for `payload`:
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<payload>" keyed with secret>`.
 * Verifiable with `stripe.webhooks.constructEvent(payload, header, secret)`.
 */
export function signStripePayload(
  payload: string,
  secret: string,
  timestamp: number = Math.floor(Date.now() / 1000)
): string {
  const signature = crypto.createHmac("sha256", secret).update(`${timestamp}.${payload}`, "utf8").digest("hex")
  return `t=${timestamp},v1=${signature}`
}

// ---------------------------------------------------------------------------
// Form decoding (Stripe's bracket notation)
// ---------------------------------------------------------------------------

const FORBIDDEN_KEYS = new Set(["__proto__", "prototype", "constructor"])

/**
 * Decodes `application/x-www-form-urlencoded` with Stripe's nesting rules:
 * `metadata[a]=1` → `{ metadata: { a: "1" } }`, `expand[0]=x` or `expand[]=x`
 * → `{ expand: ["x"] }`. Values stay strings. Throws on conflicting shapes.
 */
export function parseStripeForm(encoded: string): StripeObject {
  const root: StripeObject = {}
  if (!encoded) return root
  for (const pair of encoded.split("&")) {
    if (!pair) continue
    const eq = pair.indexOf("=")
    const rawKey = eq === -1 ? pair : pair.slice(0, eq)
    const rawValue = eq === -1 ? "" : pair.slice(eq + 1)
    const key = decodeURIComponent(rawKey.replace(/\+/g, " "))
    const value = decodeURIComponent(rawValue.replace(/\+/g, " "))

    const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key)
    if (!match) throw new Error(`Invalid parameter name: ${key}`)
    const path = [match[1], ...[...match[2].matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1])]
    if (path.some((segment) => FORBIDDEN_KEYS.has(segment))) continue

    let node: StripeObject = root
    for (let i = 0; i < path.length; i++) {
      const last = i === path.length - 1
      // `a[]=x` appends: use the next free numeric index.
      const segment = path[i] === "" ? String(Object.keys(node).length) : path[i]
      if (last) {
        if (isPlainObject(node[segment])) throw new Error(`Parameter ${key} is both a value and a hash`)
        node[segment] = value
      } else {
        const existing = node[segment]
        if (existing === undefined) node[segment] = {}
        else if (!isPlainObject(existing)) throw new Error(`Parameter ${key} is both a value and a hash`)
        node = node[segment] as StripeObject
      }
    }
  }
  return arrayify(root) as StripeObject
}

/** Turns hashes keyed 0..n-1 into arrays, recursively. */
function arrayify(value: unknown): unknown {
  if (!isPlainObject(value)) return value
  const keys = Object.keys(value)
  const entries = keys.map((k) => [k, arrayify(value[k])] as const)
  const isArray = keys.length > 0 && keys.every((k, i) => k === String(i))
  return isArray ? entries.map(([, v]) => v) : Object.fromEntries(entries)
}

function isPlainObject(value: unknown): value is StripeObject {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}

// ---------------------------------------------------------------------------
// Currencies
// ---------------------------------------------------------------------------

/** Stripe's zero-decimal currencies: amounts are whole units (45000 = ₫45,000). */
const ZERO_DECIMAL = new Set(["bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"])
/** Three-decimal currencies (smallest unit is 1/1000). */
const THREE_DECIMAL = new Set(["bhd", "jod", "kwd", "omr", "tnd"])

/**
 * Minimum charge amounts in the smallest unit. Values follow Stripe's published
 * table where there is one; for currencies without one (vnd, krw, …) Stripe
 * requires the equivalent of US$0.50 and we use a fixed approximation.
 */
const MINIMUM_AMOUNT: Record<string, number> = {
  usd: 50, eur: 50, gbp: 30, aud: 50, cad: 50, chf: 50, nzd: 50, sgd: 50, hkd: 400, inr: 50,
  brl: 50, mxn: 1000, dkk: 250, nok: 300, sek: 300, pln: 200, czk: 1500, huf: 17500, ron: 200,
  bgn: 100, aed: 200, thb: 1000, myr: 200, jpy: 50, krw: 700, vnd: 10000,
}
const DEFAULT_MINIMUM_AMOUNT = 50
/** Stripe caps amounts at 8 digits in the smallest unit. */
const MAXIMUM_AMOUNT = 99_999_999

const SUPPORTED_CURRENCIES = new Set(
  (
    "usd aed afn all amd ang aoa ars aud awg azn bam bbd bdt bgn bhd bif bmd bnd bob brl bsd bwp byn bzd cad cdf " +
    "chf clp cny cop crc cve czk djf dkk dop dzd egp etb eur fjd fkp gbp gel gip gmd gnf gtq gyd hkd hnl htg huf " +
    "idr ils inr isk jmd jod jpy kes kgs khr kmf krw kwd kyd kzt lak lbp lkr lrd lsl mad mdl mga mkd mmk mnt mop " +
    "mur mvr mwk mxn myr mzn nad ngn nio nok npr nzd omr pab pen pgk php pkr pln pyg qar ron rsd rub rwf sar sbd " +
    "scr sek sgd shp sle sos srd std szl thb tjs tnd top try ttd twd tzs uah ugx uyu uzs vnd vuv wst xaf xcd xof " +
    "xpf yer zar zmw"
  ).split(" ")
)

const CURRENCY_SYMBOL: Record<string, string> = { usd: "$", eur: "€", gbp: "£", jpy: "¥", krw: "₩", vnd: "₫", inr: "₹", thb: "฿" }

function currencyExponent(currency: string): number {
  if (ZERO_DECIMAL.has(currency)) return 0
  if (THREE_DECIMAL.has(currency)) return 3
  return 2
}

/** "₫10,000", "$0.50" — the way Stripe renders amounts in error messages. */
function formatAmount(amount: number, currency: string): string {
  const exponent = currencyExponent(currency)
  const major = (amount / 10 ** exponent).toLocaleString("en-US", {
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  })
  return `${CURRENCY_SYMBOL[currency] ?? ""}${major}`
}

// ---------------------------------------------------------------------------
// Test payment methods
// ---------------------------------------------------------------------------

type CardBehaviour =
  | { kind: "succeed" }
  | { kind: "decline"; code: string; declineCode: string; message: string }
  | { kind: "three_d_secure" }

interface TestCard {
  brand: string
  last4: string
  funding: "credit" | "debit"
  behaviour: CardBehaviour
}

const DECLINED = "Your card was declined."

/** Stripe's documented `pm_card_*` test PaymentMethods. */
const TEST_CARDS: Record<string, TestCard> = {
  pm_card_visa: { brand: "visa", last4: "4242", funding: "credit", behaviour: { kind: "succeed" } },
  pm_card_visa_debit: { brand: "visa", last4: "5556", funding: "debit", behaviour: { kind: "succeed" } },
  pm_card_mastercard: { brand: "mastercard", last4: "4444", funding: "credit", behaviour: { kind: "succeed" } },
  pm_card_amex: { brand: "amex", last4: "8431", funding: "credit", behaviour: { kind: "succeed" } },
  pm_card_jcb: { brand: "jcb", last4: "0000", funding: "credit", behaviour: { kind: "succeed" } },
  pm_card_chargeDeclined: {
    brand: "visa", last4: "0002", funding: "credit",
    behaviour: { kind: "decline", code: "card_declined", declineCode: "generic_decline", message: DECLINED },
  },
  pm_card_chargeDeclinedInsufficientFunds: {
    brand: "visa", last4: "9995", funding: "credit",
    behaviour: { kind: "decline", code: "card_declined", declineCode: "insufficient_funds", message: "Your card has insufficient funds." },
  },
  pm_card_chargeDeclinedLostCard: {
    brand: "visa", last4: "9987", funding: "credit",
    behaviour: { kind: "decline", code: "card_declined", declineCode: "lost_card", message: DECLINED },
  },
  pm_card_chargeDeclinedStolenCard: {
    brand: "visa", last4: "9979", funding: "credit",
    behaviour: { kind: "decline", code: "card_declined", declineCode: "stolen_card", message: DECLINED },
  },
  pm_card_chargeDeclinedExpiredCard: {
    brand: "visa", last4: "0069", funding: "credit",
    behaviour: { kind: "decline", code: "expired_card", declineCode: "expired_card", message: "Your card has expired." },
  },
  pm_card_chargeDeclinedIncorrectCvc: {
    brand: "visa", last4: "0127", funding: "credit",
    behaviour: { kind: "decline", code: "incorrect_cvc", declineCode: "incorrect_cvc", message: "Your card's security code is incorrect." },
  },
  pm_card_chargeDeclinedProcessingError: {
    brand: "visa", last4: "0119", funding: "credit",
    behaviour: {
      kind: "decline", code: "processing_error", declineCode: "processing_error",
      message: "An error occurred while processing your card. Try again in a little bit.",
    },
  },
  pm_card_authenticationRequired: { brand: "visa", last4: "3184", funding: "credit", behaviour: { kind: "three_d_secure" } },
  pm_card_threeDSecure2Required: { brand: "visa", last4: "3220", funding: "credit", behaviour: { kind: "three_d_secure" } },
}

/**
 * Stripe's documented test card numbers, as a browser types them into the
 * Payment Element (the stand-in Stripe.js sends them as `payment_method_data`),
 * mapped to the `pm_card_*` alias with the same behaviour.
 */
const TEST_CARD_NUMBERS: Record<string, string> = {
  "4242424242424242": "pm_card_visa",
  "4000056655665556": "pm_card_visa_debit",
  "5555555555554444": "pm_card_mastercard",
  "378282246310005": "pm_card_amex",
  "3566002020360505": "pm_card_jcb",
  "4000000000000002": "pm_card_chargeDeclined",
  "4000000000009995": "pm_card_chargeDeclinedInsufficientFunds",
  "4000000000009987": "pm_card_chargeDeclinedLostCard",
  "4000000000009979": "pm_card_chargeDeclinedStolenCard",
  "4000000000000069": "pm_card_chargeDeclinedExpiredCard",
  "4000000000000127": "pm_card_chargeDeclinedIncorrectCvc",
  "4000000000000119": "pm_card_chargeDeclinedProcessingError",
  "4000002500003155": "pm_card_authenticationRequired",
  "4000002760003184": "pm_card_authenticationRequired",
  "4000000000003220": "pm_card_threeDSecure2Required",
}

function luhnValid(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return digits.length >= 12 && sum % 10 === 0
}

const PAYMENT_METHOD_TYPES = new Set([
  "acss_debit", "affirm", "afterpay_clearpay", "alipay", "bancontact", "blik", "boleto", "card", "cashapp",
  "customer_balance", "eps", "fpx", "giropay", "grabpay", "ideal", "klarna", "konbini", "link", "oxxo", "p24",
  "paynow", "paypal", "pix", "promptpay", "revolut_pay", "sepa_debit", "sofort", "us_bank_account", "wechat_pay",
])

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

interface StripeErrorBody {
  type: "invalid_request_error" | "card_error" | "idempotency_error" | "api_error"
  message: string
  code?: string
  decline_code?: string
  param?: string
  doc_url?: string
  charge?: string
  payment_intent?: StripeObject
  payment_method?: StripeObject
  setup_intent?: StripeObject
}

class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
    /**
     * Stripe saves an idempotent result only once the endpoint has started
     * executing: requests rejected by parameter validation can be retried
     * with the same key. State errors and card declines are saved.
     */
    readonly savedForIdempotency: boolean
  ) {
    super(body.message)
  }
}

function withDocUrl(body: StripeErrorBody): StripeErrorBody {
  return body.code ? { ...body, doc_url: `https://stripe.com/docs/error-codes/${body.code.replace(/_/g, "-")}` } : body
}

/** 400 for a bad parameter; not saved under the idempotency key. */
function invalidParam(message: string, param?: string, code?: string): StripeApiError {
  return new StripeApiError(400, withDocUrl({ type: "invalid_request_error", message, param, code }), false)
}

/** 400 for an operation the object's state does not allow; saved under the idempotency key. */
function unexpectedState(message: string, extra: Partial<StripeErrorBody> = {}): StripeApiError {
  return new StripeApiError(
    400,
    withDocUrl({ type: "invalid_request_error", code: "payment_intent_unexpected_state", message, ...extra }),
    true
  )
}

function resourceMissing(kind: string, id: string, param: string): StripeApiError {
  return new StripeApiError(
    404,
    withDocUrl({ type: "invalid_request_error", code: "resource_missing", message: `No such ${kind}: '${id}'`, param }),
    false
  )
}

// ---------------------------------------------------------------------------
// Parameter readers
// ---------------------------------------------------------------------------

function readString(params: StripeObject, name: string): string | undefined {
  const value = params[name]
  if (value === undefined) return undefined
  if (typeof value !== "string") throw invalidParam(`Invalid string: ${JSON.stringify(value)}`, name, "parameter_invalid_string")
  return value
}

/** Strings where "" means "unset", as Stripe treats empty form values. */
function readNullableString(params: StripeObject, name: string): string | null | undefined {
  const value = readString(params, name)
  return value === "" ? null : value
}

function readEnum<T extends string>(params: StripeObject, name: string, allowed: readonly T[]): T | undefined {
  const value = readString(params, name)
  if (value === undefined) return undefined
  if (!(allowed as readonly string[]).includes(value)) {
    throw invalidParam(`Invalid ${name}: must be one of ${allowed.join(", ")}`, name, "parameter_invalid_string")
  }
  return value as T
}

function readBoolean(params: StripeObject, name: string): boolean | undefined {
  const value = params[name]
  if (value === undefined) return undefined
  if (value === "true") return true
  if (value === "false") return false
  throw invalidParam(`Invalid boolean: ${JSON.stringify(value)}`, name, "parameter_invalid_boolean")
}

function readInteger(params: StripeObject, name: string): number | undefined {
  const value = params[name]
  if (value === undefined) return undefined
  // Stripe accepts only base-10 integers: "45000.5", "4.5e4" and "" are all rejected.
  if (typeof value !== "string" || !/^-?\d+$/.test(value)) {
    throw invalidParam(`Invalid integer: ${typeof value === "string" ? value : JSON.stringify(value)}`, name, "parameter_invalid_integer")
  }
  const n = Number(value)
  if (!Number.isSafeInteger(n)) throw invalidParam(`Invalid integer: ${value}`, name, "parameter_invalid_integer")
  return n
}

function readHash(params: StripeObject, name: string): StripeObject | undefined {
  const value = params[name]
  if (value === undefined || value === "") return undefined
  if (!isPlainObject(value)) throw invalidParam(`Invalid hash`, name, "parameter_invalid_empty")
  return value
}

function readStringArray(params: StripeObject, name: string): string[] | undefined {
  const value = params[name]
  if (value === undefined) return undefined
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
    throw invalidParam(`Invalid array`, name, "parameter_invalid_empty")
  }
  return value as string[]
}

function requireParam<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw invalidParam(`Missing required param: ${name}.`, name, "parameter_missing")
  return value
}

function assertKnownParams(params: StripeObject, allowed: ReadonlySet<string>): void {
  for (const key of Object.keys(params)) {
    if (!allowed.has(key)) throw invalidParam(`Received unknown parameter: ${key}`, key, "parameter_unknown")
  }
}

/**
 * Applies Stripe's metadata semantics: keys merge into the existing hash,
 * `metadata[key]=` removes a key and `metadata=` clears everything.
 */
function mergeMetadata(current: Record<string, string>, params: StripeObject): Record<string, string> {
  const value = params.metadata
  if (value === undefined) return current
  if (value === "") return {}
  if (!isPlainObject(value)) throw invalidParam("Invalid hash", "metadata", "parameter_invalid_empty")
  const next = { ...current }
  for (const [key, v] of Object.entries(value)) {
    if (typeof v !== "string") throw invalidParam(`Invalid value for metadata[${key}]`, `metadata[${key}]`)
    if (key.length > 40) throw invalidParam("Metadata keys can have a maximum length of 40 characters.", `metadata[${key}]`)
    if (v.length > 500) throw invalidParam("Metadata values can have a maximum length of 500 characters.", `metadata[${key}]`)
    if (v === "") delete next[key]
    else next[key] = v
  }
  if (Object.keys(next).length > 50) throw invalidParam("Metadata can have a maximum of 50 keys.", "metadata")
  return next
}

function readCurrency(params: StripeObject): string | undefined {
  const raw = readString(params, "currency")
  if (raw === undefined) return undefined
  // Stripe accepts any case and always returns lower case.
  const currency = raw.toLowerCase()
  if (!SUPPORTED_CURRENCIES.has(currency)) {
    throw invalidParam(
      `Invalid currency: ${raw}. Stripe currently supports these currencies: ${[...SUPPORTED_CURRENCIES].join(", ")}`,
      "currency"
    )
  }
  return currency
}

/** Validates a charge amount: positive integer in the smallest unit, within the currency's bounds. */
function validateChargeAmount(amount: number, currency: string, param = "amount"): void {
  if (amount < 1) {
    throw invalidParam("This value must be greater than or equal to 1.", param, "parameter_invalid_integer")
  }
  const minimum = MINIMUM_AMOUNT[currency] ?? DEFAULT_MINIMUM_AMOUNT
  if (amount < minimum) {
    throw invalidParam(`Amount must be at least ${formatAmount(minimum, currency)} ${currency}`, param, "amount_too_small")
  }
  if (amount > MAXIMUM_AMOUNT) {
    throw invalidParam(`Amount must be no more than ${formatAmount(MAXIMUM_AMOUNT, currency)} ${currency}`, param, "amount_too_large")
  }
}

// ---------------------------------------------------------------------------
// Ids and small utilities
// ---------------------------------------------------------------------------

const ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

function randomToken(length: number): string {
  const bytes = crypto.randomBytes(length)
  let out = ""
  for (const b of bytes) out += ALPHANUMERIC[b % ALPHANUMERIC.length]
  return out
}

function newId(prefix: string): string {
  return `${prefix}_${randomToken(24)}`
}

function now(): number {
  return Math.floor(Date.now() / 1000)
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

/** Stable JSON for comparing idempotent request parameters. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`
  if (isPlainObject(value)) {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(",")}}`
  }
  return JSON.stringify(value)
}

/** "2024-04-10" or "2025-09-30.clover" → "2024-04-10", comparable as a string. */
function versionDate(version: string): string {
  return version.slice(0, 10)
}

function list(url: string, data: StripeObject[]): StripeObject {
  return { object: "list", data, has_more: false, url }
}

// ---------------------------------------------------------------------------
// Known parameters per endpoint (for strictParams)
// ---------------------------------------------------------------------------

const PI_SHARED_PARAMS = [
  "amount", "currency", "application_fee_amount", "capture_method", "customer", "description", "expand",
  "metadata", "on_behalf_of", "payment_method", "payment_method_configuration", "payment_method_data",
  "payment_method_options", "payment_method_types", "receipt_email", "setup_future_usage", "shipping",
  "statement_descriptor", "statement_descriptor_suffix", "transfer_data", "transfer_group", "amount_details",
  "payment_details",
]
const PI_CREATE_PARAMS = new Set([
  ...PI_SHARED_PARAMS, "automatic_payment_methods", "confirm", "confirmation_method", "confirmation_token",
  "error_on_requires_action", "mandate", "mandate_data", "off_session", "radar_options", "return_url",
  "use_stripe_sdk", "shared_payment_token",
])
const PI_UPDATE_PARAMS = new Set(PI_SHARED_PARAMS)
const PI_CONFIRM_PARAMS = new Set([
  "capture_method", "client_secret", "confirmation_token", "error_on_requires_action", "expand", "mandate",
  "mandate_data", "off_session", "payment_method", "payment_method_data", "payment_method_options",
  "payment_method_types", "radar_options", "receipt_email", "return_url", "setup_future_usage", "shipping",
  "use_stripe_sdk", "shared_payment_token",
])
const PI_CAPTURE_PARAMS = new Set([
  "amount_to_capture", "application_fee_amount", "expand", "final_capture", "metadata", "statement_descriptor",
  "statement_descriptor_suffix", "transfer_data",
])
const PI_CANCEL_PARAMS = new Set(["cancellation_reason", "expand"])
const REFUND_CREATE_PARAMS = new Set([
  "amount", "charge", "currency", "customer", "expand", "instructions_email", "metadata", "origin",
  "payment_intent", "reason", "refund_application_fee", "reverse_transfer",
])
const CUSTOMER_PARAMS = new Set([
  "address", "balance", "cash_balance", "coupon", "default_source", "description", "email", "expand",
  "invoice_prefix", "invoice_settings", "metadata", "name", "next_invoice_sequence", "payment_method", "phone",
  "preferred_locales", "promotion_code", "shipping", "source", "tax", "tax_exempt", "tax_id_data", "test_clock",
  "validate",
])
const SETUP_INTENT_PARAMS = new Set([
  "attach_to_self", "automatic_payment_methods", "confirm", "confirmation_token", "customer", "description",
  "expand", "flow_directions", "mandate_data", "metadata", "on_behalf_of", "payment_method",
  "payment_method_configuration", "payment_method_data", "payment_method_options", "payment_method_types",
  "return_url", "single_use", "usage", "use_stripe_sdk",
])

const CANCELABLE: readonly PaymentIntentStatus[] = [
  "requires_payment_method", "requires_capture", "requires_confirmation", "requires_action", "processing",
]
const CONFIRMABLE: readonly PaymentIntentStatus[] = ["requires_payment_method", "requires_confirmation", "requires_action"]
const AMOUNT_UPDATABLE: readonly PaymentIntentStatus[] = ["requires_payment_method", "requires_confirmation", "requires_action"]

// ---------------------------------------------------------------------------
// The server
// ---------------------------------------------------------------------------

/** The Medusa provider's bundled stripe client (v15) pins this version. */
const DEFAULT_API_VERSION = "2024-04-10"
/** From this version on, PaymentIntents without payment_method_types get automatic payment methods. */
const AUTOMATIC_PAYMENT_METHODS_DEFAULT_SINCE = "2023-08-16"
/** From this version on, the default capture_method is "automatic_async". */
const AUTOMATIC_ASYNC_DEFAULT_SINCE = "2024-04-10"

interface RequestContext {
  params: Record<string, string>
  body: StripeObject
  query: StripeObject
  keyType: "secret" | "publishable"
  apiVersion: string
  requestId: string
  idempotencyKey?: string
}

/** The JSON inspection endpoints (see the file header); handled before Stripe routing. */
const INSPECTION_PATHS: ReadonlySet<string> = new Set([
  "/_test/requests",
  "/_test/reset-log",
  "/_test/webhook-deliveries",
  "/_test/send-event",
  "/_test/resend-event",
  "/_test/send-raw",
])

/** Marks handler results that carry their own status/headers (vs. a bare object → 200). */
const REPLY = Symbol("reply")

interface Reply {
  [REPLY]: true
  status: number
  body: unknown
  headers?: Record<string, string>
  /** Raw (non-JSON) body, for the /_test pages. */
  raw?: { contentType: string; text: string }
}

type Handler = (ctx: RequestContext) => Reply | StripeObject

interface Route {
  method: string
  pattern: RegExp
  keys: string[]
  handler: Handler
  /** Allow publishable keys when the request carries the object's client_secret. */
  publishable?: boolean
  /** No API key needed (the /_test pages a browser visits). */
  public?: boolean
}

interface IdempotentResult {
  method: string
  path: string
  params: string
  status: number
  body: unknown
  requestId: string
}

class LocalStripe {
  readonly requests: RecordedRequest[] = []
  readonly paymentIntents = new Map<string, PaymentIntent>()
  readonly charges = new Map<string, StripeObject>()
  readonly refunds = new Map<string, StripeObject>()
  readonly customers = new Map<string, StripeObject>()
  readonly paymentMethods = new Map<string, StripeObject>()
  readonly setupIntents = new Map<string, StripeObject>()
  readonly events = new Map<string, StripeEvent>()
  readonly webhookDeliveries: WebhookDelivery[] = []

  /** Behaviour of each PaymentMethod created from a `pm_card_*` alias. */
  private readonly cardBehaviour = new Map<string, CardBehaviour>()
  private readonly idempotency = new Map<string, IdempotentResult>()
  private readonly routes: Route[] = []
  /** Deliveries run one after another so a test sees them in emission order. */
  private deliveryQueue: Promise<unknown> = Promise.resolve()
  private readonly autoEvents: ReadonlySet<string>
  private readonly strictParams: boolean
  readonly apiVersion: string
  webhook: WebhookConfig | undefined
  baseUrl = ""

  constructor(options: StripeServerOptions) {
    this.webhook = options.webhook
    this.apiVersion = options.apiVersion ?? DEFAULT_API_VERSION
    this.strictParams = options.strictParams ?? true
    const auto = options.autoWebhooks ?? false
    this.autoEvents = new Set(auto === true ? DEFAULT_AUTO_WEBHOOK_EVENTS : auto === false ? [] : auto)
    this.registerRoutes()
  }

  reset(): void {
    for (const map of [this.paymentIntents, this.charges, this.refunds, this.customers, this.paymentMethods, this.setupIntents, this.events]) {
      map.clear()
    }
    this.cardBehaviour.clear()
    this.idempotency.clear()
    this.resetLog()
  }

  resetLog(): void {
    this.requests.length = 0
    this.webhookDeliveries.length = 0
  }

  // ----- routing -----------------------------------------------------------

  private route(method: string, path: string, handler: Handler, flags: Partial<Pick<Route, "publishable" | "public">> = {}): void {
    const keys: string[] = []
    const pattern = new RegExp(
      `^${path.replace(/:(\w+)/g, (_m, key: string) => {
        keys.push(key)
        return "([^/]+)"
      })}$`
    )
    this.routes.push({ method, pattern, keys, handler, ...flags })
  }

  private registerRoutes(): void {
    this.route("POST", "/v1/payment_intents", (c) => this.createPaymentIntent(c))
    this.route("GET", "/v1/payment_intents", (c) => this.listPaymentIntents(c))
    this.route("GET", "/v1/payment_intents/:id", (c) => this.retrievePaymentIntent(c), { publishable: true })
    this.route("POST", "/v1/payment_intents/:id", (c) => this.updatePaymentIntent(c))
    this.route("POST", "/v1/payment_intents/:id/confirm", (c) => this.confirmPaymentIntent(c), { publishable: true })
    this.route("POST", "/v1/payment_intents/:id/capture", (c) => this.capturePaymentIntent(c))
    this.route("POST", "/v1/payment_intents/:id/cancel", (c) => this.cancelPaymentIntent(c))
    this.route("GET", "/v1/charges/:id", (c) => this.expand(this.find(this.charges, c.params.id, "charge", "id"), c))
    this.route("POST", "/v1/refunds", (c) => this.createRefund(c))
    this.route("GET", "/v1/refunds", (c) => this.listRefunds(c))
    this.route("GET", "/v1/refunds/:id", (c) => this.expand(this.find(this.refunds, c.params.id, "refund", "refund"), c))
    this.route("POST", "/v1/customers", (c) => this.createCustomer(c))
    this.route("GET", "/v1/customers/:id", (c) => this.retrieveCustomer(c))
    this.route("POST", "/v1/customers/:id", (c) => this.updateCustomer(c))
    this.route("DELETE", "/v1/customers/:id", (c) => this.deleteCustomer(c))
    this.route("GET", "/v1/customers/:id/payment_methods", (c) => this.listCustomerPaymentMethods(c))
    this.route("GET", "/v1/payment_methods", (c) => this.listPaymentMethods(c))
    this.route("GET", "/v1/payment_methods/:id", (c) => this.expand(this.resolvePaymentMethod(c.params.id, "payment_method"), c))
    this.route("POST", "/v1/payment_methods/:id/attach", (c) => this.attachPaymentMethod(c))
    this.route("POST", "/v1/payment_methods/:id/detach", (c) => this.detachPaymentMethod(c))
    this.route("POST", "/v1/setup_intents", (c) => this.createSetupIntent(c))
    this.route("GET", "/v1/setup_intents/:id", (c) => this.expand(this.find(this.setupIntents, c.params.id, "setup_intent", "intent"), c))
    this.route("GET", "/v1/events/:id", (c) => this.find(this.events, c.params.id, "event", "id"))
    this.route("GET", "/_test/stripe.js", () => this.stripeJs(), { public: true })
    this.route("GET", "/_test/3ds/:id", (c) => this.threeDSecurePage(c), { public: true })
    this.route("GET", "/_test/3ds/:id/complete", (c) => this.threeDSecureComplete(c), { public: true })
  }

  async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const method = (req.method ?? "GET").toUpperCase()
    const url = new URL(req.url ?? "/", "http://localhost")
    const rawBody = await readBody(req)
    const requestId = newId("req")
    const baseHeaders: Record<string, string> = {
      "Request-Id": requestId,
      // Browsers confirm PaymentIntents with a publishable key, cross-origin.
      "Access-Control-Allow-Origin": "*",
    }

    if (method === "OPTIONS") {
      res.writeHead(204, {
        ...baseHeaders,
        "Access-Control-Allow-Methods": "GET, POST, DELETE, OPTIONS",
        "Access-Control-Allow-Headers": "Authorization, Content-Type, Idempotency-Key, Stripe-Version, Stripe-Account",
        "Access-Control-Max-Age": "600",
      })
      res.end()
      return
    }

    if (INSPECTION_PATHS.has(url.pathname)) {
      const inspected = await this.inspect(method, url, rawBody)
      const text = JSON.stringify(inspected.body, null, 2)
      res.writeHead(inspected.status, {
        ...baseHeaders,
        "Content-Type": "application/json",
        "Content-Length": String(Buffer.byteLength(text)),
      })
      res.end(text)
      return
    }

    const idempotencyKey = headerValue(req.headers["idempotency-key"])
    let body: StripeObject = {}
    let query: StripeObject = {}
    let result: Reply
    let replayed = false

    try {
      try {
        query = parseStripeForm(url.search.slice(1))
        body = parseStripeForm(rawBody)
      } catch (e) {
        throw invalidParam((e as Error).message)
      }
      const dispatched = this.dispatch(method, url.pathname, req, body, query, requestId, idempotencyKey)
      result = dispatched.reply
      replayed = dispatched.replayed
    } catch (e) {
      result = errorReply(e)
    }

    const apiVersion = headerValue(req.headers["stripe-version"]) ?? this.apiVersion
    const headers: Record<string, string> = { ...baseHeaders, "Stripe-Version": apiVersion, ...result.headers }
    if (idempotencyKey !== undefined) headers["Idempotency-Key"] = idempotencyKey

    this.requests.push({
      method,
      path: url.pathname,
      query,
      body,
      rawBody,
      headers: req.headers,
      status: result.status,
      response: result.body,
      idempotencyKey,
      replayed,
    })

    if (result.raw) {
      res.writeHead(result.status, { ...headers, "Content-Type": result.raw.contentType })
      res.end(result.raw.text)
      return
    }
    const text = result.body === undefined ? "" : JSON.stringify(result.body, null, 2)
    res.writeHead(result.status, {
      ...headers,
      "Content-Type": "application/json",
      "Content-Length": String(Buffer.byteLength(text)),
    })
    res.end(text)
  }

  private dispatch(
    method: string,
    path: string,
    req: http.IncomingMessage,
    body: StripeObject,
    query: StripeObject,
    requestId: string,
    idempotencyKey: string | undefined
  ): { reply: Reply; replayed: boolean } {
    let route: Route | undefined
    let match: RegExpExecArray | null = null
    for (const candidate of this.routes) {
      if (candidate.method !== method) continue
      match = candidate.pattern.exec(path)
      if (match) {
        route = candidate
        break
      }
    }
    if (!route || !match) {
      return {
        reply: reply(404, {
          error: {
            type: "invalid_request_error",
            message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
          },
        }),
        replayed: false,
      }
    }

    const params: Record<string, string> = {}
    route.keys.forEach((key, i) => (params[key] = decodeURIComponent(match[i + 1])))
    const ctx: RequestContext = {
      params,
      body,
      query,
      keyType: "secret",
      apiVersion: headerValue(req.headers["stripe-version"]) ?? this.apiVersion,
      requestId,
      idempotencyKey,
    }

    if (!route.public) {
      const auth = authenticate(req.headers.authorization)
      if ("error" in auth) return { reply: reply(401, { error: auth.error }), replayed: false }
      ctx.keyType = auth.keyType
      if (auth.keyType === "publishable" && !route.publishable) {
        return {
          reply: reply(401, {
            error: {
              type: "invalid_request_error",
              message:
                "This API call cannot be made with a publishable API key. Please use a secret API key. You can find a list of your API keys at https://dashboard.stripe.com/account/apikeys.",
            },
          }),
          replayed: false,
        }
      }
    }

    // Stripe only honours idempotency keys on POST.
    const useIdempotency = method === "POST" && idempotencyKey !== undefined && !route.public
    if (useIdempotency) {
      if (idempotencyKey.length > 255) {
        throw invalidParam("Idempotency keys must be at most 255 characters long.")
      }
      const saved = this.idempotency.get(idempotencyKey)
      if (saved) {
        if (saved.method !== method || saved.path !== path || saved.params !== canonical(body)) {
          throw new StripeApiError(
            400,
            {
              type: "idempotency_error",
              message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
            },
            false
          )
        }
        return {
          reply: reply(saved.status, clone(saved.body), {
            headers: { "Idempotent-Replayed": "true", "Original-Request": saved.requestId },
          }),
          replayed: true,
        }
      }
    }

    let outcome: Reply
    let save = true
    try {
      const result = route.handler(ctx)
      outcome = isReply(result) ? result : reply(200, result)
    } catch (e) {
      outcome = errorReply(e)
      save = e instanceof StripeApiError && e.savedForIdempotency
    }
    if (useIdempotency && save) {
      this.idempotency.set(idempotencyKey, {
        method,
        path,
        params: canonical(body),
        status: outcome.status,
        body: clone(outcome.body),
        requestId,
      })
    }
    return { reply: outcome, replayed: false }
  }

  // ----- /_test inspection endpoints -----------------------------------------

  /** JSON endpoints for out-of-process tests; never recorded in `requests`. */
  private async inspect(method: string, url: URL, rawBody: string): Promise<{ status: number; body: unknown }> {
    const fail = (status: number, message: string) => ({ status, body: { error: { type: "test_server_error", message } } })
    const route = `${method} ${url.pathname}`
    let input: StripeObject = {}
    if (method === "POST" && rawBody.trim()) {
      try {
        const parsed: unknown = JSON.parse(rawBody)
        if (!isPlainObject(parsed)) return fail(400, "The body must be a JSON object")
        input = parsed
      } catch {
        return fail(400, "The body must be JSON")
      }
    }
    const str = (name: string): string | undefined => (typeof input[name] === "string" ? (input[name]) : undefined)
    const summary = (d: WebhookDelivery) => ({
      event_id: d.event?.id,
      type: d.event?.type,
      url: d.url,
      status: d.status ?? null,
      response_body: d.responseBody ?? null,
      error: d.error ?? null,
    })

    switch (route) {
      case "GET /_test/requests": {
        const m = url.searchParams.get("method")?.toUpperCase()
        const prefix = url.searchParams.get("path")
        const requests = this.requests.filter((r) => (!m || r.method === m) && (!prefix || r.path.startsWith(prefix)))
        return { status: 200, body: { requests } }
      }
      case "POST /_test/reset-log":
        this.resetLog()
        return { status: 200, body: { ok: true } }
      case "GET /_test/webhook-deliveries":
        return { status: 200, body: { deliveries: this.webhookDeliveries.map(summary) } }
      case "POST /_test/send-event": {
        const type = str("type")
        const objectId = str("object_id")
        if (!type || !objectId) return fail(400, "Both `type` and `object_id` are required")
        if (!this.webhook) return fail(409, "No webhook is configured on the Stripe test server")
        const object = this.lookupById(objectId)
        if (!object) return fail(404, `No stored object with id '${objectId}'`)
        return { status: 200, body: summary(await this.sendEvent(type, object)) }
      }
      case "POST /_test/resend-event": {
        const eventId = str("event_id")
        if (!eventId) return fail(400, "`event_id` is required")
        if (!this.webhook) return fail(409, "No webhook is configured on the Stripe test server")
        const event = this.events.get(eventId)
        if (!event) return fail(404, `No event with id '${eventId}'`)
        return { status: 200, body: summary(await this.enqueueDelivery(event)) }
      }
      case "POST /_test/send-raw": {
        const payload = str("payload")
        const signature = str("signature")
        if (payload === undefined || signature === undefined) return fail(400, "Both `payload` and `signature` are required")
        if (!this.webhook) return fail(409, "No webhook is configured on the Stripe test server")
        try {
          const response = await postRaw(this.webhook.url, payload, {
            "Content-Type": "application/json; charset=utf-8",
            "Stripe-Signature": signature,
            "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
          })
          return { status: 200, body: { url: this.webhook.url, status: response.status, response_body: response.body, error: null } }
        } catch (e) {
          return { status: 200, body: { url: this.webhook.url, status: null, response_body: null, error: (e as Error).message } }
        }
      }
      default:
        return fail(405, `${method} is not supported on ${url.pathname}`)
    }
  }

  // ----- lookups and expansion ---------------------------------------------

  private find<T extends StripeObject>(map: Map<string, T>, id: string, kind: string, param: string): T {
    const found = map.get(id)
    if (!found) throw resourceMissing(kind, id, param)
    return found
  }

  private lookupById(id: string): StripeObject | undefined {
    const prefix = id.slice(0, id.indexOf("_"))
    const maps: Record<string, Map<string, StripeObject>> = {
      pi: this.paymentIntents,
      ch: this.charges,
      re: this.refunds,
      cus: this.customers,
      pm: this.paymentMethods,
      seti: this.setupIntents,
    }
    return maps[prefix]?.get(id)
  }

  /**
   * Serialises an object for a response, applying `expand` (from the body on
   * POST, the query on GET). Only id-valued fields can be expanded; anything
   * else is an error, as on Stripe.
   */
  private expand(object: StripeObject, ctx: RequestContext): StripeObject {
    const expand = readStringArray(ctx.body, "expand") ?? readStringArray(ctx.query, "expand") ?? []
    const out = clone(object)
    for (const path of expand) {
      const segments = path.split(".")
      let targets: StripeObject[] = [out]
      for (const segment of segments) {
        const next: StripeObject[] = []
        for (const target of targets) {
          if (!(segment in target)) throw invalidParam(`This property cannot be expanded (${path}).`, "expand")
          const value = target[segment]
          if (typeof value === "string") {
            const related = this.lookupById(value)
            if (!related) throw invalidParam(`This property cannot be expanded (${path}).`, "expand")
            target[segment] = clone(related)
            next.push(target[segment] as StripeObject)
          } else if (isPlainObject(value)) {
            next.push(value)
          } else if (value !== null) {
            // Numbers, booleans, arrays: nothing to expand.
            throw invalidParam(`This property cannot be expanded (${path}).`, "expand")
          }
        }
        targets = next
      }
    }
    return out
  }

  // ----- events and webhooks -----------------------------------------------

  private createEvent(type: string, object: StripeObject, ctx?: RequestContext, previous?: StripeObject): StripeEvent {
    const event: StripeEvent = {
      id: newId("evt"),
      object: "event",
      api_version: this.apiVersion,
      created: now(),
      data: previous ? { object: clone(object), previous_attributes: previous } : { object: clone(object) },
      livemode: false,
      pending_webhooks: this.webhook ? 1 : 0,
      request: { id: ctx?.requestId ?? null, idempotency_key: ctx?.idempotencyKey ?? null },
      type,
    }
    this.events.set(event.id, event)
    return event
  }

  /** Records an event and, if it is one of the auto-sent types, queues its delivery. */
  private emit(type: string, object: StripeObject, ctx?: RequestContext, previous?: StripeObject): void {
    const event = this.createEvent(type, object, ctx, previous)
    if (this.webhook && this.autoEvents.has(type)) {
      // Delivered after the API response, as Stripe does.
      void this.enqueueDelivery(event)
    }
  }

  private enqueueDelivery(event: StripeEvent): Promise<WebhookDelivery> {
    const run = this.deliveryQueue.then(() => this.deliver(event))
    this.deliveryQueue = run.catch(() => undefined)
    return run
  }

  private async deliver(event: StripeEvent): Promise<WebhookDelivery> {
    const webhook = this.webhook
    if (!webhook) throw new Error("No webhook is configured on the Stripe test server")
    const payload = JSON.stringify(event, null, 2)
    const signature = signStripePayload(payload, webhook.secret)
    const delivery: WebhookDelivery = { event, url: webhook.url, payload, signature }
    this.webhookDeliveries.push(delivery)
    try {
      const response = await postRaw(webhook.url, payload, {
        "Content-Type": "application/json; charset=utf-8",
        "Stripe-Signature": signature,
        "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
      })
      delivery.status = response.status
      delivery.responseBody = response.body
    } catch (e) {
      delivery.error = (e as Error).message
    }
    return delivery
  }

  sendEvent(type: string, object: StripeObject): Promise<WebhookDelivery> {
    if (!this.webhook) return Promise.reject(new Error("No webhook is configured on the Stripe test server"))
    return this.enqueueDelivery(this.createEvent(type, object))
  }

  async flushWebhooks(): Promise<void> {
    // A delivery may queue further ones; loop until the queue is stable.
    let current: Promise<unknown>
    do {
      current = this.deliveryQueue
      await current
    } while (current !== this.deliveryQueue)
  }

  // ----- payment methods ---------------------------------------------------

  /**
   * Resolves a PaymentMethod id. A `pm_card_*` alias creates a fresh
   * PaymentMethod each time, exactly as Stripe test mode does.
   */
  private resolvePaymentMethod(id: string, param: string): StripeObject {
    const existing = this.paymentMethods.get(id)
    if (existing) return existing
    const card = TEST_CARDS[id]
    if (!card) throw resourceMissing("PaymentMethod", id, param)
    const pm: StripeObject = {
      id: newId("pm"),
      object: "payment_method",
      allow_redisplay: "unspecified",
      billing_details: {
        address: { city: null, country: null, line1: null, line2: null, postal_code: null, state: null },
        email: null,
        name: null,
        phone: null,
      },
      card: {
        brand: card.brand,
        checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: "pass" },
        country: "US",
        display_brand: card.brand,
        exp_month: 12,
        exp_year: new Date().getFullYear() + 3,
        fingerprint: randomToken(16),
        funding: card.funding,
        last4: card.last4,
        networks: { available: [card.brand], preferred: null },
        three_d_secure_usage: { supported: true },
        wallet: null,
      },
      created: now(),
      customer: null,
      livemode: false,
      metadata: {},
      type: "card",
    }
    this.paymentMethods.set(pm.id as string, pm)
    this.cardBehaviour.set(pm.id as string, card.behaviour)
    return pm
  }

  /**
   * `payment_method_data[type]=card&payment_method_data[card][number]=…`, the
   * way Stripe.js confirms what the shopper typed into the Payment Element.
   * Documented test numbers behave like their `pm_card_*` alias; anything else
   * fails the way Stripe test mode does (402 card_error, intent unchanged).
   */
  private cardFromPaymentMethodData(data: StripeObject): StripeObject {
    if (data.type !== "card") throw invalidParam("Only `card` payment_method_data is supported here.", "payment_method_data[type]")
    const card = isPlainObject(data.card) ? data.card : {}
    const cardError = (code: string, message: string, param: string): StripeApiError =>
      new StripeApiError(402, withDocUrl({ type: "card_error", code, message, param }), true)
    const text = (value: unknown): string => (typeof value === "string" ? value : "")
    const number = text(card.number).replace(/[\s-]/g, "")
    if (!/^\d+$/.test(number) || !luhnValid(number)) throw cardError("incorrect_number", "Your card number is incorrect.", "number")
    const expMonth = Number(card.exp_month)
    let expYear = Number(card.exp_year)
    if (expYear < 100) expYear += 2000
    if (!Number.isInteger(expMonth) || expMonth < 1 || expMonth > 12) {
      throw cardError("invalid_expiry_month", "Your card's expiration month is invalid.", "exp_month")
    }
    const today = new Date()
    if (!Number.isInteger(expYear) || expYear < today.getUTCFullYear() || (expYear === today.getUTCFullYear() && expMonth < today.getUTCMonth() + 1)) {
      throw cardError("invalid_expiry_year", "Your card's expiration year is invalid.", "exp_year")
    }
    if (!/^\d{3,4}$/.test(text(card.cvc))) throw cardError("invalid_cvc", "Your card's security code is invalid.", "cvc")
    const alias = TEST_CARD_NUMBERS[number]
    if (!alias) {
      throw new StripeApiError(
        402,
        withDocUrl({
          type: "card_error",
          code: "card_declined",
          decline_code: "test_mode_live_card",
          message:
            "Your card was declined. Your request was in test mode, but used a non test (live) card. For a list of valid test cards, visit: https://stripe.com/docs/testing.",
        }),
        true
      )
    }
    const pm = this.resolvePaymentMethod(alias, "payment_method_data")
    const details = pm.card as StripeObject
    details.last4 = number.slice(-4)
    details.exp_month = expMonth
    details.exp_year = expYear
    return pm
  }

  private listPaymentMethodsFor(customer: string | undefined, type: string | undefined, url: string): StripeObject {
    const data = [...this.paymentMethods.values()]
      .filter((pm) => (customer === undefined ? true : pm.customer === customer))
      .filter((pm) => (type === undefined ? true : pm.type === type))
      .reverse()
    return list(url, data.map((pm) => clone(pm)))
  }

  private listCustomerPaymentMethods(ctx: RequestContext): StripeObject {
    const customer = this.find(this.customers, ctx.params.id, "customer", "customer")
    if (customer.deleted) throw resourceMissing("customer", ctx.params.id, "customer")
    return this.listPaymentMethodsFor(ctx.params.id, readString(ctx.query, "type"), `/v1/customers/${ctx.params.id}/payment_methods`)
  }

  private listPaymentMethods(ctx: RequestContext): StripeObject {
    const customer = readString(ctx.query, "customer")
    if (customer !== undefined) this.find(this.customers, customer, "customer", "customer")
    return this.listPaymentMethodsFor(customer, readString(ctx.query, "type"), "/v1/payment_methods")
  }

  private attachPaymentMethod(ctx: RequestContext): StripeObject {
    const pm = this.resolvePaymentMethod(ctx.params.id, "payment_method")
    const customerId = requireParam(readString(ctx.body, "customer"), "customer")
    this.find(this.customers, customerId, "customer", "customer")
    if (pm.customer && pm.customer !== customerId) {
      throw unexpectedState("The payment method you provided has already been attached to a customer.", { code: "payment_method_unexpected_state" })
    }
    pm.customer = customerId
    this.emit("payment_method.attached", pm, ctx)
    return this.expand(pm, ctx)
  }

  private detachPaymentMethod(ctx: RequestContext): StripeObject {
    const pm = this.find(this.paymentMethods, ctx.params.id, "PaymentMethod", "payment_method")
    if (!pm.customer) {
      throw unexpectedState("The payment method you provided is not attached to a customer so detachment is impossible.", {
        code: "payment_method_unexpected_state",
      })
    }
    pm.customer = null
    this.emit("payment_method.detached", pm, ctx)
    return this.expand(pm, ctx)
  }

  // ----- customers ---------------------------------------------------------

  private applyCustomerParams(customer: StripeObject, body: StripeObject): void {
    for (const field of ["email", "name", "phone", "description"] as const) {
      const value = readNullableString(body, field)
      if (value !== undefined) customer[field] = value
    }
    for (const field of ["address", "shipping"] as const) {
      if (body[field] === "") customer[field] = null
      const hash = readHash(body, field)
      if (hash) customer[field] = normalizeEmptyStrings(hash)
    }
    customer.metadata = mergeMetadata(customer.metadata as Record<string, string>, body)
  }

  private createCustomer(ctx: RequestContext): StripeObject {
    if (this.strictParams) assertKnownParams(ctx.body, CUSTOMER_PARAMS)
    const customer: StripeObject = {
      id: newId("cus"),
      object: "customer",
      address: null,
      balance: 0,
      created: now(),
      currency: null,
      default_source: null,
      delinquent: false,
      description: null,
      discount: null,
      email: null,
      invoice_prefix: randomToken(8).toUpperCase(),
      invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
      livemode: false,
      metadata: {},
      name: null,
      next_invoice_sequence: 1,
      phone: null,
      preferred_locales: [],
      shipping: null,
      tax_exempt: "none",
      test_clock: null,
    }
    this.applyCustomerParams(customer, ctx.body)
    const pmId = readString(ctx.body, "payment_method")
    this.customers.set(customer.id as string, customer)
    if (pmId) this.resolvePaymentMethod(pmId, "payment_method").customer = customer.id
    this.emit("customer.created", customer, ctx)
    return this.expand(customer, ctx)
  }

  private retrieveCustomer(ctx: RequestContext): StripeObject {
    const customer = this.find(this.customers, ctx.params.id, "customer", "id")
    // A deleted customer is still retrievable, as a stub.
    if (customer.deleted) return { id: customer.id, object: "customer", deleted: true }
    return this.expand(customer, ctx)
  }

  private updateCustomer(ctx: RequestContext): StripeObject {
    if (this.strictParams) assertKnownParams(ctx.body, CUSTOMER_PARAMS)
    const customer = this.find(this.customers, ctx.params.id, "customer", "id")
    if (customer.deleted) throw resourceMissing("customer", ctx.params.id, "id")
    this.applyCustomerParams(customer, ctx.body)
    this.emit("customer.updated", customer, ctx)
    return this.expand(customer, ctx)
  }

  private deleteCustomer(ctx: RequestContext): StripeObject {
    const customer = this.find(this.customers, ctx.params.id, "customer", "id")
    if (customer.deleted) throw resourceMissing("customer", ctx.params.id, "id")
    customer.deleted = true
    for (const pm of this.paymentMethods.values()) if (pm.customer === customer.id) pm.customer = null
    this.emit("customer.deleted", customer, ctx)
    return { id: customer.id, object: "customer", deleted: true }
  }

  // ----- payment intents ---------------------------------------------------

  private createPaymentIntent(ctx: RequestContext): StripeObject {
    const { body } = ctx
    if (this.strictParams) assertKnownParams(body, PI_CREATE_PARAMS)

    const amountRaw = requireParam(readInteger(body, "amount"), "amount")
    const currency = requireParam(readCurrency(body), "currency")
    validateChargeAmount(amountRaw, currency)

    const paymentMethodTypes = readStringArray(body, "payment_method_types")
    const automatic = readHash(body, "automatic_payment_methods")
    if (paymentMethodTypes && automatic) {
      throw invalidParam("You may only specify one of these parameters: automatic_payment_methods, payment_method_types.")
    }
    paymentMethodTypes?.forEach((type, i) => {
      if (!PAYMENT_METHOD_TYPES.has(type)) {
        throw invalidParam(`Invalid payment_method_types[${i}]: must be one of ${[...PAYMENT_METHOD_TYPES].join(", ")}`, `payment_method_types[${i}]`)
      }
    })
    let automaticPaymentMethods: PaymentIntent["automatic_payment_methods"] = null
    if (automatic) {
      const enabled = readBoolean(automatic, "enabled")
      automaticPaymentMethods = {
        enabled: requireParam(enabled, "automatic_payment_methods[enabled]"),
        allow_redirects: readEnum(automatic, "allow_redirects", ["always", "never"] as const) ?? "always",
      }
    } else if (!paymentMethodTypes && versionDate(ctx.apiVersion) >= AUTOMATIC_PAYMENT_METHODS_DEFAULT_SINCE) {
      automaticPaymentMethods = { enabled: true, allow_redirects: "always" }
    }

    const customerId = readString(body, "customer")
    if (customerId !== undefined) {
      const customer = this.find(this.customers, customerId, "customer", "customer")
      if (customer.deleted) throw resourceMissing("customer", customerId, "customer")
    }
    const captureMethod =
      readEnum(body, "capture_method", ["automatic", "automatic_async", "manual"] as const) ??
      (versionDate(ctx.apiVersion) >= AUTOMATIC_ASYNC_DEFAULT_SINCE ? "automatic_async" : "automatic")
    const setupFutureUsage = readEnum(body, "setup_future_usage", ["on_session", "off_session"] as const) ?? null
    const confirm = readBoolean(body, "confirm") ?? false
    const returnUrl = readString(body, "return_url")
    if (returnUrl !== undefined && !confirm) {
      throw invalidParam("You can only specify `return_url` when `confirm` is true.", "return_url")
    }
    const paymentMethodId = readString(body, "payment_method")
    const paymentMethod = paymentMethodId ? this.resolvePaymentMethod(paymentMethodId, "payment_method") : undefined

    const id = newId("pi")
    const pi: PaymentIntent = {
      id,
      object: "payment_intent",
      amount: amountRaw,
      amount_capturable: 0,
      amount_details: { tip: {} },
      amount_received: 0,
      application: null,
      application_fee_amount: readInteger(body, "application_fee_amount") ?? null,
      automatic_payment_methods: automaticPaymentMethods,
      canceled_at: null,
      cancellation_reason: null,
      capture_method: captureMethod,
      client_secret: `${id}_secret_${randomToken(25)}`,
      confirmation_method: readEnum(body, "confirmation_method", ["automatic", "manual"] as const) ?? "automatic",
      created: now(),
      currency,
      customer: customerId ?? null,
      description: readNullableString(body, "description") ?? null,
      invoice: null,
      last_payment_error: null,
      latest_charge: null,
      livemode: false,
      metadata: mergeMetadata({}, body),
      next_action: null,
      on_behalf_of: readString(body, "on_behalf_of") ?? null,
      payment_method: (paymentMethod?.id as string | undefined) ?? null,
      payment_method_configuration_details: automaticPaymentMethods
        ? { id: readString(body, "payment_method_configuration") ?? "pmc_default", parent: null }
        : null,
      payment_method_options: readHash(body, "payment_method_options") ?? {
        card: { installments: null, mandate_options: null, network: null, request_three_d_secure: "automatic" },
      },
      payment_method_types: paymentMethodTypes ?? ["card"],
      processing: null,
      receipt_email: readNullableString(body, "receipt_email") ?? null,
      review: null,
      setup_future_usage: setupFutureUsage,
      shipping: readHash(body, "shipping") ?? null,
      source: null,
      statement_descriptor: readNullableString(body, "statement_descriptor") ?? null,
      statement_descriptor_suffix: readNullableString(body, "statement_descriptor_suffix") ?? null,
      status: paymentMethod ? "requires_confirmation" : "requires_payment_method",
      transfer_data: readHash(body, "transfer_data") ?? null,
      transfer_group: readString(body, "transfer_group") ?? null,
    }
    this.paymentIntents.set(id, pi)
    this.emit("payment_intent.created", pi, ctx)

    if (confirm) {
      // A decline during create-and-confirm still leaves the PaymentIntent
      // behind; the 402 carries it in `error.payment_intent`.
      this.confirm(pi, ctx, {
        returnUrl,
        offSession: body.off_session !== undefined && body.off_session !== "false",
      })
    }
    return this.expand(pi, ctx)
  }

  private listPaymentIntents(ctx: RequestContext): StripeObject {
    const customer = readString(ctx.query, "customer")
    const limit = readInteger(ctx.query, "limit") ?? 10
    const data = [...this.paymentIntents.values()]
      .filter((pi) => customer === undefined || pi.customer === customer)
      .reverse()
    return { ...list("/v1/payment_intents", data.slice(0, limit).map((pi) => clone(pi))), has_more: data.length > limit }
  }

  private assertClientSecret(pi: PaymentIntent, ctx: RequestContext, source: StripeObject): void {
    if (ctx.keyType !== "publishable") return
    const secret = readString(source, "client_secret")
    if (secret === undefined) throw invalidParam("Missing required param: client_secret.", "client_secret", "parameter_missing")
    if (secret !== pi.client_secret) {
      throw invalidParam(
        "The client_secret provided does not match any associated PaymentIntent on this account.",
        "client_secret",
        "payment_intent_invalid_parameter"
      )
    }
  }

  /** What a publishable key may see: Stripe hides customer/metadata-ish fields. */
  private forPublishable(pi: StripeObject, ctx: RequestContext): StripeObject {
    if (ctx.keyType !== "publishable") return pi
    const { customer: _customer, metadata: _metadata, transfer_data: _t, application_fee_amount: _a, ...rest } = pi
    return rest
  }

  private retrievePaymentIntent(ctx: RequestContext): StripeObject {
    const pi = this.find(this.paymentIntents, ctx.params.id, "payment_intent", "intent")
    this.assertClientSecret(pi, ctx, ctx.query)
    return this.forPublishable(this.expand(pi, ctx), ctx)
  }

  private updatePaymentIntent(ctx: RequestContext): StripeObject {
    const { body } = ctx
    if (this.strictParams) assertKnownParams(body, PI_UPDATE_PARAMS)
    const pi = this.find(this.paymentIntents, ctx.params.id, "payment_intent", "intent")

    // Metadata, description and the like may change in any state; the money
    // and payment method fields only before the payment is authorized.
    const restricted = Object.keys(body).filter(
      (k) => !["metadata", "description", "receipt_email", "shipping", "expand"].includes(k)
    )
    if (restricted.length > 0 && !AMOUNT_UPDATABLE.includes(pi.status)) {
      throw unexpectedState(
        `You cannot update this PaymentIntent because it has a status of ${pi.status}. Updates are only allowed when the PaymentIntent has one of the following statuses: ${AMOUNT_UPDATABLE.join(", ")}.`,
        { payment_intent: clone(pi) }
      )
    }

    const currency = readCurrency(body) ?? pi.currency
    const amount = readInteger(body, "amount")
    if (amount !== undefined || currency !== pi.currency) validateChargeAmount(amount ?? pi.amount, currency)
    const captureMethod = readEnum(body, "capture_method", ["automatic", "automatic_async", "manual"] as const)
    const setupFutureUsage = readEnum(body, "setup_future_usage", ["on_session", "off_session", ""] as const)
    const paymentMethodTypes = readStringArray(body, "payment_method_types")
    const customerId = readString(body, "customer")
    if (customerId) this.find(this.customers, customerId, "customer", "customer")
    const paymentMethodId = readString(body, "payment_method")
    const paymentMethod = paymentMethodId ? this.resolvePaymentMethod(paymentMethodId, "payment_method") : undefined

    const previous: StripeObject = {}
    const set = (field: string, value: unknown): void => {
      if (canonical(pi[field]) !== canonical(value)) previous[field] = clone(pi[field])
      pi[field] = value
    }
    if (amount !== undefined) set("amount", amount)
    if (currency !== pi.currency) set("currency", currency)
    if (captureMethod) set("capture_method", captureMethod)
    if (setupFutureUsage !== undefined) set("setup_future_usage", setupFutureUsage === "" ? null : setupFutureUsage)
    if (paymentMethodTypes) set("payment_method_types", paymentMethodTypes)
    if (customerId !== undefined) set("customer", customerId === "" ? null : customerId)
    for (const field of ["description", "receipt_email", "statement_descriptor", "statement_descriptor_suffix"]) {
      const value = readNullableString(body, field)
      if (value !== undefined) set(field, value)
    }
    const shipping = readHash(body, "shipping")
    if (shipping) set("shipping", shipping)
    if (body.metadata !== undefined) set("metadata", mergeMetadata(pi.metadata, body))
    if (paymentMethod) {
      set("payment_method", paymentMethod.id)
      if (pi.status === "requires_payment_method") set("status", "requires_confirmation")
    }
    if (Object.keys(previous).length > 0) this.emit("payment_intent.updated", pi, ctx, previous)
    return this.expand(pi, ctx)
  }

  private confirmPaymentIntent(ctx: RequestContext): StripeObject {
    const { body } = ctx
    if (this.strictParams) assertKnownParams(body, PI_CONFIRM_PARAMS)
    const pi = this.find(this.paymentIntents, ctx.params.id, "payment_intent", "intent")
    this.assertClientSecret(pi, ctx, body)

    const paymentMethodId = readString(body, "payment_method")
    const paymentMethodData = readHash(body, "payment_method_data")
    if (paymentMethodId && paymentMethodData) {
      throw invalidParam("You cannot specify both `payment_method` and `payment_method_data`.", "payment_method_data")
    }
    if (paymentMethodId) pi.payment_method = this.resolvePaymentMethod(paymentMethodId, "payment_method").id as string
    if (paymentMethodData) pi.payment_method = this.cardFromPaymentMethodData(paymentMethodData).id as string
    const captureMethod = readEnum(body, "capture_method", ["automatic", "automatic_async", "manual"] as const)
    if (captureMethod) pi.capture_method = captureMethod
    const setupFutureUsage = readEnum(body, "setup_future_usage", ["on_session", "off_session"] as const)
    if (setupFutureUsage) pi.setup_future_usage = setupFutureUsage
    const types = readStringArray(body, "payment_method_types")
    if (types) pi.payment_method_types = types

    this.confirm(pi, ctx, {
      returnUrl: readString(body, "return_url"),
      offSession: body.off_session !== undefined && body.off_session !== "false",
      useStripeSdk: body.use_stripe_sdk === "true",
    })
    return this.forPublishable(this.expand(pi, ctx), ctx)
  }

  /**
   * The confirmation state machine. Mutates `pi`; throws the 402 card error
   * (carrying the updated PaymentIntent) on a decline, like Stripe.
   */
  private confirm(pi: PaymentIntent, ctx: RequestContext, opts: { returnUrl?: string; offSession: boolean; useStripeSdk?: boolean }): void {
    if (!CONFIRMABLE.includes(pi.status)) {
      throw unexpectedState(
        `This PaymentIntent's status is ${pi.status}, but it must be one of ${CONFIRMABLE.join(", ")} to be confirmed.`,
        { payment_intent: clone(pi) }
      )
    }
    if (!pi.payment_method) {
      throw unexpectedState(
        "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method.",
        { payment_intent: clone(pi) }
      )
    }
    const automatic = pi.automatic_payment_methods as { enabled?: boolean; allow_redirects?: string } | null
    if (automatic?.enabled && automatic.allow_redirects !== "never" && !opts.returnUrl && !opts.offSession) {
      // Real Stripe behaviour that trips up server-side confirmation: with
      // automatic payment methods, some methods may redirect, so a return_url
      // is mandatory unless redirects are disabled.
      throw invalidParam(
        "This PaymentIntent is configured to accept payment methods enabled in your Dashboard, because some of these payment methods might redirect your customer off of your page, you must provide a `return_url`. If you don't want to accept redirect-based payment methods, set `automatic_payment_methods[enabled]` to `true` and `automatic_payment_methods[allow_redirects]` to `never` when creating Setup Intents and Payment Intents.",
        "return_url"
      )
    }
    const pm = this.find(this.paymentMethods, pi.payment_method, "PaymentMethod", "payment_method")
    if (!pi.payment_method_types.includes(pm.type as string) && !automatic?.enabled) {
      throw invalidParam(
        `The PaymentMethod provided (${String(pm.type)}) is not allowed for this PaymentIntent. Please attach a PaymentMethod of one of the following types: ${pi.payment_method_types.join(", ")}. Alternatively update the allowed payment_method_types for this PaymentIntent to include "${String(pm.type)}".`,
        "payment_method"
      )
    }
    if (pm.customer && pi.customer !== pm.customer) {
      throw invalidParam(
        "The provided PaymentMethod was previously used with a PaymentIntent without Customer attachment, shared with a connected account without Customer attachment, or was detached from a Customer. It may not be used again. To use a PaymentMethod multiple times, you must attach it to a Customer first.",
        "payment_method"
      )
    }

    const behaviour = this.cardBehaviour.get(pm.id as string) ?? { kind: "succeed" }
    if (behaviour.kind === "three_d_secure" && opts.offSession) {
      this.decline(pi, pm, ctx, {
        code: "authentication_required",
        declineCode: "authentication_required",
        message: "Your card was declined. This transaction requires authentication.",
      })
    }
    if (behaviour.kind === "decline") this.decline(pi, pm, ctx, behaviour)
    if (behaviour.kind === "three_d_secure" && pi.status !== "requires_action") {
      pi.status = "requires_action"
      // Stripe.js confirms with use_stripe_sdk=true and shows the challenge in
      // its own modal, even when it also sends a return_url (used only by
      // methods that must leave the page).
      pi.next_action = opts.returnUrl && !opts.useStripeSdk
        ? {
            type: "redirect_to_url",
            redirect_to_url: { return_url: opts.returnUrl, url: `${this.baseUrl}/_test/3ds/${pi.id}` },
          }
        : {
            type: "use_stripe_sdk",
            use_stripe_sdk: { type: "three_d_secure_redirect", stripe_js: `${this.baseUrl}/_test/3ds/${pi.id}`, source: newId("src") },
          }
      this.emit("payment_intent.requires_action", pi, ctx)
      return
    }
    if (behaviour.kind === "three_d_secure") return // still waiting for authenticate()
    this.authorize(pi, pm, ctx)
  }

  /** Creates the successful charge and moves the intent to requires_capture or succeeded. */
  private authorize(pi: PaymentIntent, pm: StripeObject, ctx?: RequestContext): void {
    const manual = pi.capture_method === "manual"
    const charge = this.createCharge(pi, pm, { succeeded: true, captured: !manual })
    pi.latest_charge = charge.id as string
    pi.last_payment_error = null
    pi.next_action = null
    if (pi.setup_future_usage && pi.customer) pm.customer = pi.customer
    this.emit("charge.succeeded", charge, ctx)
    if (manual) {
      pi.status = "requires_capture"
      pi.amount_capturable = pi.amount
      this.emit("payment_intent.amount_capturable_updated", pi, ctx)
    } else {
      pi.status = "succeeded"
      pi.amount_received = pi.amount
      this.emit("payment_intent.succeeded", pi, ctx)
    }
  }

  private decline(
    pi: PaymentIntent,
    pm: StripeObject,
    ctx: RequestContext,
    reason: { code: string; declineCode: string; message: string }
  ): never {
    const charge = this.createCharge(pi, pm, { succeeded: false, captured: false, failure: reason })
    this.emit("charge.failed", charge, ctx)
    const error: StripeErrorBody = withDocUrl({
      type: "card_error",
      code: reason.code,
      decline_code: reason.declineCode,
      message: reason.message,
      charge: charge.id as string,
    })
    pi.status = "requires_payment_method"
    pi.latest_charge = charge.id as string
    pi.payment_method = null
    pi.next_action = null
    pi.last_payment_error = { ...error, payment_method: clone(pm) }
    this.emit("payment_intent.payment_failed", pi, ctx)
    throw new StripeApiError(402, { ...error, payment_intent: clone(pi), payment_method: clone(pm) }, true)
  }

  authenticate(paymentIntentId: string, outcome: "succeed" | "fail" = "succeed"): PaymentIntent {
    const pi = this.paymentIntents.get(paymentIntentId)
    if (!pi) throw new Error(`No such payment_intent: '${paymentIntentId}'`)
    if (pi.status !== "requires_action" || !pi.payment_method) {
      throw new Error(`PaymentIntent ${paymentIntentId} is ${pi.status}, not requires_action`)
    }
    const pm = this.find(this.paymentMethods, pi.payment_method, "PaymentMethod", "payment_method")
    if (outcome === "succeed") {
      this.authorize(pi, pm)
    } else {
      pi.status = "requires_payment_method"
      pi.payment_method = null
      pi.next_action = null
      pi.last_payment_error = withDocUrl({
        type: "invalid_request_error",
        code: "payment_intent_authentication_failure",
        message:
          "The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new PaymentMethod to attempt to fulfill this PaymentIntent again.",
        payment_method: clone(pm),
      }) as unknown as StripeObject
      this.emit("payment_intent.payment_failed", pi)
    }
    return pi
  }

  /** The Stripe.js stand-in (stripe-js-standin.js), speaking to this server. */
  private stripeJs(): Reply {
    const source = fs.readFileSync(path.join(__dirname, "stripe-js-standin.js"), "utf8")
    const text = source.replaceAll("__STRIPE_API_BASE__", this.baseUrl)
    return reply(200, undefined, { raw: { contentType: "application/javascript; charset=utf-8", text } })
  }

  private threeDSecurePage(ctx: RequestContext): Reply {
    const pi = this.find(this.paymentIntents, ctx.params.id, "payment_intent", "intent")
    const link = (outcome: string, label: string): string =>
      `<a id="${outcome}" href="/_test/3ds/${pi.id}/complete?outcome=${outcome}&view=page">${label}</a>`
    const text = `<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width"><title>3D Secure test page</title></head><body>
<h1>3D Secure 2 test payment</h1><p>${formatAmount(pi.amount, pi.currency)} ${pi.currency.toUpperCase()}</p>
${link("succeed", "Complete")} ${link("fail", "Fail")}</body></html>`
    return reply(200, undefined, { raw: { contentType: "text/html; charset=utf-8", text } })
  }

  private threeDSecureComplete(ctx: RequestContext): Reply {
    const pi = this.find(this.paymentIntents, ctx.params.id, "payment_intent", "intent")
    const outcome = readString(ctx.query, "outcome") === "fail" ? "fail" : "succeed"
    const next = pi.next_action as { redirect_to_url?: { return_url?: string } } | null
    const returnUrl = next?.redirect_to_url?.return_url
    if (pi.status === "requires_action") this.authenticate(pi.id, outcome)
    if (!returnUrl && readString(ctx.query, "view") === "page") {
      // Shown inside Stripe.js's challenge modal, which then reads the intent's new status.
      const text = `<!doctype html><html lang="en"><head><title>3D Secure test page</title></head><body>
<p id="authentication-${pi.status === "requires_payment_method" ? "failed" : "complete"}">Authentication finished: ${pi.status}</p></body></html>`
      return reply(200, undefined, { raw: { contentType: "text/html; charset=utf-8", text } })
    }
    if (!returnUrl) return reply(200, { status: pi.status })
    const target = new URL(returnUrl)
    target.searchParams.set("payment_intent", pi.id)
    target.searchParams.set("payment_intent_client_secret", pi.client_secret)
    target.searchParams.set("redirect_status", outcome === "succeed" ? "succeeded" : "failed")
    return reply(302, undefined, { headers: { Location: target.toString() } })
  }

  private capturePaymentIntent(ctx: RequestContext): StripeObject {
    const { body } = ctx
    if (this.strictParams) assertKnownParams(body, PI_CAPTURE_PARAMS)
    const pi = this.find(this.paymentIntents, ctx.params.id, "payment_intent", "intent")
    if (pi.status !== "requires_capture") {
      throw unexpectedState(
        `This PaymentIntent could not be captured because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be captured: requires_capture.`,
        { payment_intent: clone(pi) }
      )
    }
    const amountToCapture = readInteger(body, "amount_to_capture") ?? pi.amount_capturable
    if (amountToCapture < 1) {
      throw invalidParam("This value must be greater than or equal to 1.", "amount_to_capture", "parameter_invalid_integer")
    }
    if (amountToCapture > pi.amount_capturable) {
      throw invalidParam(
        `The amount to capture (${formatAmount(amountToCapture, pi.currency)}) cannot be greater than the amount capturable (${formatAmount(pi.amount_capturable, pi.currency)}).`,
        "amount_to_capture",
        "amount_too_large"
      )
    }
    pi.metadata = mergeMetadata(pi.metadata, body)
    const charge = this.find(this.charges, pi.latest_charge ?? "", "charge", "charge")
    charge.captured = true
    charge.amount_captured = amountToCapture
    pi.amount_received = amountToCapture
    pi.amount_capturable = 0
    pi.status = "succeeded"
    this.emit("charge.captured", charge, ctx)
    this.emit("payment_intent.succeeded", pi, ctx)
    return this.expand(pi, ctx)
  }

  private cancelPaymentIntent(ctx: RequestContext): StripeObject {
    const { body } = ctx
    if (this.strictParams) assertKnownParams(body, PI_CANCEL_PARAMS)
    const pi = this.find(this.paymentIntents, ctx.params.id, "payment_intent", "intent")
    const reason = readEnum(body, "cancellation_reason", ["duplicate", "fraudulent", "requested_by_customer", "abandoned"] as const)
    if (!CANCELABLE.includes(pi.status)) {
      // The Medusa provider treats this error on an already-canceled intent as success.
      throw unexpectedState(
        `You cannot cancel this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE.join(", ")}.`,
        { payment_intent: clone(pi) }
      )
    }
    if (pi.status === "requires_capture" && pi.latest_charge) {
      // Releasing an authorization refunds the uncaptured charge.
      const charge = this.charges.get(pi.latest_charge)
      if (charge) {
        charge.refunded = true
        charge.amount_refunded = charge.amount
      }
    }
    pi.status = "canceled"
    pi.canceled_at = now()
    pi.cancellation_reason = reason ?? null
    pi.amount_capturable = 0
    pi.next_action = null
    this.emit("payment_intent.canceled", pi, ctx)
    return this.expand(pi, ctx)
  }

  // ----- charges and refunds -----------------------------------------------

  private createCharge(
    pi: PaymentIntent,
    pm: StripeObject,
    opts: { succeeded: boolean; captured: boolean; failure?: { code: string; declineCode: string; message: string } }
  ): StripeObject {
    const card = pm.card as StripeObject
    const charge: StripeObject = {
      id: newId("ch"),
      object: "charge",
      amount: pi.amount,
      amount_captured: opts.captured ? pi.amount : 0,
      amount_refunded: 0,
      balance_transaction: opts.succeeded ? newId("txn") : null,
      billing_details: clone(pm.billing_details),
      captured: opts.captured,
      created: now(),
      currency: pi.currency,
      customer: pi.customer,
      description: pi.description ?? null,
      disputed: false,
      failure_code: opts.failure?.code ?? null,
      failure_message: opts.failure?.message ?? null,
      livemode: false,
      metadata: clone(pi.metadata),
      outcome: opts.succeeded
        ? { network_status: "approved_by_network", reason: null, risk_level: "normal", risk_score: 12, seller_message: "Payment complete.", type: "authorized" }
        : { network_status: "declined_by_network", reason: opts.failure?.declineCode ?? null, risk_level: "normal", risk_score: 12, seller_message: "The bank did not return any further details with this decline.", type: "issuer_declined" },
      paid: opts.succeeded,
      payment_intent: pi.id,
      payment_method: pm.id,
      payment_method_details: {
        card: { brand: card.brand, country: card.country, exp_month: card.exp_month, exp_year: card.exp_year, funding: card.funding, last4: card.last4, network: card.brand },
        type: "card",
      },
      receipt_email: pi.receipt_email ?? null,
      refunded: false,
      status: opts.succeeded ? "succeeded" : "failed",
    }
    this.charges.set(charge.id as string, charge)
    return charge
  }

  private createRefund(ctx: RequestContext): StripeObject {
    const { body } = ctx
    if (this.strictParams) assertKnownParams(body, REFUND_CREATE_PARAMS)
    const piId = readString(body, "payment_intent")
    const chargeId = readString(body, "charge")
    if (!piId && !chargeId) {
      throw invalidParam("One of the following params should be provided for this request: payment_intent or charge.", undefined, "parameter_missing")
    }
    const amountParam = readInteger(body, "amount")
    const reason = readEnum(body, "reason", ["duplicate", "fraudulent", "requested_by_customer"] as const) ?? null

    let charge: StripeObject
    if (piId) {
      const pi = this.find(this.paymentIntents, piId, "payment_intent", "payment_intent")
      const latest = pi.latest_charge ? this.charges.get(pi.latest_charge) : undefined
      if (!latest || latest.status !== "succeeded" || pi.status !== "succeeded") {
        throw unexpectedState(`This PaymentIntent (${pi.id}) does not have a successful charge to refund.`, {
          param: "payment_intent",
          payment_intent: clone(pi),
        })
      }
      charge = latest
    } else {
      charge = this.find(this.charges, chargeId!, "charge", "charge")
    }

    const refundable = (charge.amount_captured as number) - (charge.amount_refunded as number)
    if (refundable <= 0) {
      // The Medusa provider swallows exactly this code.
      throw new StripeApiError(
        400,
        withDocUrl({ type: "invalid_request_error", code: "charge_already_refunded", message: `Charge ${String(charge.id)} has already been refunded.` }),
        true
      )
    }
    const amount = amountParam ?? refundable
    const currency = charge.currency as string
    if (amount < 1) throw invalidParam("This value must be greater than or equal to 1.", "amount", "parameter_invalid_integer")
    if (amount > refundable) {
      throw new StripeApiError(
        400,
        withDocUrl({
          type: "invalid_request_error",
          code: "amount_too_large",
          param: "amount",
          message: `Refund amount (${formatAmount(amount, currency)}) is greater than unrefunded amount on charge (${formatAmount(refundable, currency)})`,
        }),
        true
      )
    }

    const refund: StripeObject = {
      id: newId("re"),
      object: "refund",
      amount,
      balance_transaction: newId("txn"),
      charge: charge.id,
      created: now(),
      currency,
      destination_details: { card: { reference_status: "pending", reference_type: "acquirer_reference_number", type: "refund" }, type: "card" },
      metadata: mergeMetadata({}, body),
      payment_intent: charge.payment_intent,
      reason,
      receipt_number: null,
      source_transfer_reversal: null,
      status: "succeeded",
      transfer_reversal: null,
    }
    this.refunds.set(refund.id as string, refund)
    charge.amount_refunded = (charge.amount_refunded as number) + amount
    charge.refunded = charge.amount_refunded === charge.amount_captured
    this.emit("refund.created", refund, ctx)
    this.emit("charge.refunded", charge, ctx)
    return this.expand(refund, ctx)
  }

  private listRefunds(ctx: RequestContext): StripeObject {
    const pi = readString(ctx.query, "payment_intent")
    const charge = readString(ctx.query, "charge")
    const data = [...this.refunds.values()]
      .filter((r) => (pi === undefined || r.payment_intent === pi) && (charge === undefined || r.charge === charge))
      .reverse()
    return list("/v1/refunds", data.map((r) => clone(r)))
  }

  // ----- setup intents -----------------------------------------------------

  private createSetupIntent(ctx: RequestContext): StripeObject {
    const { body } = ctx
    if (this.strictParams) assertKnownParams(body, SETUP_INTENT_PARAMS)
    const customerId = readString(body, "customer")
    if (customerId) this.find(this.customers, customerId, "customer", "customer")
    const pmId = readString(body, "payment_method")
    const pm = pmId ? this.resolvePaymentMethod(pmId, "payment_method") : undefined
    const confirm = readBoolean(body, "confirm") ?? false
    const id = newId("seti")
    const si: StripeObject = {
      id,
      object: "setup_intent",
      application: null,
      automatic_payment_methods: null,
      cancellation_reason: null,
      client_secret: `${id}_secret_${randomToken(25)}`,
      created: now(),
      customer: customerId ?? null,
      description: readNullableString(body, "description") ?? null,
      last_setup_error: null,
      latest_attempt: null,
      livemode: false,
      mandate: null,
      metadata: mergeMetadata({}, body),
      next_action: null,
      on_behalf_of: null,
      payment_method: pm?.id ?? null,
      payment_method_options: readHash(body, "payment_method_options") ?? {},
      payment_method_types: readStringArray(body, "payment_method_types") ?? ["card"],
      single_use_mandate: null,
      status: pm ? "requires_confirmation" : "requires_payment_method",
      usage: readEnum(body, "usage", ["on_session", "off_session"] as const) ?? "off_session",
    }
    this.setupIntents.set(id, si)
    if (confirm) {
      if (!pm) throw unexpectedState("You cannot confirm this SetupIntent because it's missing a payment method.", { code: "setup_intent_unexpected_state" })
      const behaviour = this.cardBehaviour.get(pm.id as string) ?? { kind: "succeed" }
      if (behaviour.kind === "decline") {
        si.status = "requires_payment_method"
        si.payment_method = null
        const error = withDocUrl({ type: "card_error", code: behaviour.code, decline_code: behaviour.declineCode, message: behaviour.message })
        si.last_setup_error = { ...error }
        throw new StripeApiError(402, { ...error, setup_intent: clone(si), payment_method: clone(pm) }, true)
      }
      si.status = "succeeded"
      if (customerId) pm.customer = customerId
      this.emit("setup_intent.succeeded", si, ctx)
    }
    return this.expand(si, ctx)
  }
}

// ---------------------------------------------------------------------------
// HTTP plumbing
// ---------------------------------------------------------------------------

function reply(status: number, body: unknown, extra: Pick<Reply, "headers" | "raw"> = {}): Reply {
  return { [REPLY]: true, status, body, ...extra }
}

function isReply(value: Reply | StripeObject): value is Reply {
  return REPLY in value
}

function errorReply(e: unknown): Reply {
  if (e instanceof StripeApiError) {
    // Stripe tells clients not to retry deterministic 4xx errors.
    return reply(e.status, { error: e.body }, { headers: { "Stripe-Should-Retry": "false" } })
  }
  return reply(
    500,
    { error: { type: "api_error", message: `Stripe test server error: ${(e as Error)?.message ?? String(e)}` } },
    { headers: { "Stripe-Should-Retry": "false" } }
  )
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

/**
 * Accepts `Bearer <key>` and, like Stripe, HTTP Basic with the key as user
 * name (`curl -u sk_test_…:`). Only test-mode keys are valid here.
 */
function authenticate(
  header: string | undefined
): { keyType: "secret" | "publishable" } | { error: { type: string; message: string } } {
  if (!header) {
    return {
      error: {
        type: "invalid_request_error",
        message:
          "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
      },
    }
  }
  let key = ""
  const [scheme, credentials = ""] = header.split(" ", 2)
  if (/^bearer$/i.test(scheme)) key = credentials.trim()
  else if (/^basic$/i.test(scheme)) key = Buffer.from(credentials, "base64").toString("utf8").split(":")[0]
  if (/^(sk|rk)_test_\w+$/.test(key)) return { keyType: "secret" }
  if (/^pk_test_\w+$/.test(key)) return { keyType: "publishable" }
  const redacted = key.length > 12 ? `${key.slice(0, 8)}${"*".repeat(Math.max(0, key.length - 12))}${key.slice(-4)}` : key
  return { error: { type: "invalid_request_error", message: `Invalid API Key provided: ${redacted}` } }
}

/** Empty strings in nested hashes (e.g. `address[line2]=`) mean null on Stripe. */
function normalizeEmptyStrings(hash: StripeObject): StripeObject {
  return Object.fromEntries(
    Object.entries(hash).map(([k, v]) => [k, v === "" ? null : isPlainObject(v) ? normalizeEmptyStrings(v) : v])
  )
}

const MAX_BODY_BYTES = 1024 * 1024

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on("data", (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        reject(new Error("Request body too large"))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")))
    req.on("error", reject)
  })
}

function postRaw(url: string, payload: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url)
    const client = target.protocol === "https:" ? https : http
    const req = client.request(
      target,
      { method: "POST", headers: { ...headers, "Content-Length": String(Buffer.byteLength(payload)) }, timeout: 10_000 },
      (res) => {
        const chunks: Buffer[] = []
        res.on("data", (c: Buffer) => chunks.push(c))
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }))
        res.on("error", reject)
      }
    )
    req.on("timeout", () => req.destroy(new Error(`Webhook delivery to ${url} timed out`)))
    req.on("error", reject)
    req.end(payload)
  })
}

// ---------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------

export async function startStripeServer(options: StripeServerOptions = {}): Promise<StripeServer> {
  const host = options.host ?? "127.0.0.1"
  const stripe = new LocalStripe(options)
  const server = http.createServer((req, res) => {
    stripe.handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/json" })
      res.end(JSON.stringify({ error: { type: "api_error", message: String(e) } }))
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`
  stripe.baseUrl = url

  return {
    url,
    host,
    port,
    clientOptions: { host, port, protocol: "http" },
    requests: stripe.requests,
    paymentIntents: stripe.paymentIntents,
    charges: stripe.charges,
    refunds: stripe.refunds,
    customers: stripe.customers,
    paymentMethods: stripe.paymentMethods,
    setupIntents: stripe.setupIntents,
    events: stripe.events,
    webhookDeliveries: stripe.webhookDeliveries,
    sendEvent: (type, object) => stripe.sendEvent(type, object),
    setWebhook: (webhook) => {
      stripe.webhook = webhook
    },
    flushWebhooks: () => stripe.flushWebhooks(),
    authenticate: (id, outcome) => stripe.authenticate(id, outcome),
    resetLog: () => stripe.resetLog(),
    reset: () => stripe.reset(),
    stop: async () => {
      await stripe.flushWebhooks()
      await new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()))
        // The stripe client keeps connections alive; don't wait for them to idle out.
        server.closeAllConnections()
      })
    },
  }
}
