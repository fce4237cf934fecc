/**
 * The OCOP contract end to end: the backend decides which certificate a product shows (the latest
 * decision in force), the store API carries it as `current_certification`, and the product page
 * shows that one. The case that used to disagree is a downgrade: an earlier 5★ decision and a
 * later 4★ one, both in force — picking "most stars" showed 5★, the rule says 4★.
 */
import { describe, expect, it } from "vitest"
import type { CurrentCertificate } from "@hue-ocop/backend/ocop-contract"
import { admin, store, STOREFRONT_URL } from "../support/api"
import { certificationBody, createSellableProduct, monthsAgo } from "../support/ocop"

type StoreProduct = { id: string; certifications: { id: string }[]; current_certification: CurrentCertificate | null }

describe("OCOP contract: the store API decides the current certificate, the storefront shows it", () => {
  it("a later, lower decision (downgrade) is the one the store API and the product page show", async () => {
    const { product, certification: five } = await createSellableProduct({
      certification: { score: 92, stars: 5, decision_date: monthsAgo(12) },
    })
    expect(five.stars).toBe(5)
    const rerated = await admin("POST", "/admin/ocop/certifications", certificationBody(product.id, { score: 75, stars: 4, decision_date: monthsAgo(1) }))
    expect(rerated.status).toBe(201)
    const four = rerated.body.certification as { id: string; certificate_number: string; status: string }
    expect(four.status).toBe("active")

    // Both decisions are in force: the product has two active certificates.
    const byId = await store<{ product: StoreProduct }>("GET", `/store/products/${product.id}?fields=id,*certifications`)
    expect(byId.status).toBe(200)
    expect(byId.body.product.certifications.map((c) => c.id).sort()).toEqual([five.id, four.id].sort())
    expect(byId.body.product.current_certification).toMatchObject({ id: four.id, stars: 4, in_force: true })

    const list = await store<{ products: StoreProduct[] }>("GET", `/store/products?id=${product.id}&fields=id,*certifications`)
    expect(list.status).toBe(200)
    expect(list.body.products[0].current_certification).toMatchObject({ id: four.id, stars: 4, in_force: true })

    // Without its certifications a product carries no verdict either (nothing to compute it from).
    const bare = await store<{ product: Record<string, unknown> }>("GET", `/store/products/${product.id}?fields=id,title`)
    expect(bare.body.product).not.toHaveProperty("current_certification")

    // The product page (server-rendered) shows the later decision: 4 stars and its certificate number.
    const page = await fetch(`${STOREFRONT_URL}/vi/products/${product.handle}`)
    expect(page.status).toBe(200)
    const html = await page.text()
    const badges = [...html.matchAll(/data-testid="star-badge"[^>]*data-stars="(\d)"/g)].map((m) => Number(m[1]))
    expect(badges[0]).toBe(4)
    expect(html).toContain(four.certificate_number)
  })
})
