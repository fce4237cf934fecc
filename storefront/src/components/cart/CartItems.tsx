"use client"

import { useLocale, useTranslations } from "next-intl"
import { useState, useTransition } from "react"
import { Link, useRouter } from "@/i18n/navigation"
import { deleteLineItem, updateLineItem } from "@/lib/data/cart-actions"
import { formatMoney } from "@/lib/util/money"

export type LineView = {
  id: string
  title: string
  variantTitle: string | null
  handle: string | null
  thumbnail: string | null
  quantity: number
  unitPrice: number
  total: number
  maxQuantity: number
}

export function CartItems({ items, currency }: { items: LineView[]; currency: string }) {
  const t = useTranslations("cart")
  return (
    <ul className="cart-items" role="list" data-testid="cart-items">
      {items.map((i) => (
        <CartLine key={i.id} item={i} currency={currency} labels={{ remove: t("removeItem", { title: i.title }), qty: t("quantityOf", { title: i.title }) }} />
      ))}
    </ul>
  )
}

function CartLine({ item, currency, labels }: { item: LineView; currency: string; labels: { remove: string; qty: string } }) {
  const t = useTranslations("cart")
  const locale = useLocale()
  const router = useRouter()
  const [pending, start] = useTransition()
  const [error, setError] = useState<string | null>(null)
  const [qty, setQty] = useState(item.quantity)

  function change(quantity: number) {
    setError(null)
    setQty(quantity)
    start(async () => {
      const res = quantity <= 0 ? await deleteLineItem(item.id) : await updateLineItem({ lineId: item.id, quantity })
      if (!res.ok) {
        setError(res.error)
        setQty(item.quantity)
      }
      router.refresh()
    })
  }

  const options = Array.from({ length: Math.max(item.maxQuantity, item.quantity) }, (_, i) => i + 1)

  return (
    <li className="cart-line" data-testid="cart-item" data-line-id={item.id} aria-busy={pending}>
      <div className="cart-thumb">
        {item.thumbnail ? <img src={item.thumbnail} alt="" width={96} height={96} /> : <span className="placeholder-art" aria-hidden="true">❀</span>}
      </div>
      <div className="cart-line-info">
        {item.handle ? (
          <Link href={`/products/${item.handle}`} className="cart-line-title" data-testid="cart-item-title">{item.title}</Link>
        ) : (
          <span className="cart-line-title" data-testid="cart-item-title">{item.title}</span>
        )}
        {item.variantTitle && item.variantTitle !== "Default variant" ? <span className="muted">{item.variantTitle}</span> : null}
        <span className="muted tabular">{formatMoney(item.unitPrice, currency, locale)}</span>
        {error ? <p className="alert alert-error" role="alert" style={{ margin: "0.5rem 0 0" }}>{error}</p> : null}
      </div>
      <div className="cart-line-qty">
        <label className="visually-hidden" htmlFor={`qty-${item.id}`}>{labels.qty}</label>
        <select
          id={`qty-${item.id}`}
          className="select"
          value={qty}
          disabled={pending}
          onChange={(e) => change(Number(e.target.value))}
          data-testid="cart-quantity"
        >
          {options.map((n) => (
            <option key={n} value={n}>{n}</option>
          ))}
        </select>
        <button type="button" className="link-button" onClick={() => change(0)} disabled={pending} aria-label={labels.remove} data-testid="cart-remove">
          {t("remove")}
        </button>
      </div>
      <div className="cart-line-total tabular" data-testid="cart-item-total">{formatMoney(item.total, currency, locale)}</div>
    </li>
  )
}
