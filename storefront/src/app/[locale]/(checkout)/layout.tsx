import { getTranslations } from "next-intl/server"
import { Suspense, type ReactNode } from "react"
import { LocaleSwitcher } from "@/components/layout/LocaleSwitcher"
import { ClientMessages } from "@/i18n/ClientMessages"
import { Link } from "@/i18n/navigation"
import { toLocale } from "@/lib/util/locale"

/** Checkout: a calm, distraction-free frame (brand + back to cart), like the starters. */
export default async function CheckoutLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const locale = toLocale((await params).locale)
  const m = await getTranslations({ locale, namespace: "meta" })
  const c = await getTranslations({ locale, namespace: "cart" })
  return (
    <ClientMessages namespaces={["checkout", "cart"]}>
      <header className="site-header on-dark checkout-header">
        <div className="container header-main" style={{ gridTemplateColumns: "1fr auto" }}>
          <Link href="/" className="brand" data-testid="brand-home">
            <span className="brand-mark" aria-hidden="true">★</span>
            <span>{m("siteName")}</span>
          </Link>
          <div className="header-actions">
            <Suspense fallback={null}>
              <LocaleSwitcher />
            </Suspense>
            <Link href="/cart" className="header-link" data-testid="back-to-cart">← {c("title")}</Link>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </ClientMessages>
  )
}
