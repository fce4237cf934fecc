import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import OcopModule from "../modules/ocop"

/**
 * product.certifications — read-only: certification rows carry product_id, so
 * no link table is needed and Postgres can enforce uniqueness per product.
 */
export default defineLink(
  { linkable: ProductModule.linkable.product, field: "id" },
  { ...OcopModule.linkable.certification.id, primaryKey: "product_id", alias: "certification" },
  // isList here (not on the linkable) makes the alias plural: product.certifications
  { readOnly: true, isList: true }
)
