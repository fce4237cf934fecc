"use server"

import { revalidateTag } from "next/cache"
import { sdk } from "../config"
import { resolveRegion, normaliseCountry } from "../util/region"
import { toLocale } from "../util/locale"
import { TAGS } from "./common"
import { getCartId, setCountryCookie, getAuthHeaders } from "./cookies"
import { listRegions } from "./regions"

/**
 * Stores the shopper's shipping country. Unknown codes are replaced by the
 * default for the locale, never bounced around. If a cart exists, its region
 * follows (prices are recalculated by Medusa).
 */
export async function setCountry(formData: FormData): Promise<void> {
  const locale = toLocale(formData.get("locale"))
  const requested = normaliseCountry(formData.get("country"))
  const regions = await listRegions()
  if (!regions.ok) return
  const { region, country } = resolveRegion(regions.data, requested, locale)
  if (!region || !country) return
  await setCountryCookie(country)
  const cartId = await getCartId()
  if (cartId) {
    try {
      await sdk.store.cart.update(cartId, { region_id: region.id }, {}, await getAuthHeaders())
    } catch (e) {
      console.error("[cart] region update failed:", (e as Error).message)
    }
    revalidateTag(TAGS.cart(cartId), { expire: 0 })
  }
  // Product prices are cached per region_id (part of the request), so nothing else goes stale.
}
