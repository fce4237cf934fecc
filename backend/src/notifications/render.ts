import { render } from "@react-email/render"
import QRCode from "qrcode"
import type { ReactElement } from "react"
import { verifyVietQrPayload } from "../modules/payment-bank-transfer/vietqr"
import { AdminDigestEmail, adminDigestSubject } from "./templates/admin-digest"
import { CertificateExpiryEmail, certificateExpirySubject } from "./templates/certificate-expiry"
import { ListingReviewedEmail, listingReviewedSubject } from "./templates/listing-reviewed"
import { OrderCanceledEmail, orderCanceledSubject } from "./templates/order-canceled"
import { OrderPlacedEmail, VIETQR_CID, orderPlacedSubject } from "./templates/order-placed"
import { PaymentReceivedEmail, paymentReceivedSubject } from "./templates/payment-received"
import { PaymentRefundedEmail, paymentRefundedSubject } from "./templates/payment-refunded"
import { PasswordResetEmail, passwordResetSubject } from "./templates/password-reset"
import { ProducerDecisionEmail, producerDecisionSubject } from "./templates/producer-decision"
import { ProducerInviteEmail, producerInviteSubject } from "./templates/producer-invite"
import { ProducerOrderEmail, producerOrderSubject } from "./templates/producer-order"
import { ShipmentEmail, shipmentSubject } from "./templates/shipment"
import type {
  AdminDigestData,
  CertificateExpiryData,
  ListingReviewedData,
  OrderCanceledData,
  OrderPlacedData,
  PasswordResetData,
  PaymentReceivedData,
  PaymentRefundedData,
  ProducerDecisionData,
  ProducerInviteData,
  ProducerOrderData,
  ShipmentData,
} from "./types"

export type RenderedAttachment = { filename: string; content: Buffer; contentType: string; cid?: string }
export type RenderedEmail = { subject: string; html: string; text: string; attachments: RenderedAttachment[] }

type Template<D> = {
  subject: (data: D) => string
  component: (data: D) => ReactElement
  /**
   * Order, payment and security messages cannot be turned off; everything else honours the
   * recipient's opt-out. A function when it depends on the message (an early reminder is not).
   */
  essential: boolean | ((data: D) => boolean)
  attachments?: (data: D) => Promise<RenderedAttachment[]>
}

const define = <D>(t: Template<D>) => t

/**
 * Every message the marketplace sends, by template name. Callers send
 * `{ channel, template, data }` through Medusa's notification module; the email
 * provider renders here, and another channel's provider (Zalo ZNS, SMS) maps the
 * same names and data to its own pre-approved templates.
 */
export const TEMPLATES = {
  "ocop-order-placed": define<OrderPlacedData>({
    subject: orderPlacedSubject,
    component: OrderPlacedEmail,
    essential: true,
    attachments: vietQrAttachment,
  }),
  "ocop-producer-new-order": define<ProducerOrderData>({ subject: producerOrderSubject, component: ProducerOrderEmail, essential: true }),
  "ocop-payment-received": define<PaymentReceivedData>({ subject: paymentReceivedSubject, component: PaymentReceivedEmail, essential: true }),
  "ocop-payment-refunded": define<PaymentRefundedData>({ subject: paymentRefundedSubject, component: PaymentRefundedEmail, essential: true }),
  "ocop-admin-digest": define<AdminDigestData>({ subject: adminDigestSubject, component: AdminDigestEmail, essential: true }),
  "ocop-order-canceled": define<OrderCanceledData>({ subject: orderCanceledSubject, component: OrderCanceledEmail, essential: true }),
  "ocop-order-shipped": define<ShipmentData>({ subject: shipmentSubject, component: ShipmentEmail, essential: true }),
  "ocop-producer-decision": define<ProducerDecisionData>({ subject: producerDecisionSubject, component: ProducerDecisionEmail, essential: true }),
  "ocop-listing-reviewed": define<ListingReviewedData>({ subject: listingReviewedSubject, component: ListingReviewedEmail, essential: false }),
  // The 90-day reminder is a heads-up (the 30-day one and the lapse notice always go).
  "ocop-certificate-expiry": define<CertificateExpiryData>({
    subject: certificateExpirySubject,
    component: CertificateExpiryEmail,
    essential: (d) => d.stage !== 90,
  }),
  // Security messages, one name per actor (the log and GET /admin/notifications tell them apart).
  "ocop-customer-password-reset": define<PasswordResetData>({ subject: passwordResetSubject, component: PasswordResetEmail, essential: true }),
  "ocop-producer-password-reset": define<PasswordResetData>({ subject: passwordResetSubject, component: PasswordResetEmail, essential: true }),
  "ocop-user-password-reset": define<PasswordResetData>({ subject: passwordResetSubject, component: PasswordResetEmail, essential: true }),
  "ocop-producer-invite": define<ProducerInviteData>({ subject: producerInviteSubject, component: ProducerInviteEmail, essential: true }),
} as const

export type TemplateName = keyof typeof TEMPLATES
export type TemplateData<N extends TemplateName> = (typeof TEMPLATES)[N] extends Template<infer D> ? D : never

export function isTemplateName(name: unknown): name is TemplateName {
  return typeof name === "string" && Object.prototype.hasOwnProperty.call(TEMPLATES, name)
}

export function isEssential<N extends TemplateName>(name: N, data?: TemplateData<N>): boolean {
  const essential = (TEMPLATES[name] as unknown as Template<TemplateData<N>>).essential
  if (typeof essential === "boolean") return essential
  // Without the data, the safe answer for a sometimes-essential message is "essential".
  return data ? essential(data) : true
}

/** Subject, HTML, plain text and inline images of one message. */
export async function renderEmail<N extends TemplateName>(name: N, data: TemplateData<N>): Promise<RenderedEmail> {
  const template = TEMPLATES[name] as unknown as Template<TemplateData<N>>
  const element = template.component(data)
  const [html, text, attachments] = await Promise.all([
    render(element),
    render(element, { plainText: true }),
    template.attachments ? template.attachments(data) : Promise.resolve([]),
  ])
  return { subject: template.subject(data), html, text, attachments }
}

/**
 * The bank-transfer instructions carry the VietQR payload the checkout showed (built by
 * payment-bank-transfer/vietqr.ts); the message carries it as a PNG image, never re-computed.
 */
async function vietQrAttachment(data: OrderPlacedData): Promise<RenderedAttachment[]> {
  if (data.payment.method !== "bank_transfer") return []
  if (!verifyVietQrPayload(data.payment.vietqr_payload)) throw new Error("the order's VietQR payload has a bad checksum")
  const content = await QRCode.toBuffer(data.payment.vietqr_payload, {
    type: "png",
    errorCorrectionLevel: "M",
    margin: 2,
    width: 400,
    color: { dark: "#2e1245", light: "#ffffff" },
  })
  return [{ filename: "vietqr.png", content, contentType: "image/png", cid: VIETQR_CID }]
}
