import { MedusaError } from "@medusajs/framework/utils"

/**
 * What a shopper is told when the last units sell out between "add to cart" and "place order". Shared by the
 * checkout's stock guard (a workflow hook that throws it) and the store API's error handler (which answers it as a
 * 409 with this code): the storefront branches on the code, people read the message.
 */
export const OUT_OF_STOCK_CODE = MedusaError.Codes.INSUFFICIENT_INVENTORY

export function outOfStockMessage(titles: string[]): string {
  const names = titles.length ? titles.map((t) => `"${t}"`).join(", ") : "A product in your cart"
  return `Sorry, ${names} is out of stock: not enough units are left to place your order. Please remove it from your cart or lower the quantity.`
}

/** Recognises outOfStockMessage() even when a workflow error lost its `code` in serialisation. */
export function isOutOfStockMessage(message: unknown): boolean {
  return typeof message === "string" && / is out of stock: not enough units are left to place your order\./.test(message)
}
