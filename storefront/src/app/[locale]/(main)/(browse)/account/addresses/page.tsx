import type { Metadata } from "next"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { redirect } from "next/navigation"
import { AccountNav } from "@/components/account/AccountNav"
import { AddressBook } from "@/components/account/AddressBook"
import { ClientMessages } from "@/i18n/ClientMessages"
import { retrieveCustomer } from "@/lib/data/customer"
import { getRegionContext } from "@/lib/data/regions"
import { toLocale } from "@/lib/util/locale"
import { countryName, shippingCountries } from "@/lib/util/region"

type Props = { params: Promise<{ locale: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: toLocale((await params).locale), namespace: "account" })
  return { title: t("addresses"), robots: { index: false } }
}

export default async function AddressesPage({ params }: Props) {
  const locale = toLocale((await params).locale)
  setRequestLocale(locale)
  const customer = await retrieveCustomer()
  if (!customer) redirect(`/${locale}/account`)
  const t = await getTranslations("account")
  const ctx = await getRegionContext(locale)
  const countries = shippingCountries(ctx.regions).map(({ code }) => ({ code, label: countryName(code, locale) }))
  return (
    <div className="container section account" data-testid="account-addresses">
      <h1>{t("addresses")}</h1>
      <div className="account-layout">
        <AccountNav current="addresses" locale={locale} />
        <ClientMessages namespaces={["account", "checkout"]}>
          <AddressBook addresses={customer.addresses ?? []} countries={countries.length ? countries : [{ code: "vn", label: countryName("vn", locale) }]} />
        </ClientMessages>
      </div>
    </div>
  )
}
