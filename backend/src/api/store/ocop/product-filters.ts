import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { publicOcopFieldsParam, STORE_PRODUCT_OCOP_ALLOWED } from "../../utils/public-fields"
import { ON_SALE_ORDER_COLUMNS, onSalePage, onSaleProductIds, type OnSaleOrder } from "../../utils/sellable-products"
import { describeIssues } from "../../utils/validate"
import { respondWithCurrentCertification } from "./current-certification"
import { StoreProductOcopFilters } from "./validators"

const OCOP_KEYS = Object.keys(StoreProductOcopFilters.shape)
const NO_MATCH = "prod_no_match"

/**
 * Query keys the fast listing path understands; with any other (q, category_id, tag_id, a
 * sales_channel_id, …) the request takes Medusa's own path, still filtered by the rule (see below).
 * `fields` and the pricing keys only shape the products of the page and pass through to Medusa.
 */
const FAST_PATH_KEYS = new Set(["fields", "limit", "offset", "order", "id", "handle", "region_id", "country_code", "province", "cart_id", "currency_code", ...OCOP_KEYS])
/**
 * `OCOP_STORE_READ_PATH=medusa` sends every listing down Medusa's own path (still filtered by the
 * rule): only for `npm run bench -- scale`, which measures stock Medusa side by side on the same database.
 */
const MEDUSA_PATH_ONLY = process.env.OCOP_STORE_READ_PATH === "medusa"
/** Medusa's default page size for GET /store/products (listProductQueryConfig.defaultLimit). */
const MEDUSA_DEFAULT_LIMIT = 50

const asList = (v: unknown): string[] | null =>
  v === undefined ? null : Array.isArray(v) ? (v.every((x) => typeof x === "string") ? (v as string[]) : null) : typeof v === "string" ? [v] : null

function nonNegativeInt(v: unknown, fallback: number): number | null {
  if (v === undefined) return fallback
  if (typeof v !== "string" || !/^\d{1,9}$/.test(v)) return null
  return Number(v)
}

function parseOrder(v: unknown): OnSaleOrder | null | undefined {
  if (v === undefined) return undefined
  if (typeof v !== "string") return null
  const m = /^(-?)([a-z_]+)$/.exec(v)
  if (!m || !(ON_SALE_ORDER_COLUMNS as readonly string[]).includes(m[2])) return null
  return { column: m[2] as OnSaleOrder["column"], descending: m[1] === "-" }
}

function keyChannels(req: MedusaRequest): string[] | null {
  const ids = (req as unknown as { publishable_key_context?: { sales_channel_ids?: string[] } }).publishable_key_context?.sales_channel_ids
  return ids?.length ? ids : null
}

/**
 * GET /store/products and /store/products/:id, before Medusa's own middlewares and handler.
 *
 * Why: stock Medusa turns the publishable key into a sales-channel filter by loading every
 * product ↔ channel link row of the channel (maybeApplyLinkFilter) before each product query, so
 * every listing, product page and handle lookup costs O(catalogue) in the server process (6.5
 * product pages per second at 10 000 products, bench/results/api.md). Here the page is chosen in
 * PostgreSQL first (`onSalePage`, utils/sellable-products.ts) and handed to Medusa as an `id`
 * filter: Medusa's link filter then only reads the page's link rows, and its handler loads, prices
 * and stocks only the page — same route, same response shape, for @medusajs/js-sdk clients too.
 * The answer's count/offset/limit are the catalogue's, not the page's.
 *
 * Also: OCOP filters (`ocop_stars`, `ocop_group`, `district`, `province`, `producer_type`) and
 * OCOP fields (`*producer`, `*certifications`, public leaves only, utils/public-fields.ts);
 * products answered with their certifications carry `current_certification`.
 *
 * Every answer — fast path, Medusa's own path for other filters, product by id — holds only
 * products on sale at this instant (`onSaleSql`): a certificate lapses at its valid_until, not at
 * the expiry job's next run.
 */
export async function storeProductOcop(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  try {
    req.allowed = [...(req.allowed ?? []), ...STORE_PRODUCT_OCOP_ALLOWED]
    respondWithCurrentCertification(res)
    const query = req.query as Record<string, unknown>
    if (typeof query.fields === "string") query.fields = publicOcopFieldsParam(query.fields)
    else if (Array.isArray(query.fields)) query.fields = query.fields.map((f) => (typeof f === "string" ? publicOcopFieldsParam(f) : f))

    const byId = /^\/store\/products\/([^/]+)\/?$/i.exec(req.path)
    if (byId) return await productById(req, res, next, decodeURIComponent(byId[1]))

    const present = OCOP_KEYS.filter((k) => query[k] !== undefined)
    const raw = Object.fromEntries(present.map((k) => [k, query[k]]))
    for (const k of present) delete query[k]
    const parsed = StoreProductOcopFilters.safeParse(raw)
    if (!parsed.success) throw new MedusaError(MedusaError.Types.INVALID_DATA, describeIssues(parsed.error))

    const channels = keyChannels(req)
    const limit = nonNegativeInt(query.limit, MEDUSA_DEFAULT_LIMIT)
    const offset = nonNegativeInt(query.offset, 0)
    const order = parseOrder(query.order)
    const ids = asList(query.id)
    const handles = asList(query.handle)
    const fast =
      !MEDUSA_PATH_ONLY &&
      channels &&
      limit !== null &&
      offset !== null &&
      order !== null &&
      (query.id === undefined || ids) &&
      (query.handle === undefined || handles) &&
      Object.keys(query).every((k) => FAST_PATH_KEYS.has(k))
    if (!fast) {
      // Medusa's path (it validates, answers 400s, resolves other filters); the OCOP filters, when
      // present, become an id narrowing, and the page is checked against the rule on the way out.
      if (present.length && channels) {
        const { ids: all } = await onSalePage(req.scope, { channelIds: channels, filters: parsed.data, limit: 100_000, offset: 0, ids: ids ?? undefined })
        query.id = all.length ? all : [NO_MATCH]
      }
      dropNotOnSale(req, res, channels)
      return next()
    }

    const page = await onSalePage(req.scope, {
      channelIds: channels,
      filters: parsed.data,
      limit: limit!,
      offset: offset!,
      order: order ?? undefined,
      ids: ids ?? undefined,
      handles: handles ?? undefined,
    })
    query.id = page.ids.length ? page.ids : [NO_MATCH]
    query.offset = "0"
    query.limit = String(Math.max(page.ids.length, 1))
    const json = res.json.bind(res)
    res.json = ((body: any) => {
      if (body && Array.isArray(body.products)) {
        const rank = new Map(page.ids.map((id, i) => [id, i]))
        body = {
          ...body,
          products: [...body.products].sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0)),
          count: page.count,
          offset,
          limit,
        }
      }
      return json(body)
    }) as typeof res.json
    next()
  } catch (e) {
    next(e)
  }
}

/** GET /store/products/:id: Medusa's route already reads only this product's link rows; the rule's time check is added. */
async function productById(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction, id: string) {
  const channels = keyChannels(req)
  // No key channels: Medusa's own middleware answers the error.
  if (channels && !(await onSaleProductIds(req.scope, [id], channels)).has(id)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product with id: ${id} was not found`)
  }
  next()
}

/**
 * Medusa's own listing path: its sales-channel filter follows the channel, which the expiry job
 * updates hourly; products of the page whose certificate lapsed since are dropped from the answer
 * (and from its count) so no path shows them.
 */
function dropNotOnSale(req: MedusaRequest, res: MedusaResponse, channels: string[] | null) {
  if (!channels) return
  const json = res.json.bind(res)
  res.json = ((body: any) => {
    if (!body || !Array.isArray(body.products) || !body.products.length) return json(body)
    onSaleProductIds(req.scope, body.products.map((p: { id: string }) => p.id), channels).then(
      (onSale) => {
        const products = body.products.filter((p: { id: string }) => onSale.has(p.id))
        const dropped = body.products.length - products.length
        json({ ...body, products, ...(typeof body.count === "number" ? { count: body.count - dropped } : {}) })
      },
      (e) => {
        res.status(500)
        json({ type: "unexpected_state", message: `Could not check the products on sale: ${(e as Error).message}` })
      }
    )
    return res
  }) as typeof res.json
}
