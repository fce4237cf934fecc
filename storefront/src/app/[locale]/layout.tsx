import "@/styles/globals.css"
import type { Metadata, Viewport } from "next"
import { hasLocale } from "next-intl"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { notFound } from "next/navigation"
import type { ReactNode } from "react"
import { ClientMessages } from "@/i18n/ClientMessages"
import { routing } from "@/i18n/routing"
import { siteUrl } from "@/lib/util/site"

export const viewport: Viewport = { themeColor: "#3d1a5c", width: "device-width", initialScale: 1 }

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params
  const t = await getTranslations({ locale: hasLocale(routing.locales, locale) ? locale : routing.defaultLocale, namespace: "meta" })
  return {
    metadataBase: new URL(siteUrl()),
    title: { default: `${t("siteName")} — ${t("tagline")}`, template: `%s · ${t("siteName")}` },
    description: t("description"),
    applicationName: t("siteName"),
    alternates: { canonical: `/${locale}`, languages: { vi: "/vi", en: "/en", "x-default": "/vi" } },
    openGraph: {
      type: "website",
      siteName: t("siteName"),
      locale: locale === "en" ? "en_US" : "vi_VN",
      alternateLocale: locale === "en" ? ["vi_VN"] : ["en_US"],
    },
    twitter: { card: "summary_large_image" },
    formatDetection: { telephone: false },
  }
}

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params
  if (!hasLocale(routing.locales, locale)) notFound()
  setRequestLocale(locale)
  const t = await getTranslations({ locale, namespace: "nav" })
  return (
    <html lang={locale}>
      <body>
        <ClientMessages>
          <a className="skip-link" href="#main">{t("skip")}</a>
          {children}
        </ClientMessages>
      </body>
    </html>
  )
}
