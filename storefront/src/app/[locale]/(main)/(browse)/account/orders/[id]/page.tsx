import type { Metadata } from "next"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { notFound, redirect } from "next/navigation"
import { AccountNav } from "@/components/account/AccountNav"
import { OrderDetails } from "@/components/order/OrderDetails"
import { retrieveCustomer, retrieveOrder, retrieveOrderParcels } from "@/lib/data/customer"
import { toLocale } from "@/lib/util/locale"

type Props = { params: Promise<{ locale: string; id: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, id } = await params
  const t = await getTranslations({ locale: toLocale(locale), namespace: "account" })
  return { title: t("order", { id }), robots: { index: false } }
}

export default async function AccountOrderPage({ params }: Props) {
  const { locale: raw, id } = await params
  const locale = toLocale(raw)
  setRequestLocale(locale)
  const customer = await retrieveCustomer()
  if (!customer) redirect(`/${locale}/account`)
  const [order, parcels] = await Promise.all([retrieveOrder(id), retrieveOrderParcels(id)])
  if (!order || order.customer_id !== customer.id) notFound()
  const t = await getTranslations("account")
  return (
    <div className="container section account" data-testid="account-order" data-order-id={order.id}>
      <h1>{t("order", { id: String(order.display_id ?? order.id) })}</h1>
      <div className="account-layout">
        <AccountNav current="orders" locale={locale} />
        <OrderDetails order={order} locale={locale} parcels={parcels} />
      </div>
    </div>
  )
}
