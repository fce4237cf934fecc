/**
 * Notifications over a real SMTP path (issue 20).
 *
 * A local SMTP server (smtp-server; every message parsed with mailparser) runs in this test
 * process, and a second backend process on the shared database is pointed at it with SMTP_URL
 * (the shared backend keeps its mail in files). Orders are placed through that second backend,
 * so its own event bus delivers `order.placed` to its own subscribers.
 *
 * What it proves:
 * - the shopper's confirmation arrives with the right recipient, subject and language, the
 *   amounts exactly as formatted for the order's currency, the VietQR image for a bank transfer
 *   (decoded back to the amount and reference the checkout showed), and a link that opens on the
 *   running storefront;
 * - each producer gets its own lines only (never another producer's); a captured payment and a
 *   cancellation each tell the shopper;
 * - an SMTP server that refuses the first attempt (451) gets the message on the provider's retry;
 * - without SMTP_URL (the shared backend, as on the quick start) the same messages are kept as
 *   .eml files and listed by the local mail viewer, which a backend sending by SMTP does not serve;
 * - with SMTP down, checkout still succeeds; the notification is stored as failed, and
 *   delivering the event again after the outage sends it — once: a second redelivery sends
 *   nothing (idempotency keys per event and recipient).
 */
import { execFile } from "node:child_process"
import path from "node:path"
import jsQR from "jsqr"
import { simpleParser, type ParsedMail } from "mailparser"
import { PNG } from "pngjs"
import { SMTPServer } from "smtp-server"
import { decodeVietQrPayload } from "../../backend/src/modules/payment-bank-transfer/vietqr"
import { ADMIN, admin, adminToken, BACKEND_URL, PUBLISHABLE_KEY, STOREFRONT_URL, http, uniq } from "../support/api"
import { certificationBody } from "../support/ocop"
import { DEMO_PRODUCER_PASSWORD, listingBody, producerApplication } from "../support/producer"
import { until } from "../support/wait"
import { addItem, completeCart, createCart, prepareCheckout, variantOf, VN_ADDRESS } from "../support/checkout"
import { freePort, sharedBackendEnv, startBackendProcess, stopAllBackendProcesses, type BackendProcess } from "../support/backend-process"

const ROOT = path.resolve(__dirname, "..", "..")
const NBSP = "\u00a0"
const MAIL_FROM = "Chợ OCOP Huế <orders@ocop-hue.test>"

/** 1234567 → "1.234.567 ₫" (vi-VN: dot thousands, no-break space, ₫), written out independently of Intl. */
const vnd = (n: number) => `${String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ".")}${NBSP}₫`

// ---------------------------------------------------------------- local SMTP server

type Received = { envelopeTo: string[]; mail: ParsedMail }

class LocalSmtp {
  received: Received[] = []
  /** DATA commands answered so far (accepted or refused). */
  attempts = 0
  /** Refuse this many next DATA commands with a temporary 451. */
  refuseNext = 0
  port = 0
  private server?: SMTPServer

  async start(port?: number) {
    this.port = port ?? (await freePort())
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = []
        stream.on("data", (c: Buffer) => chunks.push(c))
        // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the handler ends every path with callback(); a throw fails the test
        stream.on("end", async () => {
          this.attempts++
          if (this.refuseNext > 0) {
            this.refuseNext--
            const err: any = new Error("Try again later")
            err.responseCode = 451
            return callback(err)
          }
          const mail = await simpleParser(Buffer.concat(chunks), { skipImageLinks: true })
          this.received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail })
          callback()
        })
      },
    })
    await new Promise<void>((resolve, reject) => {
      this.server!.once("error", reject)
      this.server!.listen(this.port, "127.0.0.1", () => resolve())
    })
  }

  async stop() {
    if (!this.server) return
    await new Promise<void>((resolve) => this.server!.close(() => resolve()))
    this.server = undefined
  }

  to(address: string) {
    return this.received.filter((r) => r.envelopeTo.includes(address))
  }

  /** Waits for exactly one message to `address` with the given template and returns it. */
  async one(address: string, template: string): Promise<ParsedMail> {
    await expect.poll(() => this.to(address).filter((r) => r.mail.headers.get("x-ocop-template") === template).length, { timeout: 60_000, interval: 250 }).toBe(1)
    return this.to(address).find((r) => r.mail.headers.get("x-ocop-template") === template)!.mail
  }
}

// ---------------------------------------------------------------- checkout through backend B

let backend: BackendProcess
const smtp = new LocalSmtp()

function storeB(method: string, p: string, body?: unknown) {
  return http(method, p, { baseUrl: backend.url, body, headers: { "x-publishable-api-key": PUBLISHABLE_KEY } })
}

type Placed = { order: any; paymentData: Record<string, any>; cart: any }

async function placeOrder(opts: {
  currency: "vnd"
  locale: "vi" | "en"
  provider: "pp_cod_cod" | "pp_bank-transfer_bank-transfer"
  handles: string[]
  email?: string
}): Promise<Placed> {
  const email = opts.email ?? `shopper-${uniq()}@example.com`
  const regions = await storeB("GET", "/store/regions")
  const region = regions.body.regions.find((r: any) => r.currency_code === opts.currency)
  const cart = await storeB("POST", "/store/carts", {
    region_id: region.id,
    email,
    shipping_address: VN_ADDRESS,
    metadata: { locale: opts.locale },
  })
  expect(cart.status, JSON.stringify(cart.body)).toBe(200)
  const cartId = cart.body.cart.id
  for (const handle of opts.handles) {
    const product = await storeB("GET", `/store/products?handle=${handle}&region_id=${region.id}&fields=*variants.calculated_price`)
    const variant = product.body.products?.[0]?.variants?.[0]
    if (!variant) throw new Error(`${handle} is not on sale`)
    const added = await storeB("POST", `/store/carts/${cartId}/line-items`, { variant_id: variant.id, quantity: 2 })
    expect(added.status, JSON.stringify(added.body)).toBe(200)
  }
  const options = await storeB("GET", `/store/shipping-options?cart_id=${cartId}`)
  const method = await storeB("POST", `/store/carts/${cartId}/shipping-methods`, { option_id: options.body.shipping_options[0].id })
  expect(method.status, JSON.stringify(method.body)).toBe(200)
  const collection = await storeB("POST", "/store/payment-collections", { cart_id: cartId })
  const session = await storeB("POST", `/store/payment-collections/${collection.body.payment_collection.id}/payment-sessions`, {
    provider_id: opts.provider,
    data: {},
  })
  expect(session.status, JSON.stringify(session.body)).toBe(200)
  const paymentData = session.body.payment_collection.payment_sessions[0].data
  const done = await storeB("POST", `/store/carts/${cartId}/complete`)
  expect(done.status, JSON.stringify(done.body)).toBe(200)
  expect(done.body.type).toBe("order")
  return { order: done.body.order, paymentData, cart: method.body.cart }
}

/** `medusa exec` of the redelivery script with backend B's environment (a second delivery of order.placed). */
function redeliver(orderId: string): Promise<{ sent: string[]; already_sent: string[]; failed: string[] }> {
  return new Promise((resolve, reject) => {
    execFile(
      path.join(ROOT, "node_modules", ".bin", "medusa"),
      ["exec", "./src/scripts/redeliver-order-notifications.ts", orderId],
      { cwd: path.join(ROOT, "backend"), env: { ...backendEnv, NODE_ENV: "production" }, timeout: 180_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const line = stdout.split("\n").find((l) => l.startsWith("ORDER_NOTIFICATIONS "))
        if (!line) return reject(new Error(`redelivery failed: ${error?.message}\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`))
        resolve(JSON.parse(line.slice("ORDER_NOTIFICATIONS ".length)))
      }
    )
  })
}

let backendEnv: Record<string, string> = {}

beforeAll(async () => {
  await smtp.start()
  const port = await freePort()
  backendEnv = {
    ...sharedBackendEnv(),
    PORT: String(port),
    MEDUSA_BACKEND_URL: `http://localhost:${port}`,
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    MAIL_FROM,
    // Fast back-off for the test: 150, 300, 600 ms.
    OCOP_MAIL_RETRIES: "3",
    OCOP_MAIL_RETRY_BASE_MS: "150",
    // The shared test backend logs warnings only; the provider's "sent …" line is info.
    LOG_LEVEL: "info",
  }
  backend = await startBackendProcess({ env: backendEnv, port, name: "backend-smtp" })
}, 240_000)

afterAll(async () => {
  await stopAllBackendProcesses()
  await smtp.stop()
})

describe("order messages over SMTP", () => {
  it("bank transfer in Vietnamese: confirmation with VND amounts, stars, producers, address and the checkout's VietQR; each producer gets only its lines", async () => {
    const { order, paymentData } = await placeOrder({
      currency: "vnd",
      locale: "vi",
      provider: "pp_bank-transfer_bank-transfer",
      handles: ["gao-huu-co-an-lo", "den-may-bao-la"],
    })
    const mail = await smtp.one(order.email, "ocop-order-placed")

    expect(mail.from?.value).toEqual([{ name: "Chợ OCOP Huế", address: "orders@ocop-hue.test" }])
    expect(mail.subject).toBe(`Xác nhận đơn hàng #${order.display_id} — Chợ OCOP Huế`)
    expect(mail.html).toMatch(/<html[^>]* lang="vi"/)
    const text = mail.text ?? ""
    const rice = order.items.find((i: any) => i.product_handle === "gao-huu-co-an-lo" || /gạo/i.test(i.product_title))
    expect(text).toContain(`SL 2 × ${vnd(rice.unit_price)}`)
    expect(text).toContain(vnd(rice.unit_price * 2))
    expect(text).toContain("Chủ thể: HTX Nông nghiệp An Lỗ")
    expect(text).toContain("Chủ thể: HTX Mây tre đan Bao La")
    expect(text).toMatch(/★★★★☆ OCOP 4★/)
    expect(text).toContain("12 Lê Lợi")
    expect(text).toContain(`Chuyển khoản ${vnd(order.total)} bằng mã VietQR`)
    expect(text).toContain(`Nội dung chuyển khoản: ${paymentData.reference}`)

    // The QR image is the checkout's VietQR: decoded, it pays this order's total with its reference.
    const qr = mail.attachments.find((a) => a.contentType === "image/png")!
    expect(qr.cid).toBe("vietqr@ocop-hue")
    expect(mail.html).toContain(`src="cid:${qr.cid}"`)
    const png = PNG.sync.read(qr.content)
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
    expect(decoded?.data).toBe(paymentData.vietqr_payload)
    const vietqr = decodeVietQrPayload(decoded!.data)
    expect(vietqr).toMatchObject({ amount: Math.round(order.total), reference: paymentData.reference, bankBin: paymentData.bank_bin, crcValid: true })

    // The link opens the order page on the running storefront.
    const link = `${STOREFRONT_URL}/vi/account/orders/${order.id}`
    expect(mail.html).toContain(`href="${link}"`)
    expect((await fetch(link)).status).toBe(200)

    // Producers: each its own lines, with the shipping address, never the other's.
    const anlo = await smtp.one("anlo@example.vn", "ocop-producer-new-order")
    const baola = await smtp.one("baola@example.vn", "ocop-producer-new-order")
    for (const [m, own, other] of [
      [anlo, "HTX Nông nghiệp An Lỗ", "den-may-bao-la"],
      [baola, "HTX Mây tre đan Bao La", "gao-huu-co-an-lo"],
    ] as const) {
      expect(m.subject).toBe(`Đơn hàng mới #${order.display_id} cần giao — Chợ OCOP Huế`)
      expect(m.html).toContain(`${own}: có đơn hàng mới #${order.display_id}`)
      expect(m.text).toContain("12 Lê Lợi")
      const otherItem = order.items.find((i: any) => i.product_handle === other)
      const ownItems = order.items.filter((i: any) => i.product_handle !== other)
      expect(m.text).not.toContain(otherItem.product_title)
      for (const i of ownItems) expect(m.text).toContain(`SL 2 × ${vnd(i.unit_price)} = ${vnd(i.unit_price * 2)}`)
      expect(m.text).not.toContain(vnd(otherItem.unit_price * 2))
    }

    // The office sees the transfer and captures the payment: the shopper hears it arrived.
    const full = await http("GET", `/admin/orders/${order.id}?fields=*payment_collections.payments`, { baseUrl: backend.url, token: await adminToken() })
    const payment = full.body.order.payment_collections[0].payments[0]
    const captured = await http("POST", `/admin/payments/${payment.id}/capture`, { baseUrl: backend.url, token: await adminToken(), body: {} })
    expect(captured.status, JSON.stringify(captured.body)).toBe(200)
    const paid = await smtp.one(order.email, "ocop-payment-received")
    expect(paid.subject).toBe(`Đã nhận thanh toán cho đơn hàng #${order.display_id} — Chợ OCOP Huế`)
    expect(paid.text).toContain(`Chúng tôi đã nhận ${vnd(order.total)} cho đơn hàng #${order.display_id}.`)
  })

  it("cash on delivery in English (VND stays Vietnamese-formatted); a server that refuses the first attempt (451) gets it on retry", async () => {
    smtp.refuseNext = 1
    const before = smtp.attempts
    const { order } = await placeOrder({ currency: "vnd", locale: "en", provider: "pp_cod_cod", handles: ["gao-huu-co-an-lo"] })
    const mail = await smtp.one(order.email, "ocop-order-placed")
    expect(smtp.refuseNext).toBe(0)
    // The refused attempt, then the confirmation and the producer's alert.
    await expect.poll(() => smtp.attempts - before, { timeout: 30_000 }).toBe(3)
    expect(mail.subject).toBe(`Order #${order.display_id} confirmed — Huế OCOP Marketplace`)
    expect(mail.html).toMatch(/<html[^>]* lang="en"/)
    expect(mail.text).toContain(`Cash on delivery: please have ${vnd(order.total)} ready for the courier.`)
    expect(mail.attachments).toHaveLength(0)
    expect(mail.html).toContain(`href="${STOREFRONT_URL}/en/account/orders/${order.id}"`)

    // Cancelled before anything was paid: the shopper hears it, in English, and that nothing was charged.
    const canceled = await http("POST", `/admin/orders/${order.id}/cancel`, { baseUrl: backend.url, token: await adminToken(), body: {} })
    expect(canceled.status, JSON.stringify(canceled.body)).toBe(200)
    const cancelMail = await smtp.one(order.email, "ocop-order-canceled")
    expect(cancelMail.subject).toBe(`Order #${order.display_id} is cancelled — Huế OCOP Marketplace`)
    expect(cancelMail.text).toContain("You have not been charged for this order.")
  })

  it("with SMTP down checkout still succeeds; delivering the event again after the outage sends each message once", async () => {
    await smtp.stop()
    const { order } = await placeOrder({ currency: "vnd", locale: "vi", provider: "pp_cod_cod", handles: ["gao-huu-co-an-lo"] })
    expect(order.status).toBe("pending")
    const shopperKey = `order.placed:${order.id}:shopper`

    // The provider gave up after its retries: the notification is stored as failed.
    await expect
      .poll(
        async () => {
          const res = await admin("GET", `/admin/notifications?to=${encodeURIComponent(order.email)}&fields=status,template,to&limit=10`)
          return res.body.notifications?.find((n: any) => n.template === "ocop-order-placed")?.status
        },
        { timeout: 60_000, interval: 500 }
      )
      .toBe("failure")
    expect(backend.log()).not.toContain("12 Lê Lợi")

    await smtp.start(smtp.port)
    const first = await redeliver(order.id)
    expect(first, JSON.stringify(first)).toMatchObject({ already_sent: [], failed: [] })
    expect(first.sent).toContain(shopperKey)
    expect(first.failed).toEqual([])
    const mail = await smtp.one(order.email, "ocop-order-placed")
    expect(mail.text).toContain(`Thanh toán khi nhận hàng: vui lòng chuẩn bị ${vnd(order.total)} tiền mặt cho người giao hàng.`)

    // The same event once more: nothing new goes out.
    const second = await redeliver(order.id)
    expect(second.sent).toEqual([])
    expect(second.already_sent).toContain(shopperKey)
    expect(smtp.to(order.email)).toHaveLength(1)
  }, 420_000)

  it("the provider logs who got which message, never the message's data", () => {
    const log = backend.log()
    expect(log).toMatch(/sent ocop-order-placed to shopper-[\w]+@example\.com/)
    expect(log).not.toMatch(/vietqr_payload|0011000000000|Lê Lợi/)
  })
})

// ---------------------------------------------------------------- producers and preferences, through backend B

function onB(method: string, p: string, opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  return http(method, p, { baseUrl: backend.url, ...opts })
}

/** Register → apply → approved, all through backend B (so B's subscribers send the decision by SMTP). */
async function producerOnB() {
  const email = `mail-producer-${uniq()}@example.com`
  const reg = await onB("POST", "/auth/producer/emailpass/register", { body: { email, password: "portal-pass-2026" } })
  expect(reg.status).toBe(200)
  const applied = await onB("POST", "/producers", { token: reg.body.token, body: producerApplication() })
  expect(applied.status, JSON.stringify(applied.body)).toBe(201)
  const approved = await onB("POST", `/admin/producers/${applied.body.producer.id}/approve`, { token: await adminToken(), body: {} })
  expect(approved.status).toBe(200)
  const refreshed = await onB("POST", "/auth/token/refresh", { token: reg.body.token })
  return { email, producer: applied.body.producer, token: refreshed.body.token as string }
}

/** A new draft listing and the office's rejection of it (the listing-reviewed message is non-essential). */
async function rejectNewListing(token: string, note: string) {
  const created = await onB("POST", "/producers/me/products", { token, body: listingBody() })
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  const product = created.body.product
  const changes = await onB("GET", `/admin/ocop/listing-changes?product_id=${product.id}&requires_review=true&reviewed=false`, { token: await adminToken() })
  expect(changes.body.changes.length, JSON.stringify(changes.body)).toBe(1)
  const change = changes.body.changes[0]
  const review = await onB("POST", `/admin/ocop/listing-changes/${change.id}/review`, { token: await adminToken(), body: { decision: "rejected", note } })
  expect(review.status, JSON.stringify(review.body)).toBe(200)
  return product as { id: string; title_vi: string; title_en: string }
}

/** The raw value of a header as the mail client reads it (mailparser folds List-* into one object). */
function rawHeader(mail: ParsedMail, name: string): string | undefined {
  return mail.headerLines.find((h) => h.key === name)?.line.replace(/\r?\n[ \t]+/g, " ").slice(name.length + 1).trim()
}

describe("producer messages, language and opt-out over SMTP", () => {
  it("approval in Vietnamese; then English by preference: a rejected listing's mail has the note, the portal link and a one-click unsubscribe that stops only non-essential mail", async () => {
    const p = await producerOnB()
    const decision = await smtp.one(p.email, "ocop-producer-decision")
    expect(decision.html).toMatch(/<html[^>]* lang="vi"/)
    expect(decision.subject).toBe("Hồ sơ chủ thể đã được duyệt — Chợ OCOP Huế")
    expect(decision.text).toContain(`${p.producer.legal_name} đã được duyệt.`)
    const portal = `${STOREFRONT_URL}/vi/producer`
    expect(decision.html).toContain(`href="${portal}"`)
    expect((await fetch(portal)).status).toBe(200)

    // The preference API: zod-validated, and only for the producer's own record.
    const bad = await onB("POST", "/producers/me/notification-preferences", { token: p.token, body: { locale: "fr" } })
    expect(bad.status).toBe(400)
    expect(bad.body.type).toBe("invalid_data")
    const empty = await onB("POST", "/producers/me/notification-preferences", { token: p.token, body: {} })
    expect(empty.status).toBe(400)
    expect((await onB("POST", "/producers/me/notification-preferences", { body: { locale: "en" } })).status).toBe(401)
    expect((await onB("GET", "/producers/me/notification-preferences", { token: p.token })).body).toEqual({
      notification_preferences: { non_essential: true, locale: "vi" },
    })
    const set = await onB("POST", "/producers/me/notification-preferences", { token: p.token, body: { locale: "en" } })
    expect(set.status).toBe(200)
    expect(set.body).toEqual({ notification_preferences: { non_essential: true, locale: "en" } })

    const product = await rejectNewListing(p.token, "Ảnh nhãn chưa rõ hạn sử dụng")
    const mail = await smtp.one(p.email, "ocop-listing-reviewed")
    expect(mail.html).toMatch(/<html[^>]* lang="en"/)
    // English: the listing's English title.
    expect(mail.subject).toBe(`Not approved: ${product.title_en}`)
    expect(mail.text).toContain("Note from the OCOP office: Ảnh nhãn chưa rõ hạn sử dụng")
    const portalLink = `${STOREFRONT_URL}/en/producer/products/${product.id}`
    expect(mail.html).toContain(`href="${portalLink}"`)
    expect((await fetch(portalLink)).status).toBe(200)

    // RFC 8058: one List-Unsubscribe URL (backend B's signed route) and the one-click marker.
    expect(rawHeader(mail, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click")
    const unsubscribeUrl = /^<(.+)>$/.exec(rawHeader(mail, "list-unsubscribe") ?? "")?.[1] ?? ""
    expect(unsubscribeUrl.startsWith(`${backendEnv.MEDUSA_BACKEND_URL}/notifications/unsubscribe?token=producer.${p.producer.id}.`)).toBe(true)
    expect(mail.html).toContain(`href="${unsubscribeUrl.replace(/&/g, "&amp;")}"`)
    expect(mail.html).toContain(`href="${STOREFRONT_URL}/en/producer/profile#notifications"`)

    // A forged token (another producer's id with this signature) changes nothing.
    const forged = unsubscribeUrl.replace(`producer.${p.producer.id}.`, "producer.prod_01FORGED.")
    const refused = await fetch(forged, { method: "POST", body: "List-Unsubscribe=One-Click", headers: { "content-type": "application/x-www-form-urlencoded" } })
    expect(refused.status).toBe(400)
    // GET (a link scanner) only shows a button; the client's one-click POST unsubscribes.
    expect((await fetch(unsubscribeUrl)).status).toBe(200)
    expect((await onB("GET", "/producers/me/notification-preferences", { token: p.token })).body.notification_preferences.non_essential).toBe(true)
    const oneClick = await fetch(unsubscribeUrl, { method: "POST", body: "List-Unsubscribe=One-Click", headers: { "content-type": "application/x-www-form-urlencoded" } })
    expect(oneClick.status).toBe(200)
    expect((await onB("GET", "/producers/me/notification-preferences", { token: p.token })).body).toEqual({
      notification_preferences: { non_essential: false, locale: "en" },
    })

    // Another rejection now sends nothing; a security message (password reset) still goes. The
    // reset is requested after the review's event, so once its mail is in, the review was handled.
    await rejectNewListing(p.token, "Thiếu ảnh sản phẩm")
    expect((await onB("POST", "/auth/producer/emailpass/reset-password", { body: { identifier: p.email } })).status).toBe(201)
    await smtp.one(p.email, "ocop-producer-password-reset")
    expect(smtp.to(p.email).filter((r) => r.mail.headers.get("x-ocop-template") === "ocop-listing-reviewed")).toHaveLength(1)
  }, 180_000)

  it("a rejected application says why, in the producer's language", async () => {
    const email = `mail-rejected-${uniq()}@example.com`
    const reg = await onB("POST", "/auth/producer/emailpass/register", { body: { email, password: "portal-pass-2026" } })
    const applied = await onB("POST", "/producers", { token: reg.body.token, body: producerApplication() })
    expect(applied.status).toBe(201)
    const rejected = await onB("POST", `/admin/producers/${applied.body.producer.id}/reject`, {
      token: await adminToken(),
      body: { reason: "Thiếu giấy đăng ký kinh doanh" },
    })
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200)
    const mail = await smtp.one(email, "ocop-producer-decision")
    expect(mail.subject).toBe("Hồ sơ chủ thể chưa được duyệt — Chợ OCOP Huế")
    expect(mail.html).toMatch(/<html[^>]* lang="vi"/)
    expect(mail.text).toContain("Lý do: Thiếu giấy đăng ký kinh doanh")
    // Essential: no unsubscribe offered.
    expect(rawHeader(mail, "list-unsubscribe")).toBeUndefined()
  })

  it("a shopper's preference: signed-in only, zod-validated, stored per customer", async () => {
    const email = `mail-shopper-${uniq()}@example.com`
    const reg = await onB("POST", "/auth/customer/emailpass/register", { body: { email, password: "shopper-pass-2026" } })
    const pk = { "x-publishable-api-key": PUBLISHABLE_KEY }
    expect((await onB("POST", "/store/customers", { token: reg.body.token, body: { email }, headers: pk })).status).toBe(200)
    const login = await onB("POST", "/auth/customer/emailpass", { body: { email, password: "shopper-pass-2026" } })
    const token = login.body.token as string
    const path_ = "/store/customers/me/notification-preferences"
    expect((await onB("GET", path_, { headers: pk })).status).toBe(401)
    expect((await onB("GET", path_, { token, headers: pk })).body).toEqual({ notification_preferences: { non_essential: true } })
    const bad = await onB("POST", path_, { token, headers: pk, body: { non_essential: "no" } })
    expect(bad.status).toBe(400)
    expect(bad.body.type).toBe("invalid_data")
    const extra = await onB("POST", path_, { token, headers: pk, body: { non_essential: false, locale: "en" } })
    expect(extra.status).toBe(400)
    expect((await onB("GET", path_, { token, headers: pk })).body.notification_preferences.non_essential).toBe(true)
    const off = await onB("POST", path_, { token, headers: pk, body: { non_essential: false } })
    expect(off.status).toBe(200)
    expect(off.body).toEqual({ notification_preferences: { non_essential: false } })
  })
})

describe("shipment, refund, expiry and the office's digest over SMTP", () => {
  it("a producer's shipment tells the shopper in English, with carrier, tracking link and the order page", async () => {
    const { order } = await placeOrder({ currency: "vnd", locale: "en", provider: "pp_cod_cod", handles: ["gao-huu-co-an-lo"] })
    await smtp.one(order.email, "ocop-order-placed")
    const login = await onB("POST", "/auth/producer/emailpass", { body: { email: "anlo@ocop-hue.vn", password: DEMO_PRODUCER_PASSWORD } })
    expect(login.status).toBe(200)
    const token = login.body.token as string
    const portalOrder = await until(async () => (await onB("GET", "/producers/me/orders?limit=100", { token })).body?.orders?.find((o: any) => o.display_id === order.display_id))
    const tracking = `EB${uniq().toUpperCase()}VN`
    const trackingUrl = `https://tracking.vnpost.vn/?key=${tracking}`
    const shipped = await onB("POST", `/producers/me/orders/${portalOrder.id}/ship`, { token, body: { tracking_number: tracking, carrier: "VNPost", tracking_url: trackingUrl } })
    expect(shipped.status, JSON.stringify(shipped.body)).toBe(200)

    const mail = await smtp.one(order.email, "ocop-order-shipped")
    expect(mail.subject).toBe(`Order #${order.display_id} has shipped — Huế OCOP Marketplace`)
    expect(mail.html).toMatch(/<html[^>]* lang="en"/)
    expect(mail.text).toContain("Sent by: HTX Nông nghiệp An Lỗ")
    expect(mail.text).toContain("Carrier: VNPost")
    expect(mail.text).toContain(`Tracking number: ${tracking}`)
    expect(mail.html).toContain(`href="${trackingUrl}"`)
    const orderPage = `${STOREFRONT_URL}/en/account/orders/${order.id}`
    expect(mail.html).toContain(`href="${orderPage}"`)
    expect((await fetch(orderPage)).status).toBe(200)
  }, 180_000)

  it("a refund outside a cancellation tells the shopper the exact amount; the cancellation's own message stays the only one for a cancelled order", async () => {
    const { order } = await placeOrder({ currency: "vnd", locale: "vi", provider: "pp_bank-transfer_bank-transfer", handles: ["gao-huu-co-an-lo"] })
    const token = await adminToken()
    const full = await onB("GET", `/admin/orders/${order.id}?fields=*payment_collections.payments`, { token })
    const payment = full.body.order.payment_collections[0].payments[0]
    expect((await onB("POST", `/admin/payments/${payment.id}/capture`, { token, body: {} })).status).toBe(200)
    await smtp.one(order.email, "ocop-payment-received")
    const amount = order.items[0].unit_price
    const refunded = await onB("POST", `/admin/payments/${payment.id}/refund`, { token, body: { amount, note: "Một túi gạo bị rách khi giao" } })
    expect(refunded.status, JSON.stringify(refunded.body)).toBe(200)
    const mail = await smtp.one(order.email, "ocop-payment-refunded")
    expect(mail.subject).toBe(`Hoàn tiền cho đơn hàng #${order.display_id} — Chợ OCOP Huế`)
    expect(mail.html).toMatch(/<html[^>]* lang="vi"/)
    expect(mail.text).toContain(`Chúng tôi đã hoàn ${vnd(amount)} cho đơn hàng #${order.display_id}.`)
    expect(mail.text).toContain("Ghi chú: Một túi gạo bị rách khi giao")
    expect(mail.html).toContain(`href="${STOREFRONT_URL}/vi/account/orders/${order.id}"`)
  }, 180_000)

  it("an expired certificate tells its producer even after an opt-out (essential), in Vietnamese, with the portal link", async () => {
    const p = await producerOnB()
    await smtp.one(p.email, "ocop-producer-decision")
    expect((await onB("POST", "/producers/me/notification-preferences", { token: p.token, body: { non_essential: false } })).status).toBe(200)
    const created = await onB("POST", "/producers/me/products", { token: p.token, body: listingBody() })
    expect(created.status).toBe(201)
    const day = 86_400_000
    const cert = await onB("POST", "/admin/ocop/certifications", {
      token: await adminToken(),
      body: certificationBody(created.body.product.id, {
        decision_date: new Date(Date.now() - 700 * day).toISOString().slice(0, 10),
        valid_until: new Date(Date.now() - 2 * day).toISOString().slice(0, 10),
      }),
    })
    expect(cert.status, JSON.stringify(cert.body)).toBe(201)
    const certificate = cert.body.certification
    const job = await onB("POST", "/admin/ocop/jobs/expire-certifications", { token: await adminToken(), body: {} })
    expect(job.status).toBe(200)
    expect(JSON.stringify(job.body.expired)).toContain(certificate.id)

    const mail = await smtp.one(p.email, "ocop-certificate-expiry")
    expect(mail.subject).toBe(`Chứng nhận OCOP ${certificate.certificate_number} đã hết hạn`)
    expect(mail.html).toMatch(/<html[^>]* lang="vi"/)
    expect(mail.text).toContain(`Chứng nhận của sản phẩm “${created.body.product.title_vi}” đã hết hạn ngày`)
    expect(rawHeader(mail, "list-unsubscribe")).toBeUndefined()
    const products = `${STOREFRONT_URL}/vi/producer/products`
    expect(mail.html).toContain(`href="${products}"`)
    expect((await fetch(products)).status).toBe(200)
  }, 180_000)

  it("the daily digest lists what waits for the office, to each admin, once a day", async () => {
    const email = `mail-pending-${uniq()}@example.com`
    const reg = await onB("POST", "/auth/producer/emailpass/register", { body: { email, password: "portal-pass-2026" } })
    const applied = await onB("POST", "/producers", { token: reg.body.token, body: producerApplication() })
    expect(applied.status).toBe(201)
    const token = await adminToken()
    const run = await onB("POST", "/admin/ocop/jobs/admin-digest", { token, body: {} })
    expect(run.status, JSON.stringify(run.body)).toBe(200)
    const mail = await smtp.one(ADMIN.email, "ocop-admin-digest")
    expect(mail.subject).toMatch(/^Bản tin OCOP ngày \d{2}\/\d{2}\/\d{4}: \d+ việc cần xem — Chợ OCOP Huế$/)
    expect(mail.html).toMatch(/<html[^>]* lang="vi"/)
    expect(mail.text).toContain(applied.body.producer.legal_name)
    expect(mail.html).toContain(`href="${backendEnv.MEDUSA_BACKEND_URL}/app"`)
    // Bad input is refused; a second run the same day sends nothing new.
    const bad = await onB("POST", "/admin/ocop/jobs/admin-digest", { token, body: { now: "2020-01-01" } })
    expect(bad.status).toBe(400)
    expect(bad.body.type).toBe("invalid_data")
    const again = await onB("POST", "/admin/ocop/jobs/admin-digest", { token, body: {} })
    expect(again.status).toBe(200)
    expect(again.body.sent).toEqual([])
    expect(again.body.already_sent.length).toBeGreaterThan(0)
    expect(smtp.to(ADMIN.email).filter((r) => r.mail.headers.get("x-ocop-template") === "ocop-admin-digest")).toHaveLength(1)
    expect((await onB("POST", "/admin/ocop/jobs/admin-digest", { body: {} })).status).toBe(401)
  }, 180_000)
})

describe("mail kept in files (the quick start)", () => {
  it("placing an order shows the shopper's confirmation and the producer's alert in the local mail viewer", async () => {
    const { cart, region } = await createCart("vnd")
    const variant = await variantOf("gao-huu-co-an-lo", region.id)
    expect((await addItem(cart.id, variant.id, 1)).status).toBe(200)
    await prepareCheckout(cart.id, "pp_cod_cod")
    const done = await completeCart(cart.id)
    expect(done.body.type).toBe("order")
    const order = done.body.order

    type Listed = { id: string; to: string; subject: string; template: string }
    const listed = async () => (await http<{ messages: Listed[] }>("GET", "/dev/mail?format=json")).body.messages
    await expect
      .poll(async () => (await listed()).filter((m) => m.subject.includes(`#${order.display_id} `)).map((m) => [m.to, m.template]).sort(), { timeout: 60_000, interval: 500 })
      .toEqual([
        ["anlo@example.vn", "ocop-producer-new-order"],
        [order.email, "ocop-order-placed"],
      ])
    const confirmation = (await listed()).find((m) => m.to === order.email)!
    const page = await fetch(`${BACKEND_URL}/dev/mail/${confirmation.id}`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain(`Xác nhận đơn hàng #${order.display_id} — Chợ OCOP Huế`)
    const html = await (await fetch(`${BACKEND_URL}/dev/mail/${confirmation.id}?part=html`)).text()
    expect(html).toContain(`Thanh toán khi nhận hàng: vui lòng chuẩn bị ${vnd(order.total)} tiền mặt`)
    expect((await fetch(`${BACKEND_URL}/dev/mail/..%2F..%2Fsecrets`)).status).toBe(404)

    // A backend that sends by SMTP keeps nothing to show: no viewer.
    expect((await fetch(`${backend.url}/dev/mail`)).status).toBe(404)
  })
})
