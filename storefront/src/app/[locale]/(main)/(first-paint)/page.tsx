import { getTranslations, setRequestLocale } from "next-intl/server"
import { GroupTiles } from "@/components/catalogue/GroupTiles"
import { Icon } from "@/components/common/Icon"
import { BackendDown, EmptyState } from "@/components/common/States"
import { ProducerCard } from "@/components/producer/ProducerCard"
import { ProductGrid } from "@/components/product/ProductCard"
import { Link } from "@/i18n/navigation"
import { listProducers } from "@/lib/data/producers"
import { listProducts } from "@/lib/data/products"
import { getRegionContext } from "@/lib/data/regions"
import { productToCard } from "@/lib/util/cards"
import { toLocale } from "@/lib/util/locale"

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = toLocale((await params).locale)
  setRequestLocale(locale)
  const t = await getTranslations("home")
  const s = await getTranslations("stars")
  const c = await getTranslations("common")
  const ctx = await getRegionContext(locale)
  const currency = ctx.region?.currency_code ?? (locale === "en" ? "usd" : "vnd")

  const [featured, latest, producers] = await Promise.all([
    listProducts({ regionId: ctx.region?.id, limit: 8, filters: { ocop_stars: [5, 4] }, order: "-created_at" }),
    listProducts({ regionId: ctx.region?.id, limit: 8, order: "-created_at" }),
    listProducers(6),
  ])
  const backendDown = !featured.ok && !latest.ok
  const featuredCards = featured.ok
    ? featured.data.products
        .map((p) => productToCard(p, locale, currency))
        .sort((a, b) => (b.stars ?? 0) - (a.stars ?? 0) || Number(b.potential) - Number(a.potential))
    : []
  const featuredIds = new Set(featuredCards.map((c) => c.id))
  const latestCards = latest.ok
    ? latest.data.products.filter((p) => !featuredIds.has(p.id) && p.current_certification).map((p) => productToCard(p, locale, currency))
    : []

  return (
    <>
      <section className="hero on-dark" aria-labelledby="hero-title">
        <div className="container">
          <div>
            <p className="eyebrow">{t("heroEyebrow")}</p>
            <h1 id="hero-title">{t("heroTitle")}</h1>
            <p>{t("heroBody")}</p>
            <div className="hero-actions">
              <Link href="/products" className="btn btn-gold" data-testid="hero-shop">{t("heroCta")}</Link>
              <a href="#ocop-story" className="btn btn-outline">{t("heroSecondary")}</a>
            </div>
          </div>
          <div className="hero-card">
            <ul>
              <li><span className="ic"><Icon name="shield" /></span><div><strong>{t("trust1Title")}</strong><span>{t("trust1Body")}</span></div></li>
              <li><span className="ic"><Icon name="qr" /></span><div><strong>{t("trust2Title")}</strong><span>{t("trust2Body")}</span></div></li>
              <li><span className="ic"><Icon name="leaf" /></span><div><strong>{t("trust3Title")}</strong><span>{t("trust3Body")}</span></div></li>
            </ul>
          </div>
        </div>
      </section>

      <section className="section" aria-labelledby="featured-title">
        <div className="container">
          <div className="section-head">
            <h2 id="featured-title">{t("featuredTitle")}</h2>
            <Link href="/products?stars=5&stars=4&sort=stars" prefetch={false}>{c("viewAll")}</Link>
          </div>
          {backendDown ? (
            <BackendDown />
          ) : featuredCards.length ? (
            <div data-testid="featured-products"><ProductGrid products={featuredCards} /></div>
          ) : (
            <EmptyState title={t("featuredEmpty")} />
          )}
        </div>
      </section>

      <section className="section" style={{ background: "var(--white)" }} aria-labelledby="ocop-story-title" id="ocop-story">
        <div className="container story">
          <div>
            <p className="eyebrow">OCOP</p>
            <h2 id="ocop-story-title">{t("storyTitle")}</h2>
            <div className="ornament" aria-hidden="true" />
            <p>{t("storyBody1")}</p>
            <p>{t("storyBody2")}</p>
            <p>{t("storyBody3")}</p>
          </div>
          <ul className="star-scale" aria-label="OCOP">
            {[5, 4, 3].map((n) => (
              <li key={n}>
                <span className="star-badge" aria-hidden="true"><span className="glyphs">{"★".repeat(n)}</span></span>
                <span>{s("label", { stars: n })}</span>
                <span className="pts">{n === 5 ? "90–100" : n === 4 ? "70–89" : "50–69"}</span>
              </li>
            ))}
            <li>
              <span className="potential">{s("potential")}</span>
              <span>{s("potentialLong")}</span>
              <span className="pts">≥ 90</span>
            </li>
          </ul>
        </div>
      </section>

      <section className="section" aria-labelledby="groups-title">
        <div className="container">
          <div className="section-head"><h2 id="groups-title">{t("groupsTitle")}</h2></div>
          <GroupTiles />
        </div>
      </section>

      {latestCards.length ? (
        <section className="section" aria-labelledby="latest-title" style={{ paddingTop: 0 }}>
          <div className="container">
            <div className="section-head">
              <h2 id="latest-title">{t("latestTitle")}</h2>
              <Link href="/products">{c("viewAll")}</Link>
            </div>
            <ProductGrid products={latestCards.slice(0, 4)} />
          </div>
        </section>
      ) : null}

      <section className="section" style={{ background: "var(--purple-50)" }} aria-labelledby="producers-title">
        <div className="container">
          <div className="section-head">
            <h2 id="producers-title">{t("producersTitle")}</h2>
            <Link href="/producers">{c("viewAll")}</Link>
          </div>
          {!producers.ok ? (
            backendDown ? null : <BackendDown />
          ) : producers.data.length ? (
            <ul className="grid-3" role="list" style={{ listStyle: "none", padding: 0, margin: 0 }}>
              {producers.data.slice(0, 6).map((p) => (
                <li key={p.id} style={{ display: "flex" }}><ProducerCard producer={p} /></li>
              ))}
            </ul>
          ) : (
            <EmptyState title={t("producersEmpty")} />
          )}
        </div>
      </section>
    </>
  )
}
