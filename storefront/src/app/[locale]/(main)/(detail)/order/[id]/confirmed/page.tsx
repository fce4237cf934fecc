import type { Metadata } from "next"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { notFound } from "next/navigation"
import { OrderDetails } from "@/components/order/OrderDetails"
import { Link } from "@/i18n/navigation"
import { getLastOrder } from "@/lib/data/cookies"
import { retrieveCustomer, retrieveOrder, retrieveOrderParcels } from "@/lib/data/customer"
import { toLocale } from "@/lib/util/locale"

type Props = { params: Promise<{ locale: string; id: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: toLocale((await params).locale), namespace: "order" })
  return { title: t("confirmedTitle"), robots: { index: false } }
}

export default async function OrderConfirmed({ params }: Props) {
  const { locale: raw, id } = await params
  const locale = toLocale(raw)
  setRequestLocale(locale)
  const t = await getTranslations("order")
  // Only the browser that placed the order, or its signed-in owner, may see it.
  const [lastOrder, customer] = await Promise.all([getLastOrder(), retrieveCustomer()])
  const [order, parcels] = await Promise.all([retrieveOrder(id), retrieveOrderParcels(id)])
  const owns = order && (lastOrder === order.id || (customer && order.customer_id === customer.id))
  if (!order || !owns) notFound()
  return (
    <div className="container section narrow" data-testid="order-confirmation" data-order-id={order.id}>
      <div className="confirm-hero">
        <span className="state-ic" aria-hidden="true">✓</span>
        <div>
          <h1>{t("confirmedTitle")}</h1>
          <p className="lead">{t("confirmedBody", { id: String(order.display_id ?? order.id), email: order.email ?? "" })}</p>
        </div>
      </div>
      <OrderDetails order={order} locale={locale} parcels={parcels} />
      <p style={{ marginTop: "2rem" }}><Link className="btn btn-primary" href="/products">{t("continue")}</Link></p>
    </div>
  )
}
