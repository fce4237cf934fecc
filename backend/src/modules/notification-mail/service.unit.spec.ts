import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { simpleParser } from "mailparser"
import { afterEach, describe, expect, it } from "vitest"
import { sampleData } from "../../notifications/fixtures"
import { seal } from "../../notifications/secrets"
import MailNotificationProviderService, { isTransient } from "./service"
import { mailViewerEnabled } from "./settings"

function logger() {
  const lines: string[] = []
  const log = (msg: string) => lines.push(msg)
  return { lines, logger: { info: log, warn: log, error: log, debug: log } as any }
}

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })))

describe("notification-mail provider (files)", () => {
  it("writes one RFC 822 .eml per message with HTML, text and the inline VietQR, and logs only template and recipient", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ocop-mail-"))
    dirs.push(dir)
    const { lines, logger: log } = logger()
    const provider = new MailNotificationProviderService({ logger: log }, { mail_dir: dir, from: "Chợ OCOP Huế <no-reply@ocop-hue.local>" })
    const data = sampleData("ocop-order-placed", "vi")
    const result = await provider.send({ id: "noti_TEST1", to: "lan@example.com", channel: "email", template: "ocop-order-placed", data } as any)

    const files = fs.readdirSync(dir)
    expect(files).toHaveLength(1)
    expect(files[0]).toMatch(/^\d{8}-\d{9,10}-noti_TEST1\.eml$/)
    const mail = await simpleParser(fs.readFileSync(path.join(dir, files[0])), { skipImageLinks: true })
    expect(mail.messageId).toBe(result.id)
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : "").toBe("lan@example.com")
    expect(mail.subject).toBe("Xác nhận đơn hàng #1042 — Chợ OCOP Huế")
    expect(mail.headers.get("x-ocop-template")).toBe("ocop-order-placed")
    expect(mail.html).toContain('src="cid:vietqr@ocop-hue"')
    expect(mail.text).toContain("Nội dung chuyển khoản: OCOP 1042")
    expect(mail.attachments.map((a) => [a.cid, a.contentType])).toEqual([["vietqr@ocop-hue", "image/png"]])
    expect(lines).toEqual(["sent ocop-order-placed to lan@example.com"])
  })

  it("opens a sealed reset link for the mail only, and marks non-essential mail for one-click unsubscribe (RFC 8058)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ocop-mail-"))
    dirs.push(dir)
    const secret = "unit-test-jwt-secret"
    const provider = new MailNotificationProviderService(logger(), { mail_dir: dir, from: "a@b.vn", seal_secret: secret })
    const url = "http://localhost:8000/en/account/reset-password?token=eyJ.secret-token&email=lan%40example.com"
    await provider.send({
      id: "noti_RESET",
      to: "lan@example.com",
      channel: "email",
      template: "ocop-customer-password-reset",
      data: { locale: "en", storefront_url: "http://localhost:8000", actor: "customer", sealed_url: seal(url, secret) },
    } as any)
    await provider.send({ id: "noti_LIST", to: "htx@example.com", channel: "email", template: "ocop-listing-reviewed", data: sampleData("ocop-listing-reviewed", "vi") } as any)
    const [reset, listing] = await Promise.all(
      ["noti_RESET", "noti_LIST"].map(async (id) => simpleParser(fs.readFileSync(path.join(dir, fs.readdirSync(dir).find((f) => f.includes(id))!))))
    )
    expect(reset.subject).toBe("Reset your account password — Huế OCOP Marketplace")
    expect(reset.html).toContain(`href="${url.replace(/&/g, "&amp;")}"`)
    // A security message offers no unsubscribe; a listing review does, one-click first.
    // (mailparser folds List-* headers into one `list` object: the raw lines are what clients read.)
    const raw = (mail: typeof reset, name: string) => mail.headerLines.filter((h) => h.key === name).map((h) => h.line.replace(/\r?\n[ \t]+/g, " "))
    expect(raw(reset, "list-unsubscribe")).toEqual([])
    expect(raw(listing, "list-unsubscribe-post")).toEqual(["List-Unsubscribe-Post: List-Unsubscribe=One-Click"])
    expect(raw(listing, "list-unsubscribe")).toEqual(["List-Unsubscribe: <http://localhost:9000/notifications/unsubscribe?token=producer.prod_ocop_1.sample>"])
    // Without the key a sealed link cannot be sent (rather than a mail with a dead link).
    const keyless = new MailNotificationProviderService(logger(), { mail_dir: dir, from: "a@b.vn" })
    await expect(
      keyless.send({ to: "x@y.vn", channel: "email", template: "ocop-producer-invite", data: { locale: "vi", sealed_url: seal(url, secret) } } as any)
    ).rejects.toThrow(/seal_secret/)
  })

  it("refuses an unknown template and SMTP without a sender", async () => {
    const provider = new MailNotificationProviderService(logger(), { mail_dir: os.tmpdir() })
    await expect(provider.send({ to: "a@b.c", channel: "email", template: "nope", data: {} } as any)).rejects.toThrow(/unknown template/)
    expect(() => MailNotificationProviderService.validateOptions({ smtp_url: "smtp://localhost:25" })).toThrow(/MAIL_FROM/)
  })

  it("retries connection failures and 4xx replies, not 5xx", () => {
    expect(isTransient({ code: "ECONNECTION" })).toBe(true)
    expect(isTransient({ code: "ETIMEDOUT" })).toBe(true)
    expect(isTransient({ code: "EENVELOPE", responseCode: 451 })).toBe(true)
    expect(isTransient({ code: "EENVELOPE", responseCode: 550 })).toBe(false)
    expect(isTransient({ code: "EAUTH", responseCode: 535 })).toBe(false)
    expect(isTransient(new Error("render failed"))).toBe(false)
  })
})

describe("local mail viewer switch", () => {
  it("is on only while mail is kept in files on a loopback http URL", () => {
    expect(mailViewerEnabled({ MEDUSA_BACKEND_URL: "http://localhost:9000" })).toBe(true)
    expect(mailViewerEnabled({ MEDUSA_BACKEND_URL: "http://127.0.0.1:9000", NODE_ENV: "production" })).toBe(true)
    expect(mailViewerEnabled({ MEDUSA_BACKEND_URL: "https://api.ocop-hue.vn" })).toBe(false)
    expect(mailViewerEnabled({ MEDUSA_BACKEND_URL: "http://10.0.0.5:9000" })).toBe(false)
    expect(mailViewerEnabled({ MEDUSA_BACKEND_URL: "http://localhost:9000", SMTP_URL: "smtp://mail:25" })).toBe(false)
    expect(mailViewerEnabled({ MEDUSA_BACKEND_URL: "http://localhost:9000", OCOP_MAIL_VIEWER: "off" })).toBe(false)
  })
})
