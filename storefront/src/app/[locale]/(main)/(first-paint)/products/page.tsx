import type { Metadata } from "next"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { Facets } from "@/components/catalogue/Facets"
import { FiltersDisclosure } from "@/components/catalogue/FiltersDisclosure"
import { Pagination } from "@/components/catalogue/Pagination"
import { BackendDown, EmptyState } from "@/components/common/States"
import { ProductGrid } from "@/components/product/ProductCard"
import { Link } from "@/i18n/navigation"
import { getRegionContext } from "@/lib/data/regions"
import { searchCatalogue } from "@/lib/data/search"
import { hitToCard } from "@/lib/util/cards"
import { toLocale } from "@/lib/util/locale"
import { catalogueSearch, PAGE_SIZE, parseCatalogueParams, toggleFacet, type CatalogueQuery } from "@/lib/util/search"

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const locale = toLocale((await params).locale)
  const query = parseCatalogueParams(await searchParams)
  const t = await getTranslations({ locale, namespace: "catalogue" })
  const filtered = query.q || query.stars.length || query.group.length || query.district.length || query.producer_type.length || query.page > 1
  return {
    title: query.q ? t("searchTitle", { q: query.q }) : t("title"),
    alternates: { canonical: `/${locale}/products`, languages: { vi: "/vi/products", en: "/en/products" } },
    // Filtered/paged variants are for shoppers, not for the index.
    robots: filtered ? { index: false, follow: true } : undefined,
  }
}

export default async function CataloguePage({ params, searchParams }: Props) {
  const locale = toLocale((await params).locale)
  setRequestLocale(locale)
  const t = await getTranslations("catalogue")
  const g = await getTranslations("groups")
  const pt = await getTranslations("producerTypes")
  const s = await getTranslations("stars")
  const query = parseCatalogueParams(await searchParams)
  const ctx = await getRegionContext(locale)
  const currency = ctx.region?.currency_code ?? (locale === "en" ? "usd" : "vnd")
  const res = await searchCatalogue(query, { currency, regionId: ctx.region?.id })

  const chips: { label: string; next: CatalogueQuery }[] = [
    ...query.stars.map((v) => ({ label: s("label", { stars: v }), next: toggleFacet(query, "stars", v) })),
    ...query.group.map((v) => ({ label: g.has(v) ? g(v) : v, next: toggleFacet(query, "group", v) })),
    ...query.district.map((v) => ({ label: v, next: toggleFacet(query, "district", v) })),
    ...query.producer_type.map((v) => ({ label: pt.has(v) ? pt(v) : v, next: toggleFacet(query, "producer_type", v) })),
    ...(query.price_min !== null ? [{ label: `≥ ${query.price_min}`, next: { ...query, price_min: null, page: 1 } }] : []),
    ...(query.price_max !== null ? [{ label: `≤ ${query.price_max}`, next: { ...query, price_max: null, page: 1 } }] : []),
  ]

  return (
    <div className="container section catalogue" data-testid="catalogue">
      <header className="catalogue-head">
        <h1>{query.q ? t("searchTitle", { q: query.q }) : t("title")}</h1>
        {res.ok ? (
          <p className="muted" role="status" data-testid="result-count" data-count={res.data.count}>
            {t("results", { count: res.data.count })}
          </p>
        ) : null}
      </header>
      {!res.ok ? (
        <BackendDown />
      ) : (
        <div className="catalogue-layout">
          <aside className="catalogue-filters">
            <FiltersDisclosure summary={t("filters")} activeCount={chips.length}>
              <Facets query={query} facets={res.data.facets} currency={currency} locale={locale} />
            </FiltersDisclosure>
          </aside>
          <section aria-labelledby="results-title">
            {/* The cards are h3: a (hidden) h2 keeps the heading outline in order under the page's h1. */}
            <h2 id="results-title" className="visually-hidden">{t("results", { count: res.data.count })}</h2>
            {res.data.degraded ? <p className="alert alert-info" data-testid="search-degraded">{t("searchFallback")}</p> : null}
            {chips.length ? (
              <div className="chips" aria-label={t("activeFilters")} role="group">
                {chips.map((c) => (
                  <Link key={c.label} href={`/products${catalogueSearch(c.next)}`} className="chip" aria-label={t("removeFilter", { label: c.label })} data-testid="active-filter">
                    {c.label} <span aria-hidden="true">×</span>
                  </Link>
                ))}
                <Link href={`/products${catalogueSearch({ q: query.q })}`} className="chip chip-clear" data-testid="clear-filters">{t("clearFilters")}</Link>
              </div>
            ) : null}
            {res.data.hits.length ? (
              <>
                <ProductGrid priority products={res.data.hits.map((h) => hitToCard(h, locale, currency))} />
                <Pagination query={query} count={res.data.count} pageSize={PAGE_SIZE} />
              </>
            ) : (
              <EmptyState title={t("empty")} body={t("emptyHint")}>
                {chips.length || query.q ? <Link className="btn btn-outline" href="/products">{t("clearFilters")}</Link> : null}
              </EmptyState>
            )}
          </section>
        </div>
      )}
    </div>
  )
}
