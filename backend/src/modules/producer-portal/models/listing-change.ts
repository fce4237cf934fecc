import { model } from "@medusajs/framework/utils"

/**
 * Append-only audit log of what producers (and the portal on their behalf)
 * changed: who, when, which fields, the values before and after, and whether
 * the change sent the listing back to review.
 */
const ListingChange = model
  .define("listing_change", {
    id: model.id({ prefix: "lchg" }).primaryKey(),
    producer_id: model.text(),
    product_id: model.text().nullable(),
    subject: model.enum(["producer", "product", "certification", "member", "order"]),
    action: model.text(),
    actor_type: model.text(),
    actor_id: model.text().nullable(),
    fields: model.array(),
    before: model.json().nullable(),
    after: model.json().nullable(),
    requires_review: model.boolean().default(false),
    occurred_at: model.dateTime(),
  })
  .indexes([
    { on: ["producer_id", "occurred_at"] },
    { on: ["product_id", "occurred_at"] },
  ])

export default ListingChange
