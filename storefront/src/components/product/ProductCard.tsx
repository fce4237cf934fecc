import { useLocale, useTranslations } from "next-intl"
import { preload } from "react-dom"
import { Link } from "@/i18n/navigation"
import type { CardData } from "@/lib/util/cards"
import { formatMoney } from "@/lib/util/money"
import { StarBadge } from "./StarBadge"

/**
 * `priority`: the card is likely the page's largest contentful paint (the first card of a
 * grid at the top of the page): its image loads eagerly and first instead of lazily.
 */
export function ProductCard({ product, headingLevel = 3, priority = false }: { product: CardData; headingLevel?: 2 | 3; priority?: boolean }) {
  const t = useTranslations("common")
  const locale = useLocale()
  const H = headingLevel === 2 ? "h2" : "h3"
  if (priority && product.thumbnail) preload(product.thumbnail, { as: "image", fetchPriority: "high" })
  return (
    <article className="card product-card" data-testid="product-card" data-handle={product.handle}>
      <div className="media">
        {product.thumbnail ? (
          /* plain <img>: images are served by the backend, whose host varies per deployment */
          <img src={product.thumbnail} alt="" width={400} height={400} {...(priority ? { fetchPriority: "high" as const } : { loading: "lazy" as const, decoding: "async" as const })} />
        ) : (
          <div className="placeholder-art" aria-hidden="true">❀</div>
        )}
        <StarBadge stars={product.stars} potential={product.potential} />
      </div>
      <div className="body">
        <H>
          {/* No viewport prefetch: a grid would fetch and parse every visible product page's RSC
              payload while the page starts up (most of home's Total Blocking Time); a click loads it as usual. */}
          <Link href={`/products/${product.handle}`} prefetch={false} data-testid="product-link">{product.title}</Link>
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

/** `priority`: the grid opens the page, so its first card is the likely LCP element. */
export function ProductGrid({ products, priority = false }: { products: CardData[]; priority?: boolean }) {
  return (
    <ul className="grid" role="list" style={{ listStyle: "none", padding: 0, margin: 0 }}>
      {products.map((p, i) => (
        <li key={p.id} style={{ display: "flex" }}>
          <div style={{ flex: 1, display: "flex" }}>
            <ProductCard product={p} priority={priority && i === 0} />
          </div>
        </li>
      ))}
    </ul>
  )
}
