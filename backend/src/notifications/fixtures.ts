/** Sample data for every template (unit tests and the local mail viewer's preview). */
import { buildVietQrPayload, makeTransferReference } from "../modules/payment-bank-transfer/vietqr"
import type { MessageLocale } from "./format"
import type { TemplateData, TemplateName } from "./render"

const base = (locale: MessageLocale) => ({ locale, storefront_url: "http://localhost:8000" })
/** What sendMessagesStep adds to a non-essential message (notifications/recipients.ts optOutLinks). */
const optOut = (locale: MessageLocale) => ({
  preferences_url: `http://localhost:8000/${locale}/producer/profile#notifications`,
  unsubscribe_url: "http://localhost:9000/notifications/unsubscribe?token=producer.prod_ocop_1.sample",
})
const address = {
  first_name: "Lan",
  last_name: "Nguyễn",
  address_1: "12 Lê Lợi",
  city: "Huế",
  province: "thành phố Huế",
  postal_code: "530000",
  country_code: "vn",
  phone: "+84 234 3822 123",
}
const reference = makeTransferReference(1042)

export function sampleData<N extends TemplateName>(name: N, locale: MessageLocale): TemplateData<N> {
  const samples: { [K in TemplateName]: TemplateData<K> } = {
    "ocop-order-placed": {
      ...base(locale),
      order: {
        id: "order_01SAMPLE",
        display_id: 1042,
        currency_code: "vnd",
        email: "lan@example.com",
        items: [
          { title: "Mè xửng Thiên Hương", variant_title: "Hộp 500 g", quantity: 2, unit_price: 45000, total: 90000, producer_name: "HTX An Lỗ", stars: 4 },
          { title: "Đèn mây tre Bao La", variant_title: null, quantity: 1, unit_price: 35000, total: 35000, producer_name: "HTX mây tre đan Bao La", stars: 3 },
        ],
        subtotal: 125000,
        shipping_total: 30000,
        discount_total: 0,
        tax_total: 0,
        total: 155000,
        shipping_address: address,
      },
      payment: {
        method: "bank_transfer",
        amount: 155000,
        reference,
        bank_name: "Vietcombank (demo account)",
        account_number: "0011000000000",
        account_name: "CONG TY OCOP HUE DEMO",
        vietqr_payload: buildVietQrPayload({ bankBin: "970436", accountNumber: "0011000000000", amount: 155000, currency: "VND", reference }),
      },
    },
    "ocop-producer-new-order": {
      ...base(locale),
      producer: { id: "prod_ocop_1", name: "HTX An Lỗ" },
      order: {
        id: "order_01SAMPLE",
        display_id: 1042,
        currency_code: "vnd",
        items: [{ title: "Mè xửng Thiên Hương", variant_title: "Hộp 500 g", quantity: 2, unit_price: 45000, total: 90000 }],
        shipping_address: address,
      },
    },
    "ocop-payment-received": { ...base(locale), order: { id: "order_01SAMPLE", display_id: 1042, currency_code: "vnd" }, amount: 155000 },
    "ocop-order-canceled": { ...base(locale), order: { id: "order_01SAMPLE", display_id: 1042, currency_code: "vnd" }, refunded: 155000 },
    "ocop-order-shipped": {
      ...base(locale),
      order: { id: "order_01SAMPLE", display_id: 1042 },
      producer_name: "HTX An Lỗ",
      carrier: "VNPost",
      items: [{ title: "Mè xửng Thiên Hương", quantity: 2 }],
      tracking: [{ number: "EB123456789VN", url: "https://tracking.vnpost.vn/?key=EB123456789VN" }],
    },
    "ocop-producer-decision": { ...base(locale), producer_name: "HTX An Lỗ", decision: "rejected", reason: "Thiếu giấy đăng ký kinh doanh" },
    "ocop-listing-reviewed": {
      ...base(locale),
      ...optOut(locale),
      producer_name: "HTX An Lỗ",
      product_id: "prod_01SAMPLE",
      product_title: "Mè xửng Thiên Hương",
      decision: "rejected",
      note: "Ảnh nhãn chưa rõ hạn sử dụng",
    },
    "ocop-certificate-expiry": {
      ...base(locale),
      ...optOut(locale),
      producer_name: "HTX An Lỗ",
      product_title: "Mè xửng Thiên Hương",
      certificate_number: "DEMO-OCOP-2023-001",
      valid_until: "2027-03-02T17:00:00.000Z",
      stage: 90,
      days_left: 89,
    },
    "ocop-payment-refunded": {
      ...base(locale),
      order: { id: "order_01SAMPLE", display_id: 1042, currency_code: "vnd" },
      amount: 45000,
      note: "Một hộp mè xửng bị vỡ khi giao",
    },
    "ocop-admin-digest": {
      ...base(locale),
      date: "2026-12-03T01:00:00.000Z",
      admin_url: "http://localhost:9000/app",
      pending_producers: [{ id: "prod_ocop_9", name: "HTX Thanh Trà", applied_at: "2026-12-01T03:00:00.000Z" }],
      pending_certifications: [{ id: "cert_2", certificate_number: "DEMO-OCOP-2026-014", product_title: "Trà cung đình", producer_name: "HTX An Lỗ" }],
      expiring: [
        { id: "cert_1", certificate_number: "DEMO-OCOP-2023-001", product_title: "Mè xửng Thiên Hương", producer_name: "HTX An Lỗ", valid_until: "2026-12-20T17:00:00.000Z" },
      ],
    },
    "ocop-customer-password-reset": { ...base(locale), actor: "customer", url: `http://localhost:8000/${locale}/account/reset-password?token=sample` },
    "ocop-producer-password-reset": { ...base(locale), actor: "producer", url: `http://localhost:8000/${locale}/producer/reset-password?token=sample` },
    "ocop-user-password-reset": { ...base(locale), actor: "user", url: "http://localhost:9000/app/reset-password?token=sample" },
    "ocop-producer-invite": {
      ...base(locale),
      producer_name: "HTX An Lỗ",
      url: `http://localhost:8000/${locale}/producer/join?token=sample`,
      expires_at: "2026-12-10T00:00:00.000Z",
    },
  }
  return samples[name] as TemplateData<N>
}
