import type { Metadata } from "next"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { AccountResetForm, AccountResetRequestForm } from "@/components/account/ResetForms"
import { ClientMessages } from "@/i18n/ClientMessages"
import { toLocale } from "@/lib/util/locale"

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ token?: string; email?: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: toLocale((await params).locale), namespace: "account" })
  return { title: t("resetTitle"), robots: { index: false } }
}

/** Without a token: ask for the link. With the token from the reset email: set a new password. */
export default async function AccountResetPasswordPage({ params, searchParams }: Props) {
  setRequestLocale(toLocale((await params).locale))
  const { token, email } = await searchParams
  return (
    <div className="container section narrow">
      <ClientMessages namespaces={["account"]}>
        {token ? <AccountResetForm token={String(token).slice(0, 4000)} email={String(email ?? "").slice(0, 254)} /> : <AccountResetRequestForm />}
      </ClientMessages>
    </div>
  )
}
