import { setRequestLocale } from "next-intl/server"
import { notFound } from "next/navigation"
import { BackendDown } from "@/components/common/States"
import { redirect } from "@/i18n/navigation"
import { getTradeItem } from "@/lib/data/trace"
import { toLocale } from "@/lib/util/locale"
import { parseLotDigitalLink } from "@hue-ocop/backend/gs1"

type Props = { params: Promise<{ locale: string; gtin: string }> }

/**
 * GS1 Digital Link `/01/{gtin}` (a trade item without a lot): the product page. The proxy has
 * already put the shopper's language in front. Unknown or malformed GTINs are the 404 page.
 */
export default async function GtinResolver({ params }: Props) {
  const { locale: raw, gtin } = await params
  const locale = toLocale(raw)
  setRequestLocale(locale)
  const parsed = parseLotDigitalLink(`/01/${gtin}`)
  if (!parsed) notFound()
  const res = await getTradeItem(parsed.gtin)
  if (!res.ok) return <div className="container"><BackendDown headingLevel={1} /></div>
  if (!res.data?.product.handle) notFound()
  redirect({ href: `/products/${res.data.product.handle}`, locale })
}
