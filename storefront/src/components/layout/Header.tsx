import { getTranslations } from "next-intl/server"
import { Suspense } from "react"
import { Icon } from "@/components/common/Icon"
import { SearchBox } from "@/components/search/SearchBox"
import { Link } from "@/i18n/navigation"
import { cartItemCount, retrieveCart } from "@/lib/data/cart"
import { getRegionContext } from "@/lib/data/regions"
import type { Locale } from "@/lib/util/locale"
import { CountrySelector } from "./CountrySelector"
import { LocaleSwitcher } from "./LocaleSwitcher"
import { MainNav } from "./MainNav"

export async function Header({ locale }: { locale: Locale }) {
  const t = await getTranslations("nav")
  const m = await getTranslations("meta")
  const [ctx, cart] = await Promise.all([getRegionContext(locale), retrieveCart()])
  const count = cartItemCount(cart)
  return (
    <header className="site-header on-dark">
      <div className="topbar">
        <div className="container">
          <p className="topbar-note">{m("tagline")}</p>
          <div className="topbar-tools">
            <CountrySelector ctx={ctx} locale={locale} />
            <Suspense fallback={null}>
              <LocaleSwitcher />
            </Suspense>
          </div>
        </div>
      </div>
      <div className="container header-main">
        <Link href="/" className="brand" data-testid="brand-home">
          <span className="brand-mark" aria-hidden="true">★</span>
          <span>{m("siteName")}</span>
        </Link>
        <SearchBox />
        <div className="header-actions">
          <Link href="/account" className="header-link" data-testid="nav-account">
            <Icon name="user" />
            <span className="label-text">{t("account")}</span>
          </Link>
          <Link href="/cart" className="header-link" data-testid="nav-cart" aria-label={t("cartCount", { count })}>
            <Icon name="cart" />
            <span className="label-text" aria-hidden="true">{t("cart")}</span>
            <span className="cart-badge" data-testid="cart-count" aria-hidden="true">{count}</span>
          </Link>
        </div>
      </div>
      <MainNav
        label={t("main")}
        items={[
          { href: "/", label: t("home"), testId: "nav-home" },
          { href: "/products", label: t("catalogue"), testId: "nav-catalogue" },
          { href: "/producers", label: t("producers"), testId: "nav-producers" },
          { href: "/verify", label: t("verify"), testId: "nav-verify" },
        ]}
      />
    </header>
  )
}
