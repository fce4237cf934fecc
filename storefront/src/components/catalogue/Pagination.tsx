import { getTranslations } from "next-intl/server"
import { Link } from "@/i18n/navigation"
import { catalogueSearch, pageWindow, type CatalogueQuery } from "@/lib/util/search"

export async function Pagination({ query, count, pageSize, basePath = "/products" }: { query: CatalogueQuery; count: number; pageSize: number; basePath?: string }) {
  const t = await getTranslations("catalogue")
  const pages = Math.max(1, Math.ceil(count / pageSize))
  if (pages <= 1) return null
  const href = (page: number) => `${basePath}${catalogueSearch({ ...query, page })}`
  return (
    <nav className="pagination" aria-label={t("pagination")} data-testid="pagination">
      {query.page > 1 ? (
        <Link href={href(query.page - 1)} rel="prev" className="btn btn-outline btn-sm" data-testid="page-prev">‹ {t("previous")}</Link>
      ) : null}
      <ul>
        {pageWindow(query.page, pages).map((p, i) =>
          p === "…" ? (
            <li key={`gap-${i}`} aria-hidden="true">…</li>
          ) : (
            <li key={p}>
              <Link
                href={href(p)}
                aria-current={p === query.page ? "page" : undefined}
                aria-label={t("page", { page: p })}
                className="page-link"
                data-testid="page-link"
              >
                {p}
              </Link>
            </li>
          )
        )}
      </ul>
      {query.page < pages ? (
        <Link href={href(query.page + 1)} rel="next" className="btn btn-outline btn-sm" data-testid="page-next">{t("next")} ›</Link>
      ) : null}
    </nav>
  )
}
