import type { Metadata } from "next"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { JoinForm } from "@/components/producer/AuthForms"
import { toLocale } from "@/lib/util/locale"

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ token?: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: toLocale((await params).locale), namespace: "producer.portal.auth" })
  return { title: t("joinTitle") }
}

/** The link in an invitation: create a login with the invited email and join the producer. */
export default async function JoinPage({ params, searchParams }: Props) {
  setRequestLocale(toLocale((await params).locale))
  const t = await getTranslations("producer.portal.auth")
  const { token } = await searchParams
  return (
    <div className="container section narrow">
      {token ? <JoinForm token={String(token).slice(0, 400)} /> : <p className="alert alert-error" role="alert">{t("missingToken")}</p>}
    </div>
  )
}
