/**
 * Issue 15: a certificate lapses at its `valid_until`, not when the hourly expiry job next runs.
 *
 * A product on sale is given a certificate that ends a few seconds from now; once that instant has
 * passed, every store read a shopper makes — the listing (stock and OCOP-filtered), by handle, by
 * id, the producer's page and the producer list, certificate verification, search, add to cart —
 * must treat it as not on sale within a second, while the certification is still `active` in the
 * admin (proof that no expiry job ran: the job is what records `expired`).
 */
import { admin, store } from "../support/api"
import { addItem, createCart } from "../support/checkout"
import { createSellableProduct } from "../support/ocop"
import { until } from "../support/wait"

type Visibility = Record<string, boolean>

async function visibility(p: { id: string; handle: string; title: string }, certificateNumber: string, producerHandle: string): Promise<Visibility> {
  const [list, ocopList, byHandle, byId, producer, producers, verification, search] = await Promise.all([
    store("GET", `/store/products?id=${p.id}&fields=id`),
    store("GET", `/store/products?id=${p.id}&ocop_stars=4&fields=id`),
    store("GET", `/store/products?handle=${p.handle}&fields=id`),
    store("GET", `/store/products/${p.id}?fields=id`),
    store("GET", `/store/producers/${producerHandle}`),
    store("GET", `/store/producers?limit=100`),
    store("GET", `/store/ocop/certificates/${encodeURIComponent(certificateNumber)}`),
    store("GET", `/store/ocop/search?q=${encodeURIComponent(p.title)}&limit=50`),
  ])
  for (const [name, r] of Object.entries({ list, ocopList, byHandle, producer, producers, verification, search })) {
    if (r.status !== 200) throw new Error(`${name}: ${r.status} ${JSON.stringify(r.body)}`)
  }
  if (byId.status !== 200 && byId.status !== 404) throw new Error(`by id: ${byId.status} ${JSON.stringify(byId.body)}`)
  const has = (xs: { id: string }[] | undefined) => (xs ?? []).some((x) => x.id === p.id)
  return {
    list: has(list.body.products) && list.body.count === 1,
    ocopList: has(ocopList.body.products),
    byHandle: has(byHandle.body.products),
    byId: byId.status === 200,
    producerPage: has(producer.body.producer.products),
    producerList: producers.body.producers.some((x: { products: { id: string }[] }) => has(x.products)),
    verification: verification.body.certificate.sellable === true && verification.body.certificate.product.id === p.id,
    search: (search.body.hits as { id: string }[]).some((h: { id: string }) => h.id === p.id),
  }
}

const everywhere = (v: Visibility) => Object.values(v).every(Boolean)

describe("a certificate lapses at its valid_until, with no expiry job run", () => {
  it("the product disappears from every store path within a second of valid_until", async () => {
    const { product, certification, producerId } = await createSellableProduct({ certification: { stars: 4 } })
    const producer = await admin("GET", `/admin/producers/${producerId}`)
    const producerHandle = producer.body.producer.handle as string
    const number = certification.certificate_number as string

    // On sale everywhere first (search indexes asynchronously), so the test can fail.
    await until(async () => everywhere(await visibility(product, number, producerHandle)), { timeout: 60_000, what: "the product on every path" })
    const { cart } = await createCart("vnd")
    const variantId = product.variants[0].id

    // The certificate now ends shortly (an admin correcting its validity; still in force). The margin
    // leaves the search index time to take the amended date (it follows the change's event).
    const lapsesAt = new Date(Date.now() + 15_000)
    const corrected = await admin("POST", `/admin/ocop/certifications/${certification.id}`, { valid_until: lapsesAt.toISOString() })
    expect(corrected.status).toBe(200)
    const before = await visibility(product, number, producerHandle)
    expect(Date.now()).toBeLessThan(lapsesAt.getTime())
    expect(before).toEqual(Object.fromEntries(Object.keys(before).map((k) => [k, true])))

    // Polled, not slept, until the clock passes valid_until; the very next reads (issued within the
    // polling interval of the instant, however slow the machine answers them) must all hide it.
    await until(() => Date.now() > lapsesAt.getTime(), { timeout: 30_000, interval: 50, what: "valid_until to pass" })
    const issuedAt = Date.now()
    const after = await visibility(product, number, producerHandle)
    expect(issuedAt - lapsesAt.getTime()).toBeLessThan(1_000)
    expect(after).toEqual(Object.fromEntries(Object.keys(after).map((k) => [k, false])))

    const added = await addItem(cart.id, variantId)
    expect([added.status, added.body.type]).toEqual([400, "not_allowed"])
    expect(added.body.message).toMatch(/not a certified OCOP product on sale right now/)

    // No job ran: the certification is still `active` on record (the job is what records `expired`).
    const record = await admin("GET", `/admin/ocop/certifications/${certification.id}`)
    expect(record.body.certification.status).toBe("active")
  }, 180_000)
})
