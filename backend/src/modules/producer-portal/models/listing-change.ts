import { model } from "@medusajs/framework/utils"

/**
 * Append-only audit log of what producers (and the portal on their behalf)
 * changed: who, when, which fields, the values before and after, and whether
 * the change sent the listing back to review, and the office's decision on it.
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
    // The OCOP office's decision on a change that required review. What changed stays as recorded;
    // the decision is set once (a second review is a 409) and is itself appended as a change of its own.
    review_decision: model.enum(["approved", "rejected"]).nullable(),
    review_note: model.text().nullable(),
    reviewed_by: model.text().nullable(),
    reviewed_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["producer_id", "occurred_at"] },
    { on: ["product_id", "occurred_at"] },
    // The admin's review queue: changes waiting for a decision.
    { name: "IDX_listing_change_review_queue", on: ["occurred_at"], where: "requires_review = true AND reviewed_at IS NULL" },
  ])

export default ListingChange
