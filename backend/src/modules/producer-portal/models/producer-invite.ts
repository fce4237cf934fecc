import { model } from "@medusajs/framework/utils"

/**
 * An invitation to join a producer's team. Only the SHA-256 of the token is
 * stored: the token itself is shown once to the owner (and sent by notification).
 */
const ProducerInvite = model
  .define("producer_invite", {
    id: model.id({ prefix: "prinv" }).primaryKey(),
    producer_id: model.text(),
    email: model.text(),
    role: model.enum(["owner", "member"]).default("member"),
    token_hash: model.text(),
    expires_at: model.dateTime(),
    accepted_at: model.dateTime().nullable(),
    accepted_by: model.text().nullable(),
    invited_by: model.text().nullable(),
  })
  .indexes([
    { on: ["token_hash"], unique: true, where: "deleted_at IS NULL" },
    { on: ["producer_id"] },
    { on: ["email"] },
  ])

export default ProducerInvite
