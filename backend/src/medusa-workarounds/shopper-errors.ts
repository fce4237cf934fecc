import { errorHandler, type MedusaNextFunction, type MedusaRequest, type MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { OUT_OF_STOCK_CODE, isOutOfStockMessage, outOfStockMessage } from "../contract/shopper-errors"

/**
 * Medusa's inventory module refuses a reservation with "Not enough stock available for
 * item iitem_… at location sloc_…" (a 400). That is what a shopper sees when the last
 * units sell out between "add to cart" and "place order" (the race is decided inside
 * complete-cart's reservation step, under Medusa's per-inventory-item lock), and it is
 * meaningless to them. This error handler answers it instead as a 409 Conflict — the cart
 * was valid, the stock changed under it — naming the product, with a stable code the
 * storefront can branch on. Every other error goes to Medusa's own handler unchanged.
 */
const NOT_ENOUGH_STOCK = /^Not enough stock available for item (\S+) at location \S+/

async function productTitles(req: MedusaRequest, inventoryItemId: string): Promise<string[]> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "inventory_item",
    fields: ["id", "title", "variants.title", "variants.product.title"],
    filters: { id: inventoryItemId },
  })
  const item = data[0] as any
  const titles = (item?.variants ?? []).map((v: any) => v?.product?.title ?? v?.title).filter(Boolean)
  return [...new Set<string>(titles.length ? titles : item?.title ? [item.title] : [])]
}

/** `fallback` answers every other error (Medusa's own handler by default). */
export function shopperErrorHandler(fallback: (err: any, req: any, res: any, next: any) => void | Promise<void> = errorHandler()) {
  const medusaHandler = fallback
  return async function ocopErrorHandler(err: any, req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
    const match = typeof err?.message === "string" && err?.type === MedusaError.Types.NOT_ALLOWED ? NOT_ENOUGH_STOCK.exec(err.message) : null
    if (match && !res.headersSent) {
      // A failed title lookup must not turn a clear 409 into a 500: fall back to a generic name.
      const titles = await productTitles(req, match[1]).catch(() => [])
      req.scope?.resolve(ContainerRegistrationKeys.LOGGER)?.info(`Out of stock at ${req.path}: ${err.message}`)
      res.status(409).json({ type: MedusaError.Types.NOT_ALLOWED, code: OUT_OF_STOCK_CODE, message: outOfStockMessage(titles) })
      return
    }
    // Our own stock guard already wrote a shopper's message: same 409.
    if (err?.type === MedusaError.Types.NOT_ALLOWED && (err?.code === OUT_OF_STOCK_CODE || isOutOfStockMessage(err?.message)) && !res.headersSent) {
      res.status(409).json({ type: MedusaError.Types.NOT_ALLOWED, code: OUT_OF_STOCK_CODE, message: err.message })
      return
    }
    // A lock still busy after a long wait is contention, not a server fault: ask for a retry.
    if (err?.message === "Timed-out acquiring lock." && !res.headersSent) {
      req.scope?.resolve(ContainerRegistrationKeys.LOGGER)?.warn(`Lock wait timed out at ${req.path}`)
      res.status(409).json({
        type: MedusaError.Types.CONFLICT,
        code: "lock_timeout",
        message: "Many shoppers are checking out this product right now. Nothing was charged; please try again in a moment.",
      })
      return
    }
    return medusaHandler(err, req, res, next)
  }
}
