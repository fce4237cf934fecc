import type { Metadata } from "next"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { CartItems } from "@/components/cart/CartItems"
import { CartSummary } from "@/components/cart/CartSummary"
import { PromoCode } from "@/components/cart/PromoCode"
import { EmptyState } from "@/components/common/States"
import { ClientMessages } from "@/i18n/ClientMessages"
import { Link } from "@/i18n/navigation"
import { retrieveCart } from "@/lib/data/cart"
import { toLineViews } from "@/lib/util/cart-lines"
import { toLocale } from "@/lib/util/locale"

type Props = { params: Promise<{ locale: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: toLocale((await params).locale), namespace: "cart" })
  return { title: t("title"), robots: { index: false } }
}

export default async function CartPage({ params }: Props) {
  const locale = toLocale((await params).locale)
  setRequestLocale(locale)
  const t = await getTranslations("cart")
  const cart = await retrieveCart()
  const items = cart ? toLineViews(cart, locale) : []
  return (
    <div className="container section" data-testid="cart-page">
      <h1>{t("title")}</h1>
      {!cart || !items.length ? (
        <EmptyState title={t("empty")}>
          <Link className="btn btn-primary" href="/products" data-testid="cart-empty-cta">{t("emptyCta")}</Link>
        </EmptyState>
      ) : (
        <ClientMessages namespaces={["cart"]}>
        <div className="cart-layout">
          <section aria-label={t("item")}>
            <CartItems items={items} currency={cart.currency_code} />
            <p><Link href="/products">← {t("continue")}</Link></p>
          </section>
          <aside className="card cart-aside" aria-labelledby="summary-title">
            <h2 id="summary-title">{t("summary")}</h2>
            <PromoCode applied={(cart.promotions ?? []).map((p) => p.code).filter((c): c is string => Boolean(c))} />
            <CartSummary cart={cart} />
            <Link href="/checkout" className="btn btn-primary btn-block" data-testid="go-to-checkout">{t("checkout")}</Link>
          </aside>
        </div>
        </ClientMessages>
      )}
    </div>
  )
}
