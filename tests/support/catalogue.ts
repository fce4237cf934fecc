import fs from "node:fs"
import path from "node:path"

/** The seeded demo catalogue, read from the same data file the seed uses. */
export const catalogue: {
  producers: any[]
  products: any[]
} = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "backend", "src", "scripts", "data", "catalogue.json"), "utf8"))

const producerStatus = new Map(catalogue.producers.map((p) => [p.handle, p.status]))

/** Mirrors the OCOP rule on the seed data, independently of the backend's implementation. */
export function expectedSellable(p: any): boolean {
  const c = p.certification
  return (
    producerStatus.get(p.producer) === "approved" &&
    c.status === "active" &&
    c.stars >= 3 &&
    c.decided_months_ago < 36
  )
}

export const sellableProducts = () => catalogue.products.filter(expectedSellable)
export const unsellableProducts = () => catalogue.products.filter((p) => !expectedSellable(p))
