import { describe, expect, it } from "vitest"
import { formatMoney as storefrontMoney } from "../../../storefront/src/lib/util/money"
import { formatDate as storefrontDate } from "../../../storefront/src/lib/util/locale"
import { decodeVietQrPayload } from "../modules/payment-bank-transfer/vietqr"
import { sampleData } from "./fixtures"
import { formatDate, formatMoney, MESSAGE_LOCALES } from "./format"
import { isEssential, renderEmail, TEMPLATES, type TemplateName } from "./render"

const NBSP = "\u00a0"

describe("message formatting", () => {
  it("formats money exactly as the storefront does (one rule, two builds)", () => {
    const cases: [number, string, "vi" | "en"][] = [
      [125000, "vnd", "vi"], [125000, "vnd", "en"], [45000.4, "vnd", "vi"], [0, "vnd", "en"],
      [5.5, "usd", "en"], [1234.5, "usd", "vi"], [10, "eur", "vi"], [10, "eur", "en"],
    ]
    for (const [n, c, l] of cases) expect(formatMoney(n, c, l)).toBe(storefrontMoney(n, c, l))
    expect(formatMoney(125000, "vnd", "vi")).toBe(`125.000${NBSP}₫`)
    for (const l of MESSAGE_LOCALES) expect(formatDate("2027-03-02T17:00:00.000Z", l)).toBe(storefrontDate("2027-03-02T17:00:00.000Z", l))
  })
})

describe("templates", () => {
  const names = Object.keys(TEMPLATES) as TemplateName[]

  it.each(names.flatMap((n) => MESSAGE_LOCALES.map((l) => [n, l] as const)))("%s renders in %s (HTML with lang, plain text, subject)", async (name, locale) => {
    const email = await renderEmail(name, sampleData(name, locale))
    expect(email.subject.length).toBeGreaterThan(5)
    expect(email.html).toMatch(new RegExp(`<html[^>]* lang="${locale}"`))
    expect(email.text.length).toBeGreaterThan(40)
    expect(email.text).not.toContain("<")
    // Only non-essential messages offer the opt-out links (the samples of essential ones have none).
    const data = sampleData(name, locale)
    expect(email.html.includes("/notifications/unsubscribe?token=")).toBe(!isEssential(name, data))
    expect(email.html.includes("/producer/profile#notifications")).toBe(!isEssential(name, data))
  })

  it("order confirmation: amounts formatted for VND, stars and producers, address, bank transfer with the checkout's VietQR", async () => {
    const vi = await renderEmail("ocop-order-placed", sampleData("ocop-order-placed", "vi"))
    expect(vi.subject).toBe("Xác nhận đơn hàng #1042 — Chợ OCOP Huế")
    expect(vi.text).toContain(`SL 2 × 45.000${NBSP}₫`)
    expect(vi.text).toContain(`Tổng cộng`)
    expect(vi.text).toContain(`155.000${NBSP}₫`)
    expect(vi.text).toContain("★★★★☆ OCOP 4★ · Chủ thể: HTX An Lỗ")
    expect(vi.text).toContain("12 Lê Lợi")
    expect(vi.text).toContain("Nội dung chuyển khoản: OCOP 1042")
    expect(vi.html).toContain('src="cid:vietqr@ocop-hue"')
    expect(vi.html).toContain("http://localhost:8000/vi/account/orders/order_01SAMPLE")
    expect(vi.attachments).toHaveLength(1)
    expect(vi.attachments[0]).toMatchObject({ contentType: "image/png", cid: "vietqr@ocop-hue" })
    expect(vi.attachments[0].content.subarray(1, 4).toString()).toBe("PNG")

    const en = await renderEmail("ocop-order-placed", sampleData("ocop-order-placed", "en"))
    expect(en.subject).toBe("Order #1042 confirmed — Huế OCOP Marketplace")
    // VND stays Vietnamese-formatted on an English message
    expect(en.text).toContain(`Transfer 155.000${NBSP}₫ with the VietQR code`)
    expect(en.text).toContain("Transfer reference: OCOP 1042")
    expect(decodeVietQrPayload(sampleData("ocop-order-placed", "en").payment.method === "bank_transfer" ? (sampleData("ocop-order-placed", "en").payment as any).vietqr_payload : "").amount).toBe(155000)
  })

  it("order confirmation: cash on delivery names the amount to prepare, USD the American way", async () => {
    const data = sampleData("ocop-order-placed", "en")
    const usd = { ...data, order: { ...data.order, currency_code: "usd", total: 12.5 }, payment: { method: "cod" as const, amount: 12.5 } }
    const email = await renderEmail("ocop-order-placed", usd)
    expect(email.text).toContain("Cash on delivery: please have $12.50 ready for the courier.")
    expect(email.attachments).toEqual([])
  })

  it("refuses a VietQR payload with a bad checksum rather than mailing a code that pays nobody", async () => {
    const data = sampleData("ocop-order-placed", "vi")
    const bad = { ...data, payment: { ...(data.payment as any), vietqr_payload: (data.payment as any).vietqr_payload.slice(0, -1) + "0" } }
    await expect(renderEmail("ocop-order-placed", bad)).rejects.toThrow(/checksum/)
  })

  it("producer alert, shipment, decisions and expiry carry their facts and links", async () => {
    const p = await renderEmail("ocop-producer-new-order", sampleData("ocop-producer-new-order", "vi"))
    expect(p.subject).toBe("Đơn hàng mới #1042 cần giao — Chợ OCOP Huế")
    expect(p.text).toContain(`SL 2 × 45.000${NBSP}₫ = 90.000${NBSP}₫`)
    expect(p.html).toContain("http://localhost:8000/vi/producer/orders/order_01SAMPLE")
    const s = await renderEmail("ocop-order-shipped", sampleData("ocop-order-shipped", "en"))
    expect(s.text).toContain("Carrier: VNPost")
    expect(s.html).toContain('href="https://tracking.vnpost.vn/?key=EB123456789VN"')
    const d = await renderEmail("ocop-producer-decision", sampleData("ocop-producer-decision", "vi"))
    expect(d.text).toContain("Lý do: Thiếu giấy đăng ký kinh doanh")
    const l = await renderEmail("ocop-listing-reviewed", sampleData("ocop-listing-reviewed", "en"))
    expect(l.subject).toBe("Not approved: Mè xửng Thiên Hương")
    expect(l.text).toContain("Note from the OCOP office: Ảnh nhãn chưa rõ hạn sử dụng")
    const paid = await renderEmail("ocop-payment-received", sampleData("ocop-payment-received", "vi"))
    expect(paid.text).toContain(`Chúng tôi đã nhận 155.000${NBSP}₫ cho đơn hàng #1042.`)
    const canceled = await renderEmail("ocop-order-canceled", sampleData("ocop-order-canceled", "en"))
    expect(canceled.subject).toBe("Order #1042 is cancelled — Huế OCOP Marketplace")
    expect(canceled.text).toContain(`The 155.000${NBSP}₫ you paid will be refunded.`)
    const e = await renderEmail("ocop-certificate-expiry", sampleData("ocop-certificate-expiry", "vi"))
    expect(e.subject).toBe("Chứng nhận OCOP DEMO-OCOP-2023-001 hết hạn sau 89 ngày")
    expect(e.text).toContain("hết hạn ngày 03/03/2027")
  })

  it("refund, digest, invite and the three reset messages carry their facts and links", async () => {
    const refund = await renderEmail("ocop-payment-refunded", sampleData("ocop-payment-refunded", "vi"))
    expect(refund.subject).toBe("Hoàn tiền cho đơn hàng #1042 — Chợ OCOP Huế")
    expect(refund.text).toContain(`Chúng tôi đã hoàn 45.000${NBSP}₫ cho đơn hàng #1042.`)
    expect(refund.text).toContain("Ghi chú: Một hộp mè xửng bị vỡ khi giao")
    const digest = await renderEmail("ocop-admin-digest", sampleData("ocop-admin-digest", "en"))
    expect(digest.subject).toBe("OCOP digest for 3 Dec 2026: 3 item(s) to review — Huế OCOP Marketplace")
    expect(digest.text).toContain("PRODUCERS WAITING FOR REVIEW (1)") // headings are upper-cased in plain text
    expect(digest.text).toContain("HTX Thanh Trà — applied 1 Dec 2026")
    expect(digest.text).toContain("DEMO-OCOP-2026-014 — Trà cung đình (HTX An Lỗ)")
    expect(digest.text).toContain("DEMO-OCOP-2023-001 — Mè xửng Thiên Hương (HTX An Lỗ), expires 21 Dec 2026")
    expect(digest.html).toContain('href="http://localhost:9000/app"')
    const invite = await renderEmail("ocop-producer-invite", sampleData("ocop-producer-invite", "vi"))
    expect(invite.subject).toBe("HTX An Lỗ mời bạn vào cổng chủ thể — Chợ OCOP Huế")
    expect(invite.html).toContain('href="http://localhost:8000/vi/producer/join?token=sample"')
    const subjects = await Promise.all(
      (["ocop-customer-password-reset", "ocop-producer-password-reset", "ocop-user-password-reset"] as const).map(async (n) => (await renderEmail(n, sampleData(n, "en"))).subject)
    )
    expect(subjects).toEqual([
      "Reset your account password — Huế OCOP Marketplace",
      "Reset your producer portal password — Huế OCOP Marketplace",
      "Reset your admin password — Huế OCOP Marketplace",
    ])
  })
})
