import type { Metadata } from "next"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { notFound } from "next/navigation"
import { BackendDown } from "@/components/common/States"
import { StarBadge } from "@/components/product/StarBadge"
import { Link } from "@/i18n/navigation"
import { getTracedLot, type TraceCertificate } from "@/lib/data/trace"
import { formatDate, toLocale } from "@/lib/util/locale"
import { parseLotDigitalLink } from "@hue-ocop/backend/gs1"

type Props = { params: Promise<{ locale: string; gtin: string; lot: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, lot } = await params
  const t = await getTranslations({ locale: toLocale(locale), namespace: "trace" })
  // A scan result, not a catalogue page: keep it out of search indexes.
  return { title: t("title", { lot: decodeURIComponent(lot).slice(0, 20) }), robots: { index: false, follow: true } }
}

/**
 * The GS1 Digital Link resolver page `/01/{gtin}/10/{lot}?17={YYMMDD}`: what Circular
 * 02/2024/TT-BKHCN asks a consumer to see (product name and image, producer name and address,
 * production date, lot, expiry) and the OCOP certificate in force on the production date and today.
 */
export default async function TracedLotPage({ params, searchParams }: Props) {
  const { locale: raw, gtin, lot } = await params
  const locale = toLocale(raw)
  setRequestLocale(locale)
  const sp = await searchParams
  const expiryParam = typeof sp["17"] === "string" ? sp["17"] : null
  const path = `/01/${gtin}/10/${lot}${expiryParam ? `?17=${encodeURIComponent(expiryParam)}` : ""}`
  const parsed = parseLotDigitalLink(path)
  if (!parsed?.lot) notFound()
  const res = await getTracedLot(parsed.gtin, parsed.lot, expiryParam)
  if (!res.ok) return <div className="container"><BackendDown headingLevel={1} /></div>
  const data = res.data
  if (!data) notFound()
  const t = await getTranslations("trace")
  const title = locale === "en" && data.product.title_en ? data.product.title_en : data.product.title
  const address = data.made_by ? (locale === "en" ? data.made_by.current_address_en : data.made_by.current_address) : null

  const cert = (c: TraceCertificate | null, testId: string, heading: string) => (
    <div className="card" data-testid={testId} data-status={c ? c.status : "none"} data-in-force={c ? String(c.in_force) : "false"}>
      <h3>{heading}</h3>
      {c ? (
        <dl className="dl">
          <dt>{t("certificate")}</dt>
          <dd>
            <Link href={`/verify/${encodeURIComponent(c.certificate_number)}`}>{c.certificate_number}</Link> <StarBadge stars={c.stars} potential={false} />
          </dd>
          <dt>{t("status")}</dt>
          <dd data-testid={`${testId}-status`}>{t(`statuses.${c.status}` as any)}{c.in_force ? "" : ` — ${t("notInForceToday")}`}</dd>
          <dt>{t("decision")}</dt>
          <dd>{c.decision_number} · {formatDate(c.decision_date, locale)} · {c.issuing_authority}</dd>
          <dt>{t("validity")}</dt>
          <dd>{formatDate(c.valid_from, locale)} – {formatDate(c.valid_until, locale)}</dd>
          {c.address_as_certified ? (
            <>
              <dt>{t("addressAsCertified")}</dt>
              <dd data-testid={`${testId}-address`}>
                {c.address_as_certified}
                {address && c.address_as_certified !== address ? <span className="muted"> ({t("now", { address })})</span> : null}
              </dd>
            </>
          ) : null}
        </dl>
      ) : (
        <p className="muted">{t("noCertificate")}</p>
      )}
    </div>
  )

  return (
    <div className="container section narrow" data-testid="trace-page">
      <p className="eyebrow">{t("eyebrow")}</p>
      <h1 data-testid="trace-product-name">
        {title}
        {data.product.variant_title ? <span className="muted"> — {data.product.variant_title}</span> : null}
      </h1>
      {data.is_demo ? <p className="alert alert-warn" data-testid="trace-demo">{t("demo")}</p> : null}
      {data.corrected_by ? (
        <p className="alert alert-warn" data-testid="trace-corrected">
          {t("corrected", { date: formatDate(data.corrected_by.corrected_at, locale) })}{" "}
          <a href={data.corrected_by.digital_link}>{data.corrected_by.lot_number}</a>
        </p>
      ) : null}
      {data.expiry_in_link_matches === false ? <p className="alert alert-warn" data-testid="trace-expiry-mismatch">{t("expiryMismatch")}</p> : null}
      {data.certification_today && !data.certification_today.in_force ? (
        <p className="alert alert-warn" data-testid="trace-not-in-force">{t(`todayStatus.${data.certification_today.status}` as any)}</p>
      ) : null}
      <div className="card verify-card">
        {data.product.thumbnail ? (
          // eslint-disable-next-line @next/next/no-img-element -- backend-served artwork, any host
          <img src={data.product.thumbnail} alt={title} width={240} height={240} data-testid="trace-product-image" style={{ maxWidth: "240px", height: "auto" }} />
        ) : null}
        <dl className="dl">
          <dt>{t("producer")}</dt>
          <dd data-testid="trace-producer-name">
            {data.made_by ? <Link href={`/producers/${data.made_by.handle}`}>{data.made_by.legal_name}</Link> : "—"}
          </dd>
          <dt>{t("address")}</dt>
          <dd data-testid="trace-producer-address">
            {address ?? "—"}
            {data.made_by?.former_commune ? <span className="muted"> ({t("formerly", { commune: data.made_by.former_commune, area: data.made_by.area })})</span> : null}
          </dd>
          <dt>{t("lot")}</dt>
          <dd data-testid="trace-lot">{data.lot_number}</dd>
          <dt>{t("productionDate")}</dt>
          <dd data-testid="trace-production-date">{formatDate(data.production_date, locale)}</dd>
          <dt>{t("expiry")}</dt>
          <dd data-testid="trace-expiry">{data.expiry_date ? formatDate(data.expiry_date, locale) : t("noExpiry")}</dd>
          <dt>GTIN</dt>
          <dd>{data.gtin}</dd>
          {data.notes ? (
            <>
              <dt>{t("notes")}</dt>
              <dd data-testid="trace-notes">{data.notes}</dd>
            </>
          ) : null}
        </dl>
        {data.product.handle ? (
          <p style={{ marginTop: "1rem" }}>
            <Link className="btn btn-primary" href={`/products/${data.product.handle}`} data-testid="trace-product-link">{t("viewProduct")}</Link>
          </p>
        ) : (
          <p className="hint" data-testid="trace-not-on-sale">{t("notOnSale")}</p>
        )}
      </div>
      <section className="section" aria-labelledby="trace-cert-title" style={{ paddingBottom: 0 }}>
        <h2 id="trace-cert-title">{t("certification")}</h2>
        <div className="form-grid two">
          {cert(data.certification_on_production_date, "trace-cert-production", t("onProductionDate"))}
          {cert(data.certification_today, "trace-cert-today", t("today"))}
        </div>
      </section>
    </div>
  )
}
