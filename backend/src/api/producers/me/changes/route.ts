import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PRODUCER_PORTAL_MODULE } from "../../../../modules/producer-portal"
import type ProducerPortalModuleService from "../../../../modules/producer-portal/service"
import { producerContext } from "../../helpers"
import type { ProducerListQueryType } from "../../validators"

/** GET /producers/me/changes — the producer's own change log (who changed what, when), newest first. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, ProducerListQueryType>, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as ProducerListQueryType
  const portal: ProducerPortalModuleService = req.scope.resolve(PRODUCER_PORTAL_MODULE)
  const [changes, count] = await portal.listAndCountListingChanges(
    { producer_id: producerContext(req).producer.id },
    { take: limit, skip: offset, order: { occurred_at: "DESC" } }
  )
  res.json({ changes, count, limit, offset })
}
