import { getTranslations } from "next-intl/server"
import type { SearchFacets } from "@/lib/types"
import { GROUP_CODES, PRODUCER_TYPES } from "@/lib/util/ocop"
import { SORTS, type CatalogueQuery } from "@/lib/util/search"
import { CleanGetForm } from "./CleanGetForm"

type Props = { query: CatalogueQuery; facets: SearchFacets; currency: string; locale: string }

/**
 * Filters as a plain GET form: shareable URLs, works without JavaScript, and no
 * surprise page changes while ticking boxes (WCAG 3.2.2) — the shopper applies.
 */
export async function Facets({ query, facets, currency, locale }: Props) {
  const t = await getTranslations("catalogue")
  const g = await getTranslations("groups")
  const pt = await getTranslations("producerTypes")
  const s = await getTranslations("stars")
  const districts = Object.keys(facets.district ?? {})
  for (const d of query.district) if (!districts.includes(d)) districts.push(d)
  districts.sort((a, b) => a.localeCompare(b, "vi"))
  const communes = Object.keys(facets.commune ?? {})
  for (const c of query.commune ?? []) if (!communes.includes(c)) communes.push(c)
  communes.sort((a, b) => a.localeCompare(b, "vi"))
  const step = currency === "vnd" ? 10000 : 1

  const box = (name: string, value: string, label: string, checked: boolean, n: number | undefined, testId: string) => (
    <label className="check" key={`${name}-${value}`}>
      <input type="checkbox" name={name} value={value} defaultChecked={checked} data-testid={testId} />
      <span>{label}</span>
      {n !== undefined ? <span className="facet-count" aria-label={`(${n})`}>{n}</span> : null}
    </label>
  )

  return (
    <CleanGetForm action={`/${locale}/products`} path="/products" defaultSort={query.q ? "relevance" : "newest"} className="facets" data-testid="facets" aria-label={t("filters")}>
      {query.q ? <input type="hidden" name="q" value={query.q} /> : null}
      <div className="field">
        <label htmlFor="sort">{t("sort")}</label>
        <select id="sort" name="sort" className="select" defaultValue={query.sort} data-testid="sort-select">
          {SORTS.map((v) => (
            <option key={v} value={v}>
              {t(
                ({ relevance: "sortRelevance", newest: "sortNewest", price_asc: "sortPriceAsc", price_desc: "sortPriceDesc", stars: "sortStars" } as const)[v]
              )}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="facet">
        <legend>{t("stars")}</legend>
        {[5, 4, 3].map((n) => box("stars", String(n), s("label", { stars: n }), query.stars.includes(n), facets.stars?.[String(n)], `facet-stars-${n}`))}
      </fieldset>
      <fieldset className="facet">
        <legend>{t("group")}</legend>
        {GROUP_CODES.map((c) => box("group", c, g(c), query.group.includes(c), facets.group_code?.[c], `facet-group-${c}`))}
      </fieldset>
      {districts.length ? (
        <fieldset className="facet">
          <legend>{t("district")}</legend>
          {districts.map((d) => box("district", d, d, query.district.includes(d), facets.district?.[d], "facet-district"))}
        </fieldset>
      ) : null}
      {communes.length ? (
        <fieldset className="facet">
          <legend>{t("commune")}</legend>
          {communes.map((c) => box("commune", c, c, (query.commune ?? []).includes(c), facets.commune?.[c], "facet-commune"))}
        </fieldset>
      ) : null}
      <fieldset className="facet">
        <legend>{t("producerType")}</legend>
        {PRODUCER_TYPES.map((c) => box("producer_type", c, pt(c), query.producer_type.includes(c), facets.producer_type?.[c], `facet-producer-type-${c}`))}
      </fieldset>
      <fieldset className="facet">
        <legend>{t("price")} ({currency.toUpperCase()})</legend>
        <div className="price-range">
          <div className="field">
            <label htmlFor="price_min">{t("priceMin")}</label>
            <input id="price_min" name="price_min" type="number" inputMode="numeric" min={0} step={step} className="input" defaultValue={query.price_min ?? ""} data-testid="price-min" />
          </div>
          <div className="field">
            <label htmlFor="price_max">{t("priceMax")}</label>
            <input id="price_max" name="price_max" type="number" inputMode="numeric" min={0} step={step} className="input" defaultValue={query.price_max ?? ""} data-testid="price-max" />
          </div>
        </div>
      </fieldset>
      <button type="submit" className="btn btn-primary btn-block" data-testid="apply-filters">{t("applyFilters")}</button>
    </CleanGetForm>
  )
}
