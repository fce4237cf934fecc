"use client"

import { useLocale, useTranslations } from "next-intl"
import { useMemo, useState, useTransition } from "react"
import { useRouter } from "@/i18n/navigation"
import { addToCart } from "@/lib/data/cart-actions"
import { formatMoney } from "@/lib/util/money"

export type VariantView = {
  id: string
  title: string
  options: Record<string, string> // option id -> value
  price: number | null
  originalPrice: number | null
  /** null = not tracked (always available) */
  stock: number | null
}

export type OptionView = { id: string; title: string; values: string[] }

const LOW_STOCK = 5

export function ProductActions({ options, variants, currency }: { options: OptionView[]; variants: VariantView[]; currency: string }) {
  const t = useTranslations("product")
  const locale = useLocale()
  const router = useRouter()
  const [pending, start] = useTransition()
  const [quantity, setQuantity] = useState(1)
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null)
  // Preselect the first in-stock variant (or the only one).
  const initial = variants.find((v) => v.stock === null || v.stock > 0) ?? variants[0]
  const [selected, setSelected] = useState<Record<string, string>>(initial?.options ?? {})

  const variant = useMemo(
    () => variants.find((v) => options.every((o) => v.options[o.id] === selected[o.id])) ?? (options.length ? null : variants[0] ?? null),
    [variants, options, selected]
  )
  const inStock = variant ? variant.stock === null || variant.stock > 0 : false
  const maxQty = variant?.stock === null || variant?.stock === undefined ? 99 : Math.max(1, Math.min(99, variant.stock))

  function onAdd() {
    if (!variant) return
    setMessage(null)
    start(async () => {
      const res = await addToCart({ variantId: variant.id, quantity, locale })
      if (res.ok) {
        setMessage({ kind: "ok", text: t("added") })
        router.refresh()
      } else {
        setMessage({ kind: "error", text: res.error })
      }
    })
  }

  return (
    <div className="product-actions">
      <p className="product-price" data-testid="product-price">
        {variant?.price !== null && variant?.price !== undefined ? (
          <>
            <span>{formatMoney(variant.price, currency, locale)}</span>
            {variant.originalPrice && variant.originalPrice > variant.price ? (
              <s className="muted" style={{ marginLeft: "0.6rem", fontSize: "1rem" }}>{formatMoney(variant.originalPrice, currency, locale)}</s>
            ) : null}
          </>
        ) : (
          "—"
        )}
      </p>

      {options.map((o) =>
        o.values.length > 1 || variants.length > 1 ? (
          <fieldset key={o.id} className="option-group">
            <legend>{t("pickVariant", { option: o.title })}</legend>
            <div className="option-values">
              {o.values.map((v) => {
                const candidate = { ...selected, [o.id]: v }
                const match = variants.find((x) => options.every((oo) => x.options[oo.id] === candidate[oo.id]))
                const soldOut = match ? match.stock !== null && match.stock <= 0 : true
                return (
                  <label key={v} className={`option-pill${soldOut ? " sold-out" : ""}`}>
                    <input
                      type="radio"
                      name={`opt-${o.id}`}
                      value={v}
                      checked={selected[o.id] === v}
                      onChange={() => setSelected(candidate)}
                      data-testid="variant-option"
                    />
                    <span>{v}</span>
                  </label>
                )
              })}
            </div>
          </fieldset>
        ) : null
      )}

      <p className="stock" data-testid="stock-status" data-in-stock={inStock}>
        {!variant ? t("selectOptions") : !inStock ? t("outOfStock") : variant.stock === null ? t("stockUnknown") : variant.stock <= LOW_STOCK ? t("lowStock", { count: variant.stock }) : t("inStock")}
      </p>

      <div className="buy-row">
        <div className="field qty-field">
          <label htmlFor="qty">{t("quantity")}</label>
          <input
            id="qty"
            className="input"
            type="number"
            inputMode="numeric"
            min={1}
            max={maxQty}
            value={quantity}
            onChange={(e) => setQuantity(Math.max(1, Math.min(maxQty, Number(e.target.value) || 1)))}
            data-testid="quantity-input"
          />
        </div>
        <button
          type="button"
          className="btn btn-primary add-btn"
          onClick={onAdd}
          disabled={!variant || !inStock || pending}
          aria-disabled={!variant || !inStock || pending}
          data-testid="add-to-cart"
        >
          {pending ? t("adding") : !variant ? t("selectOptions") : inStock ? t("addToCart") : t("outOfStock")}
        </button>
      </div>
      <div aria-live="polite" role="status" className="action-status">
        {message ? (
          <p className={`alert ${message.kind === "ok" ? "alert-ok" : "alert-error"}`} data-testid={message.kind === "ok" ? "add-to-cart-success" : "add-to-cart-error"}>
            {message.text}
          </p>
        ) : null}
      </div>
    </div>
  )
}
