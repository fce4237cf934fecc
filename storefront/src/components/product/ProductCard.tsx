import { useLocale, useTranslations } from "next-intl"
import { Link } from "@/i18n/navigation"
import type { CardData } from "@/lib/util/cards"
import { formatMoney } from "@/lib/util/money"
import { StarBadge } from "./StarBadge"

export function ProductCard({ product, headingLevel = 3 }: { product: CardData; headingLevel?: 2 | 3 }) {
  const t = useTranslations("common")
  const locale = useLocale()
  const H = headingLevel === 2 ? "h2" : "h3"
  return (
    <article className="card product-card" data-testid="product-card" data-handle={product.handle}>
      <div className="media">
        {product.thumbnail ? (
          /* plain <img>: images are served by the backend, whose host varies per deployment */
          <img src={product.thumbnail} alt="" loading="lazy" width={400} height={400} />
        ) : (
          <div className="placeholder-art" aria-hidden="true">❀</div>
        )}
        <StarBadge stars={product.stars} potential={product.potential} />
      </div>
      <div className="body">
        <H>
          <Link href={`/products/${product.handle}`} data-testid="product-link">{product.title}</Link>
        </H>
        {product.producerName ? (
          <p className="meta">
            {product.producerName}
            {product.district ? ` · ${product.district}` : ""}
          </p>
        ) : null}
        <p className="price" data-testid="card-price">
          {product.price !== null ? formatMoney(product.price, product.currency, locale) : t("priceUnavailable")}
        </p>
      </div>
    </article>
  )
}

export function ProductGrid({ products }: { products: CardData[] }) {
  return (
    <ul className="grid" role="list" style={{ listStyle: "none", padding: 0, margin: 0 }}>
      {products.map((p) => (
        <li key={p.id} style={{ display: "flex" }}>
          <div style={{ flex: 1, display: "flex" }}>
            <ProductCard product={p} />
          </div>
        </li>
      ))}
    </ul>
  )
}
