/**
 * Canaries: each test pins one upstream Medusa (or Express) behaviour that a file of this folder works around.
 * They run against the installed packages, not our code. When an upgrade changes the behaviour, the canary fails
 * and names the workaround to re-check or delete (see README.md beside this file). A canary that reads upstream
 * source text does so only where the behaviour cannot be observed without a database; it says so.
 */
import fs from "node:fs"
import http from "node:http"
import path from "node:path"
import type { AddressInfo } from "node:net"
import { createRequire } from "node:module"
import { describe, expect, it, vi } from "vitest"
import { errorHandler } from "@medusajs/framework/http"
import { CreateCart, StoreAddCartLineItem, StoreUpdateCartLineItem } from "@medusajs/medusa/api/store/carts/validators"
import { POST as medusaWebhookRoute } from "@medusajs/medusa/api/hooks/payment/[provider]/route"
import { InMemoryLockingProvider } from "@medusajs/locking/dist/providers/in-memory"

const require_ = createRequire(__filename)
/** A file of an installed package, read past its `exports` map (which hides dist/ files from require). */
function upstreamSource(specifier: string): string {
  const name = specifier.split("/").slice(0, 2).join("/")
  const entry = require_.resolve(name)
  const root = entry.slice(0, entry.lastIndexOf(`/node_modules/${name}/`) + `/node_modules/${name}`.length)
  return fs.readFileSync(path.join(root, specifier.slice(name.length + 1)), "utf8")
}

describe("Medusa behaviour our workarounds depend on", () => {
  it("input-guards: Medusa's store validators accept text PostgreSQL cannot store (NUL, unpaired surrogate)", () => {
    expect(CreateCart.safeParse({ email: "a@example.com", metadata: { note: "a\u0000b" } }).success).toBe(true)
    expect(CreateCart.safeParse({ email: "a@example.com", metadata: { note: "\ud800" } }).success).toBe(true)
  })

  it("input-guards: Medusa's cart validators accept fractional quantities", () => {
    expect(StoreAddCartLineItem.safeParse({ variant_id: "variant_1", quantity: 1.5 }).success).toBe(true)
    expect(StoreUpdateCartLineItem.safeParse({ quantity: 0.25 }).success).toBe(true)
  })

  it("input-guards: a malformed percent-encoded path parameter becomes a 500 in Medusa's error handler", async () => {
    // Express's own router raises the URIError, Medusa's handler answers it: both upstream, nothing of ours.
    const express = require_(require_.resolve("express", { paths: [require_.resolve("@medusajs/framework")] })) as typeof import("express")
    const app = express()
    app.get("/things/:id", (_req, res) => void res.sendStatus(204))
    app.use(errorHandler())
    const server = http.createServer(app).listen(0, "127.0.0.1")
    await new Promise((r) => server.once("listening", r))
    try {
      const { port } = server.address() as AddressInfo
      const res = await fetch(`http://127.0.0.1:${port}/things/%E0%A4%A`)
      expect(res.status).toBe(500)
    } finally {
      server.close()
    }
  })

  it("input-guards: deleting a line item by id does not check which cart it belongs to (source read: needs a database to observe)", () => {
    const workflow = upstreamSource("@medusajs/core-flows/dist/line-item/workflows/delete-line-items.js")
    expect(workflow).toMatch(/deleteLineItemsStep\)\(input\.ids\)/)
    const route = upstreamSource("@medusajs/medusa/dist/api/store/carts/[id]/line-items/[line_id]/route.js")
    expect(route).toMatch(/ids: \[id\]/)
  })

  it("stripe-webhook-signature: Medusa's webhook route answers 200 to any body, signed or not", async () => {
    const emitted: unknown[] = []
    const req = {
      params: { provider: "stripe_stripe" },
      body: { forged: true },
      rawBody: Buffer.from("{}"),
      headers: { "stripe-signature": "t=1,v1=not-a-signature" },
      scope: { resolve: (key: string) => (key === "event_bus" ? { emit: (e: unknown) => (emitted.push(e), Promise.resolve()) } : {}) },
    }
    const res = { sendStatus: vi.fn(), status: vi.fn(() => res), send: vi.fn() }
    await medusaWebhookRoute(req as never, res as never)
    expect(res.sendStatus).toHaveBeenCalledWith(200)
    expect(emitted).toHaveLength(1)
  })

  it("locking-patient: the in-memory provider gives up after 5 s when execute() names no timeout", async () => {
    vi.useFakeTimers()
    try {
      const locking = new InMemoryLockingProvider()
      let release!: () => void
      const holder = locking.execute("item", () => new Promise<void>((r) => (release = r)), { timeout: 60 })
      const waiter = locking.execute("item", () => Promise.resolve("ran"))
      const outcome = waiter.then(() => "acquired", (e: Error) => e.message)
      await vi.advanceTimersByTimeAsync(4_900)
      await vi.advanceTimersByTimeAsync(200)
      expect(await outcome).toBe("Timed-out acquiring lock.")
      release()
      await holder
    } finally {
      vi.useRealTimers()
    }
  })

  it("shopper-errors: Medusa signals sold-out stock and lock timeouts only by message text (no error code)", () => {
    const inventory = upstreamSource("@medusajs/inventory/dist/services/inventory-module.js")
    expect(inventory).toContain("MedusaError.Types.NOT_ALLOWED, `Not enough stock available for item ${item.inventory_item_id} at location ${item.location_id}`)")
    expect(upstreamSource("@medusajs/locking/dist/providers/in-memory.js")).toContain('new Error("Timed-out acquiring lock.")')
    expect(upstreamSource("@medusajs/locking-redis/dist/services/redis-lock.js")).toContain('"Timed-out acquiring lock."')
  })

  it("draft-order-guard: converting a draft order runs a workflow with no hook at all", () => {
    const convert = upstreamSource("@medusajs/core-flows/dist/draft-order/workflows/convert-draft-order.js")
    expect(convert).not.toContain("createHook(")
  })

  it("deep imports from dist/ still resolve to what we extend", async () => {
    expect(typeof InMemoryLockingProvider.prototype.execute).toBe("function")
    const stripe = (await import("@medusajs/payment-stripe/dist/services/stripe-provider")).default
    expect(typeof stripe.prototype.getWebhookActionAndData).toBe("function")
    const search = await import("@medusajs/search-postgres/dist/services/postgres-search")
    expect(typeof search.PostgresSearchService).toBe("function")
    const utils = await import("@medusajs/search-postgres/dist/utils")
    for (const name of ["buildFacetQuery", "jsonbPath", "keywordTsQuerySql", "mapFacetResult", "normalizeFacetRequests"] as const) {
      expect(typeof utils[name], name).toBe("function")
    }
  })
})
