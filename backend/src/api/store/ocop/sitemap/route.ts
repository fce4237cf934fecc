import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PUBLIC_CERTIFICATION_STATUSES } from "../../../utils/public-fields"
import { sitemapEntries } from "../../../utils/sellable-products"
import type { StoreSitemapQueryType } from "../validators"

/**
 * GET /store/ocop/sitemap?offset=&limit= — a slice of the keys of every public page (products on
 * sale now, approved producers, certificates on record) and their total, for the storefront's
 * sitemap index (storefront/src/app/sitemap.xml). Ordered and counted in PostgreSQL; a product
 * whose certificate lapsed a second ago is already absent.
 */
export const GET = async (req: MedusaRequest<unknown, StoreSitemapQueryType>, res: MedusaResponse) => {
  const { offset, limit } = req.validatedQuery as StoreSitemapQueryType
  const { entries, count } = await sitemapEntries(req.scope, { offset, limit, publicCertificationStatuses: PUBLIC_CERTIFICATION_STATUSES })
  res.json({ entries, count, offset, limit })
}
