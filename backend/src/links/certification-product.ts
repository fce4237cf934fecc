import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import OcopModule from "../modules/ocop"

/** certification.product — read-only, resolved from certification.product_id. */
export default defineLink(
  { linkable: OcopModule.linkable.certification, field: "product_id" },
  ProductModule.linkable.product,
  { readOnly: true }
)
