import "server-only"
import { cache } from "react"
import type { OcopGroup, ProducerWithProducts, Result } from "../types"
import { attempt, medusaGet, TAGS } from "./common"

export const listProducers = cache(
  async (limit = 100): Promise<Result<ProducerWithProducts[]>> =>
    attempt("producers.list", async () => {
      const res = await medusaGet<{ producers: ProducerWithProducts[] }>("/store/producers", {
        query: { limit },
        tags: [TAGS.producers],
      })
      return res.producers ?? []
    })
)

/** A producer with its products; `null` data when unknown or not approved (404). */
export const getProducer = cache(
  async (handle: string): Promise<Result<ProducerWithProducts | null>> => {
    const res = await attempt("producers.get", async () => {
      const r = await medusaGet<{ producer: ProducerWithProducts }>(`/store/producers/${encodeURIComponent(handle)}`, {
        tags: [TAGS.producers, `producer-${handle}`],
      })
      return r.producer
    })
    if (!res.ok && res.status === 404) return { ok: true, data: null }
    return res
  }
)

export const listGroups = cache(
  async (): Promise<Result<OcopGroup[]>> =>
    attempt("groups", async () => {
      const r = await medusaGet<{ groups: OcopGroup[] }>("/store/ocop/groups", { tags: [TAGS.groups], revalidate: 3600 })
      return r.groups ?? []
    })
)
