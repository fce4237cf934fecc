import type { Metadata } from "next"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { redirect } from "next/navigation"
import { VerifyForm } from "@/components/certificate/VerifyForm"
import { toLocale } from "@/lib/util/locale"

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ number?: string | string[] }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = toLocale((await params).locale)
  const t = await getTranslations({ locale, namespace: "verify" })
  return { title: t("title"), description: t("intro"), alternates: { canonical: `/${locale}/verify`, languages: { vi: "/vi/verify", en: "/en/verify" } } }
}

export default async function VerifyIndex({ params, searchParams }: Props) {
  const locale = toLocale((await params).locale)
  setRequestLocale(locale)
  const raw = (await searchParams).number
  const number = (Array.isArray(raw) ? raw[0] : raw ?? "").trim()
  if (number && /^[A-Za-z0-9\-_/.]{1,64}$/.test(number)) redirect(`/${locale}/verify/${encodeURIComponent(number)}`)
  const t = await getTranslations("verify")
  return (
    <div className="container section narrow">
      <p className="eyebrow">OCOP</p>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <VerifyForm locale={locale} defaultValue={number} />
    </div>
  )
}
