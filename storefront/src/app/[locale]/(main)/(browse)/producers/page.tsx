import type { Metadata } from "next"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { BackendDown, EmptyState } from "@/components/common/States"
import { ProducerCard } from "@/components/producer/ProducerCard"
import { listProducers } from "@/lib/data/producers"
import { toLocale } from "@/lib/util/locale"

type Props = { params: Promise<{ locale: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = toLocale((await params).locale)
  const t = await getTranslations({ locale, namespace: "producer" })
  return { title: t("title"), description: t("intro"), alternates: { canonical: `/${locale}/producers`, languages: { vi: "/vi/producers", en: "/en/producers" } } }
}

export default async function ProducersPage({ params }: Props) {
  const locale = toLocale((await params).locale)
  setRequestLocale(locale)
  const t = await getTranslations("producer")
  const res = await listProducers(100)
  return (
    <div className="container section" data-testid="producers-page">
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <div className="ornament" aria-hidden="true" />
      {!res.ok ? (
        <BackendDown />
      ) : res.data.length ? (
        <ul className="grid-3" role="list" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {res.data.map((p) => (
            <li key={p.id} style={{ display: "flex" }}><ProducerCard producer={p} /></li>
          ))}
        </ul>
      ) : (
        <EmptyState title={t("empty")} />
      )}
    </div>
  )
}
