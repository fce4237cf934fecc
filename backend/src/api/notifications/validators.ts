import { z } from "@medusajs/framework/zod"

/** Shoppers: only whether non-essential mail comes (a shopper's language follows each order). */
export const StoreSetNotificationPreferences = z.object({ non_essential: z.boolean() }).strict()
export type StoreSetNotificationPreferencesType = z.infer<typeof StoreSetNotificationPreferences>

/** Producers: non-essential mail on/off and the language of every mail to the producer. */
export const ProducerSetNotificationPreferences = z
  .object({ non_essential: z.boolean().optional(), locale: z.enum(["vi", "en"]).optional() })
  .strict()
  .refine((v) => v.non_essential !== undefined || v.locale !== undefined, { message: "Give non_essential or locale" })
export type ProducerSetNotificationPreferencesType = z.infer<typeof ProducerSetNotificationPreferences>

/** The signed token of an unsubscribe link: `<customer|producer>.<id>.<base64url signature>`. */
export const UnsubscribeQuery = z.object({ token: z.string().min(10).max(300) }).strict()
