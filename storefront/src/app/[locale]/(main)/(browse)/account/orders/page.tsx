import type { Metadata } from "next"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { redirect } from "next/navigation"
import { AccountNav } from "@/components/account/AccountNav"
import { OrderList } from "@/components/account/OrderList"
import { BackendDown } from "@/components/common/States"
import { listOrders, retrieveCustomer } from "@/lib/data/customer"
import { toLocale } from "@/lib/util/locale"

type Props = { params: Promise<{ locale: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: toLocale((await params).locale), namespace: "account" })
  return { title: t("orders"), robots: { index: false } }
}

export default async function OrdersPage({ params }: Props) {
  const locale = toLocale((await params).locale)
  setRequestLocale(locale)
  const customer = await retrieveCustomer()
  if (!customer) redirect(`/${locale}/account`)
  const t = await getTranslations("account")
  const orders = await listOrders(50)
  return (
    <div className="container section account" data-testid="account-orders">
      <h1>{t("orders")}</h1>
      <div className="account-layout">
        <AccountNav current="orders" locale={locale} />
        <div>{!orders ? <BackendDown /> : orders.orders.length ? <OrderList orders={orders.orders} /> : <p className="muted" data-testid="no-orders">{t("noOrders")}</p>}</div>
      </div>
    </div>
  )
}
