import {
  PUBLIC_CERTIFICATION_FIELDS,
  PUBLIC_PRODUCER_FIELDS,
  publicOcopFieldsParam,
  shapeStorePayload,
  STORE_PRODUCT_OCOP_ALLOWED,
} from "./public-fields"

const certLeaves = (prefix: string) => PUBLIC_CERTIFICATION_FIELDS.map((f) => `${prefix}certifications.${f}`)
const producerLeaves = (prefix: string) => PUBLIC_PRODUCER_FIELDS.map((f) => `${prefix}producer.${f}`)

describe("publicOcopFieldsParam", () => {
  it("turns every spelling of a whole OCOP relation into its public leaves, keeping Medusa's modifiers", () => {
    for (const spelling of ["*certifications", "certifications.*", "+*certifications", "+certifications.*", " certifications.*", "+certifications"]) {
      expect(publicOcopFieldsParam(spelling).split(","), spelling).toEqual([...certLeaves("+"), "+certifications.status"])
    }
    // A bare name replaces the defaults in Medusa, so its leaves stay bare.
    expect(publicOcopFieldsParam("id,certifications").split(",")).toEqual(["id", ...certLeaves(""), "+certifications.status"])
    for (const spelling of ["*producer", "producer.*", "+producer"]) expect(publicOcopFieldsParam(spelling).split(",")).toEqual(producerLeaves("+"))
  })

  it("leaves other paths to Medusa's allowed-fields filter, and always asks for a certification's status", () => {
    expect(publicOcopFieldsParam("+certifications.evidence_url")).toBe("+certifications.evidence_url,+certifications.status")
    expect(publicOcopFieldsParam("certifications.stars")).toBe("certifications.stars,+certifications.status")
    expect(publicOcopFieldsParam("*producer.certifications")).toBe("*producer.certifications")
    expect(publicOcopFieldsParam("-certifications")).toBe("-certifications")
    expect(publicOcopFieldsParam("id,title,*variants")).toBe("id,title,*variants")
  })

  it("allows leaves only, never a relation Medusa would expand to every column", () => {
    expect(STORE_PRODUCT_OCOP_ALLOWED).not.toContain("certifications")
    expect(STORE_PRODUCT_OCOP_ALLOWED).not.toContain("producer")
    for (const f of ["certifications.evidence_url", "certifications.reminders_sent", "certifications.status_reason", "certifications.producer_id", "producer.status"]) {
      expect(STORE_PRODUCT_OCOP_ALLOWED).not.toContain(f)
    }
  })
})

describe("shapeStorePayload", () => {
  const cert = (status: string) => ({
    id: `ocert_${status}`,
    certificate_number: "DEMO-1",
    stars: 4,
    status,
    status_reason: "internal note",
    evidence_url: "http://x/evidence.pdf",
    reminders_sent: { d90: true },
    producer_id: "prod_1",
    created_at: "2026-01-01",
  })
  const producer = { id: "opro_1", handle: "htx", legal_name: "HTX", status: "approved", status_reason: "ok", created_at: "x", deleted_at: null }

  it("keeps only public fields and public certifications, wherever they sit", () => {
    const body = {
      products: [{ id: "prod_1", metadata: { producer: { anything: 1 } }, producer, certifications: ["pending_review", "active", "rejected", "revoked"].map(cert) }],
      cart: { items: [{ product: { certifications: [cert("active"), { id: "no-status" }] } }] },
    }
    const shaped = shapeStorePayload(body) as any
    const p = shaped.products[0]
    expect(p.certifications.map((c: any) => c.status)).toEqual(["active", "revoked"])
    expect(Object.keys(p.certifications[0]).sort()).toEqual(["certificate_number", "id", "stars", "status"])
    expect(p.producer).toEqual({ id: "opro_1", handle: "htx", legal_name: "HTX" })
    expect(p.metadata).toEqual({ producer: { anything: 1 } })
    expect(shaped.cart.items[0].product.certifications).toHaveLength(1)
  })

  it("shapes producer lists and the verification route's certificate", () => {
    const shaped = shapeStorePayload({
      producers: [{ ...producer, products: [{ id: "prod_1" }] }],
      certificate: { ...cert("expired"), in_force: false, sellable: false, producer, events: [{ type: "revoked", reason: "note", occurred_at: "t", id: "e1" }] },
    }) as any
    expect(shaped.producers[0]).toEqual({ id: "opro_1", handle: "htx", legal_name: "HTX", products: [{ id: "prod_1" }] })
    expect(shaped.certificate).toMatchObject({ status: "expired", in_force: false, sellable: false, producer: { id: "opro_1" } })
    expect(shaped.certificate).not.toHaveProperty("evidence_url")
    expect(shaped.certificate.events).toEqual([{ type: "revoked", occurred_at: "t" }])
    expect((shapeStorePayload({ certificate: cert("pending_review") }) as any).certificate).toBeNull()
  })

  it("leaves values that serialise themselves alone", () => {
    const date = new Date("2026-01-01T00:00:00Z")
    const shaped = shapeStorePayload({ order: { created_at: date, total: 5, items: null } }) as any
    expect(shaped.order.created_at).toBe(date)
    expect(shaped.order.items).toBeNull()
  })
})
