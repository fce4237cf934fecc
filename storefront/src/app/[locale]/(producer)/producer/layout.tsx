import type { Metadata } from "next"
import { getTranslations, setRequestLocale } from "next-intl/server"
import type { ReactNode } from "react"
import { PortalHeader } from "@/components/producer/PortalShell"
import { ClientMessages } from "@/i18n/ClientMessages"
import { toLocale } from "@/lib/util/locale"

type Props = { children: ReactNode; params: Promise<{ locale: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: toLocale((await params).locale), namespace: "producer.portal" })
  return { title: { default: t("title"), template: `%s · ${t("title")}` }, description: t("tagline"), robots: { index: false, follow: false } }
}

/** The producer portal: its own header, no shop chrome, never indexed. */
export default async function ProducerPortalLayout({ children, params }: Props) {
  const locale = toLocale((await params).locale)
  setRequestLocale(locale)
  return (
    <ClientMessages namespaces={["producer", "groups", "producerTypes"]}>
      <PortalHeader locale={locale} />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </ClientMessages>
  )
}
