import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import OcopModule from "../modules/ocop"

/**
 * Which producers sold something in an order, and which line items are theirs.
 *
 * Written once when the order is placed (src/subscribers/producer-order-placed.ts),
 * so an order stays with the producer that sold it even if the product is later
 * deleted or moved to another producer. Producer routes read orders only
 * through this link: a producer never sees another producer's lines.
 */
export default defineLink(
  { linkable: OcopModule.linkable.producer, isList: true },
  { linkable: OrderModule.linkable.order, isList: true },
  {
    database: {
      extraColumns: {
        line_item_ids: { type: "json", nullable: true },
      },
    },
  }
)
