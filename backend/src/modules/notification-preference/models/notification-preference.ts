import { model } from "@medusajs/framework/utils"

/**
 * What one shopper (customer) or producer wants to hear. No row = the defaults: every message,
 * producers in Vietnamese. Order, payment and security messages go whatever this says
 * (notifications/render.ts marks which templates are essential).
 */
const NotificationPreference = model
  .define("notification_preference", {
    id: model.id({ prefix: "npref" }).primaryKey(),
    recipient_type: model.enum(["customer", "producer"]),
    recipient_id: model.text(),
    /** false: essential messages only. */
    non_essential: model.boolean().default(true),
    /** Language of the recipient's mail (producers; a shopper's follows the order's locale). */
    locale: model.enum(["vi", "en"]).nullable(),
  })
  .indexes([{ on: ["recipient_type", "recipient_id"], unique: true, where: "deleted_at IS NULL" }])

export default NotificationPreference
