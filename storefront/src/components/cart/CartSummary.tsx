import { useLocale, useTranslations } from "next-intl"
import type { HttpTypes } from "@medusajs/types"
import { formatMoney } from "@/lib/util/money"

export function CartSummary({ cart, showShipping = true }: { cart: HttpTypes.StoreCart; showShipping?: boolean }) {
  const t = useTranslations("cart")
  const locale = useLocale()
  const m = (n: number | null | undefined) => formatMoney(n ?? 0, cart.currency_code, locale)
  const hasShipping = (cart.shipping_methods ?? []).length > 0
  return (
    <dl className="summary" data-testid="cart-summary">
      <div><dt>{t("subtotal")}</dt><dd data-testid="cart-subtotal">{m(cart.item_subtotal ?? cart.subtotal)}</dd></div>
      {cart.discount_total ? (
        <div className="discount"><dt>{t("discount")}</dt><dd data-testid="cart-discount">−{m(cart.discount_total)}</dd></div>
      ) : null}
      {showShipping ? (
        <div><dt>{t("shipping")}</dt><dd data-testid="cart-shipping">{hasShipping ? m(cart.shipping_total) : t("shippingAtCheckout")}</dd></div>
      ) : null}
      {cart.tax_total ? (
        <div><dt>{t("tax")}</dt><dd>{m(cart.tax_total)}</dd></div>
      ) : null}
      <div className="total"><dt>{t("total")}</dt><dd data-testid="cart-total">{m(cart.total)}</dd></div>
    </dl>
  )
}
