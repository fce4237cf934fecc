import { model } from "@medusajs/framework/utils"

/**
 * A person who signs in to the producer portal on behalf of one OCOP producer.
 *
 * Authentication is Medusa's auth module with the custom actor type `producer`:
 * the auth identity's `app_metadata.producer_id` holds this row's id (Medusa
 * names the key `<actor_type>_id`), so a producer token's `actor_id` is a
 * producer_user id. `producer_id` is a plain column, not a foreign key: the
 * producer lives in the OCOP module (see src/links/producer-user-producer.ts).
 */
const ProducerUser = model
  .define("producer_user", {
    id: model.id({ prefix: "pruser" }).primaryKey(),
    producer_id: model.text(),
    email: model.text().searchable(),
    first_name: model.text().nullable(),
    last_name: model.text().nullable(),
    phone: model.text().nullable(),
    role: model.enum(["owner", "member"]).default("member"),
  })
  .indexes([
    // One person works for one producer.
    { on: ["email"], unique: true, where: "deleted_at IS NULL" },
    { on: ["producer_id"] },
  ])

export default ProducerUser
