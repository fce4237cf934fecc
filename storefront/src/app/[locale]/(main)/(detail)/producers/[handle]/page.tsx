import { currentAddress } from "@hue-ocop/backend/ocop-contract"
import type { Metadata } from "next"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { notFound } from "next/navigation"
import { BackendDown, EmptyState } from "@/components/common/States"
import { ProductGrid } from "@/components/product/ProductCard"
import { JsonLd } from "@/components/product/ProductJsonLd"
import { Link } from "@/i18n/navigation"
import { getProducer } from "@/lib/data/producers"
import { listProducts } from "@/lib/data/products"
import { getRegionContext } from "@/lib/data/regions"
import { productToCard } from "@/lib/util/cards"
import { toLocale } from "@/lib/util/locale"
import { pickLang } from "@/lib/util/ocop"
import { siteUrl } from "@/lib/util/site"

type Props = { params: Promise<{ locale: string; handle: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale: raw, handle } = await params
  const locale = toLocale(raw)
  const res = await getProducer(handle)
  if (!res.ok || !res.data) return { title: handle, robots: { index: false } }
  const story = pickLang(res.data, "story", locale)
  return {
    title: res.data.legal_name,
    description: story ? story.slice(0, 160) : undefined,
    alternates: { canonical: `/${locale}/producers/${handle}`, languages: { vi: `/vi/producers/${handle}`, en: `/en/producers/${handle}` } },
    openGraph: { title: res.data.legal_name, description: story?.slice(0, 160), images: res.data.logo_url ? [res.data.logo_url] : undefined },
  }
}

export default async function ProducerPage({ params }: Props) {
  const { locale: raw, handle } = await params
  const locale = toLocale(raw)
  setRequestLocale(locale)
  const t = await getTranslations("producer")
  const pt = await getTranslations("producerTypes")
  const nav = await getTranslations("nav")
  const prod = await getTranslations("product")
  const res = await getProducer(handle)
  if (!res.ok) {
    return (
      <div className="container">
        <BackendDown headingLevel={1} />
      </div>
    )
  }
  const producer = res.data
  if (!producer) notFound()
  const ctx = await getRegionContext(locale)
  const currency = ctx.region?.currency_code ?? (locale === "en" ? "usd" : "vnd")
  const ids = (producer.products ?? []).map((p) => p.id).filter((id): id is string => Boolean(id))
  const products = ids.length ? await listProducts({ regionId: ctx.region?.id, ids, limit: 100 }) : null
  const story = pickLang(producer, "story", locale)
  // Today's address (ward/commune, city; no district since 1 July 2025); the former district is the "area".
  const address = currentAddress(producer, locale)

  return (
    <div className="container producer-page" data-testid="producer-page" data-handle={producer.handle}>
      <JsonLd
        data={{
          "@context": "https://schema.org",
          "@type": "Organization",
          name: producer.legal_name,
          url: `${siteUrl()}/${locale}/producers/${producer.handle}`,
          logo: producer.logo_url ?? undefined,
          address: { "@type": "PostalAddress", streetAddress: producer.street ?? undefined, addressLocality: [producer.commune, producer.district].filter(Boolean).join(", "), addressRegion: producer.province ?? undefined, addressCountry: "VN" },
        }}
      />
      <nav className="breadcrumbs" aria-label={prod("breadcrumb")}>
        <ol>
          <li><Link href="/">{nav("home")}</Link></li>
          <li><Link href="/producers">{nav("producers")}</Link></li>
          <li aria-current="page">{producer.legal_name}</li>
        </ol>
      </nav>
      <header className="producer-hero">
        {producer.logo_url ? (
          <img src={producer.logo_url} alt="" width={96} height={96} className="producer-logo" />
        ) : (
          <span className="logo-ph producer-logo" aria-hidden="true">{producer.legal_name.slice(0, 1)}</span>
        )}
        <div>
          <p className="eyebrow">{pt(producer.type)}</p>
          <h1 data-testid="producer-name">{producer.legal_name}</h1>
          <p className="muted">{currentAddress({ ...producer, street: null }, locale)}{producer.district ? ` · ${producer.district}` : ""}</p>
        </div>
      </header>
      <div className="producer-layout">
        <section aria-labelledby="story-title">
          <h2 id="story-title">{t("story")}</h2>
          {story ? story.split(/\n{2,}/).map((para, i) => <p key={i}>{para}</p>) : <p className="muted">—</p>}
        </section>
        <aside className="card" style={{ padding: "1.25rem" }}>
          <dl className="dl">
            {address ? (<><dt>{t("address")}</dt><dd>{address}</dd></>) : null}
            {producer.registration_number ? (<><dt>{t("registration")}</dt><dd className="tabular">{producer.registration_number}</dd></>) : null}
            {producer.phone ? (<><dt>{t("contact")}</dt><dd><a href={`tel:${producer.phone.replace(/\s+/g, "")}`}>{producer.phone}</a></dd></>) : null}
            {producer.email ? (<><dt>Email</dt><dd><a href={`mailto:${producer.email}`}>{producer.email}</a></dd></>) : null}
            {producer.website ? (<><dt>Web</dt><dd><a href={producer.website} rel="noopener noreferrer nofollow">{producer.website.replace(/^https?:\/\//, "")}</a></dd></>) : null}
          </dl>
        </aside>
      </div>
      <section className="section" aria-labelledby="products-title">
        <h2 id="products-title">{t("products")}</h2>
        {products && !products.ok ? (
          <BackendDown />
        ) : products?.ok && products.data.products.length ? (
          <ProductGrid products={products.data.products.map((p) => productToCard(p, locale, currency))} />
        ) : (
          <EmptyState title={t("noProducts")} />
        )}
      </section>
    </div>
  )
}
