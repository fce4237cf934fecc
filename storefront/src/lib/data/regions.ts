import "server-only"
import type { HttpTypes } from "@medusajs/types"
import { cache } from "react"
import type { Locale } from "../util/locale"
import { resolveRegion } from "../util/region"
import type { Result } from "../types"
import { attempt, medusaGet, TAGS } from "./common"
import { getCountryCookie } from "./cookies"

export const listRegions = cache(async (): Promise<Result<HttpTypes.StoreRegion[]>> =>
  attempt("regions", async () => {
    const { regions } = await medusaGet<HttpTypes.StoreRegionListResponse>("/store/regions", {
      query: { limit: 50, fields: "id,name,currency_code,*countries" },
      tags: [TAGS.regions],
      revalidate: 300,
    })
    return regions
  })
)

export type RegionContext = {
  region: HttpTypes.StoreRegion | null
  country: string | null
  regions: HttpTypes.StoreRegion[]
  /** the backend could not be reached */
  unavailable: boolean
}

/** The shopper's region: from the `ocop_country` cookie, with a sensible default. Never redirects. */
export const getRegionContext = cache(async (locale: Locale): Promise<RegionContext> => {
  const res = await listRegions()
  const regions = res.ok ? res.data : []
  const { region, country } = resolveRegion(regions, await getCountryCookie(), locale)
  return { region, country, regions, unavailable: !res.ok }
})
