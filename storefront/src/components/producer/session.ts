import "server-only"
import { cache } from "react"
import { getProducerSession } from "@/lib/data/producer"

/** One session lookup per request, shared by the layout and the page. */
export const producerSession = cache(getProducerSession)
