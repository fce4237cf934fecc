import type { Metadata } from "next"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { ResetPasswordForm, ResetRequestForm } from "@/components/producer/AuthForms"
import { toLocale } from "@/lib/util/locale"

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ token?: string; email?: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: toLocale((await params).locale), namespace: "producer.portal.auth" })
  return { title: t("resetTitle") }
}

/** Without a token: ask for the link. With the token from the notification: set a new password. */
export default async function ResetPasswordPage({ params, searchParams }: Props) {
  setRequestLocale(toLocale((await params).locale))
  const { token, email } = await searchParams
  return (
    <div className="container section narrow">
      {token ? <ResetPasswordForm token={String(token).slice(0, 4000)} email={String(email ?? "").slice(0, 254)} /> : <ResetRequestForm />}
    </div>
  )
}
