import type { Metadata } from "next"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { AccountNav } from "@/components/account/AccountNav"
import { LoginForm, RegisterForm } from "@/components/account/AuthForms"
import { MailPreferences } from "@/components/account/MailPreferences"
import { OrderList } from "@/components/account/OrderList"
import { ClientMessages } from "@/i18n/ClientMessages"
import { Link } from "@/i18n/navigation"
import { listOrders, retrieveCustomer, retrieveMailPreferences } from "@/lib/data/customer"
import { toLocale } from "@/lib/util/locale"

type Props = { params: Promise<{ locale: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: toLocale((await params).locale), namespace: "account" })
  return { title: t("title"), robots: { index: false } }
}

export default async function AccountPage({ params }: Props) {
  const locale = toLocale((await params).locale)
  setRequestLocale(locale)
  const t = await getTranslations("account")
  const customer = await retrieveCustomer()
  if (!customer) {
    return (
      <div className="container section" data-testid="account-login">
        <h1>{t("title")}</h1>
        <div className="auth-grid">
          <ClientMessages namespaces={["account"]}>
            <LoginForm />
            <RegisterForm />
          </ClientMessages>
        </div>
      </div>
    )
  }
  const [orders, mail] = await Promise.all([listOrders(5), retrieveMailPreferences()])
  const name = [customer.first_name, customer.last_name].filter(Boolean).join(" ") || customer.email
  return (
    <div className="container section account" data-testid="account-overview">
      <h1>{t("welcome", { name })}</h1>
      <p className="muted" data-testid="account-email">{t("signedInAs", { email: customer.email })}</p>
      <div className="account-layout">
        <AccountNav current="overview" locale={locale} />
        <div>
          <h2>{t("orders")}</h2>
          {orders?.orders.length ? <OrderList orders={orders.orders} /> : <p className="muted" data-testid="no-orders">{t("noOrders")}</p>}
          {orders && orders.count > orders.orders.length ? <p><Link href="/account/orders">{t("orders")} →</Link></p> : null}
          {mail ? (
            <ClientMessages namespaces={["account"]}>
              <MailPreferences nonEssential={mail.non_essential} />
            </ClientMessages>
          ) : null}
        </div>
      </div>
    </div>
  )
}
