import type { Metadata } from "next"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { notFound } from "next/navigation"
import { BackendDown } from "@/components/common/States"
import { Gallery } from "@/components/product/Gallery"
import { Labelling } from "@/components/product/Labelling"
import { ProductActions } from "@/components/product/ProductActions"
import { ProductGrid } from "@/components/product/ProductCard"
import { JsonLd, productJsonLd } from "@/components/product/ProductJsonLd"
import { getProductGtins } from "@/lib/data/trace"
import { Provenance } from "@/components/product/Provenance"
import { StarBadge } from "@/components/product/StarBadge"
import { ClientMessages } from "@/i18n/ClientMessages"
import { Link } from "@/i18n/navigation"
import { getProducer } from "@/lib/data/producers"
import { getProductByHandle, listProducts } from "@/lib/data/products"
import { getRegionContext } from "@/lib/data/regions"
import { productToCard } from "@/lib/util/cards"
import { toLocale } from "@/lib/util/locale"
import { labellingOf, localizedProduct } from "@/lib/util/ocop"
import { toOptionViews, toVariantViews } from "@/lib/util/variants"

type Props = { params: Promise<{ locale: string; handle: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale: raw, handle } = await params
  const locale = toLocale(raw)
  const ctx = await getRegionContext(locale)
  const res = await getProductByHandle(handle, ctx.region?.id)
  if (!res.ok || !res.data) return { title: handle, robots: { index: false } }
  const p = res.data
  const text = localizedProduct(p, locale)
  const cert = p.current_certification ?? null
  const description = [cert ? `OCOP ${cert.stars}★` : null, text.subtitle, p.producer?.legal_name].filter(Boolean).join(" · ")
  return {
    title: text.title,
    description: description || undefined,
    alternates: {
      canonical: `/${locale}/products/${handle}`,
      languages: { vi: `/vi/products/${handle}`, en: `/en/products/${handle}` },
    },
    openGraph: {
      type: "website",
      title: text.title,
      description: description || undefined,
      url: `/${locale}/products/${handle}`,
      // og:image comes from ./opengraph-image.tsx (PNG; product photos may be SVG, which social sites reject)
    },
  }
}

export default async function ProductPage({ params }: Props) {
  const { locale: raw, handle } = await params
  const locale = toLocale(raw)
  setRequestLocale(locale)
  const t = await getTranslations("product")
  const nav = await getTranslations("nav")
  const ctx = await getRegionContext(locale)
  const currency = ctx.region?.currency_code ?? (locale === "en" ? "usd" : "vnd")
  const res = await getProductByHandle(handle, ctx.region?.id)
  if (!res.ok) {
    return (
      <div className="container">
        <BackendDown headingLevel={1} />
      </div>
    )
  }
  const p = res.data
  if (!p) notFound()

  const text = localizedProduct(p, locale)
  const cert = p.current_certification ?? null
  const images = [...new Set([...(p.images ?? []).map((i) => i.url), p.thumbnail].filter((u): u is string => Boolean(u)))]
  // "More from this producer": the producer's products on sale, priced for this region.
  const producer = p.producer?.handle ? await getProducer(p.producer.handle) : null
  const relatedIds = producer?.ok && producer.data ? (producer.data.products ?? []).map((x) => x.id).filter((id): id is string => Boolean(id) && id !== p.id).slice(0, 4) : []
  const related = relatedIds.length
    ? await listProducts({ regionId: ctx.region?.id, ids: relatedIds, limit: 4 }).then((r) => (r.ok ? r.data.products : []))
    : []

  return (
    <div className="container product-page" data-testid="product-page" data-handle={p.handle}>
      <JsonLd data={productJsonLd(p, cert, locale, currency, await getProductGtins(p.id))} />
      <nav className="breadcrumbs" aria-label={t("breadcrumb")}>
        <ol>
          <li><Link href="/">{nav("home")}</Link></li>
          <li><Link href="/products">{nav("catalogue")}</Link></li>
          <li aria-current="page">{text.title}</li>
        </ol>
      </nav>
      <div className="product-layout">
        <Gallery images={images} title={text.title} labels={{ gallery: t("gallery"), thumbnail: t("thumbnail", { index: "{index}" }), noImage: t("noImage") }} />
        <div className="product-info">
          {cert ? <StarBadge stars={cert.stars} potential={Boolean(cert.potential_five_star)} size="large" /> : null}
          <h1 data-testid="product-title">{text.title}</h1>
          {text.subtitle ? <p className="lead">{text.subtitle}</p> : null}
          {p.producer ? (
            <p className="muted">
              <Link href={`/producers/${p.producer.handle}`}>{p.producer.legal_name}</Link>
              {p.producer.district ? ` · ${p.producer.district}` : ""}
            </p>
          ) : null}
          <ClientMessages namespaces={["product"]}>
            <ProductActions options={toOptionViews(p.options, locale, p.metadata)} variants={toVariantViews(p.variants)} currency={currency} />
          </ClientMessages>
          {text.description ? (
            <section className="description" aria-labelledby="desc-title">
              <h2 id="desc-title">{t("description")}</h2>
              {text.description.split(/\n{2,}/).map((para, i) => (
                <p key={i}>{para}</p>
              ))}
            </section>
          ) : null}
        </div>
      </div>
      <div className="product-details">
        <Provenance cert={cert} producer={p.producer} locale={locale} />
        <Labelling labelling={labellingOf(p)} producer={p.producer} locale={locale} />
      </div>
      {related.length ? (
        <section className="section" aria-labelledby="related-title">
          <h2 id="related-title">{t("related")}</h2>
          <ProductGrid products={related.map((r) => productToCard(r, locale, currency))} />
        </section>
      ) : null}
    </div>
  )
}
