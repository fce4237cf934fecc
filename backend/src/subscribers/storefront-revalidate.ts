import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { revalidateStorefrontCatalogue } from "../storefront/revalidate"
import { OCOP_SELLABILITY_CHANGED } from "../workflows/sellability"

/**
 * A product's OCOP standing was re-evaluated (certificate recorded, re-rated, suspended, revoked,
 * expired; producer approved or suspended): the storefront forgets its cached pages of it at once,
 * so "removed from every store route at once" holds for the rendered shop too.
 */
export default async function storefrontRevalidate({ event, container }: SubscriberArgs<{ ids: string[] }>) {
  await revalidateStorefrontCatalogue(container, event.data.ids ?? [])
}

export const config: SubscriberConfig = {
  event: OCOP_SELLABILITY_CHANGED,
  context: { subscriberId: "ocop-storefront-revalidate" },
}
