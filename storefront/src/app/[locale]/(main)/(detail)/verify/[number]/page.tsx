import type { Metadata } from "next"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { notFound } from "next/navigation"
import { CertificateStatus, shownStatus } from "@/components/certificate/CertificateStatus"
import { VerifyForm } from "@/components/certificate/VerifyForm"
import { BackendDown } from "@/components/common/States"
import { StarBadge } from "@/components/product/StarBadge"
import { Link } from "@/i18n/navigation"
import { getCertificate } from "@/lib/data/certificates"
import { getCertificateLots } from "@/lib/data/trace"
import { addressAsOf, currentAddress } from "@hue-ocop/backend/ocop-contract"
import { formatDate, toLocale } from "@/lib/util/locale"
import { localizedProduct } from "@/lib/util/ocop"

type Props = { params: Promise<{ locale: string; number: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale: raw, number } = await params
  const locale = toLocale(raw)
  const t = await getTranslations({ locale, namespace: "verify" })
  const n = decodeURIComponent(number)
  return {
    title: t("resultTitle", { number: n }),
    // Verification results change (expiry, revocation): keep them out of search indexes.
    robots: { index: false, follow: true },
  }
}

export default async function VerifyCertificate({ params }: Props) {
  const { locale: raw, number: rawNumber } = await params
  const locale = toLocale(raw)
  setRequestLocale(locale)
  const number = decodeURIComponent(rawNumber)
  const t = await getTranslations("verify")
  const p = await getTranslations("product")
  const a = await getTranslations("authority")
  const g = await getTranslations("groups")
  const s = await getTranslations("stars")
  const res = await getCertificate(number)
  if (!res.ok) {
    return (
      <div className="container">
        <BackendDown headingLevel={1} />
      </div>
    )
  }
  const cert = res.data
  if (!cert) notFound()
  const st = shownStatus(cert)
  const lots = await getCertificateLots(cert.certificate_number)
  // As issued (former commune, "tỉnh Thừa Thiên Huế" before 2025), and where that is now.
  const asIssued = cert.producer ? addressAsOf(cert.producer, cert.decision_date) : null
  const now = cert.producer ? currentAddress(cert.producer, locale) : null
  const product = cert.product ? localizedProduct(cert.product, locale) : null

  return (
    <div className="container section narrow" data-testid="verify-page">
      <p className="eyebrow">{t("title")}</p>
      <h1>
        {t("resultTitle", { number: "" })}
        <span className="cert-number" data-testid="certificate-number">{cert.certificate_number}</span>
      </h1>
      <CertificateStatus cert={cert} />
      {cert.is_demo ? <p className="alert alert-warn" data-testid="certificate-demo">{t("demo")}</p> : null}

      <div className="card verify-card">
        <dl className="dl">
          {product ? (
            <>
              <dt>{t("product")}</dt>
              <dd data-testid="certificate-product">
                {cert.product?.handle && cert.sellable !== false ? (
                  <Link href={`/products/${cert.product.handle}`}>{product.title}</Link>
                ) : (
                  product.title
                )}
              </dd>
            </>
          ) : null}
          {cert.producer ? (
            <>
              <dt>{t("producer")}</dt>
              <dd>
                <Link href={`/producers/${cert.producer.handle}`}>{cert.producer.legal_name}</Link>
                <span className="muted" data-testid="certificate-address"> — {asIssued}</span>
                {now && now !== asIssued ? <span className="muted" data-testid="certificate-address-now"> ({t("addressNow", { address: now })})</span> : null}
              </dd>
            </>
          ) : null}
          <dt>OCOP</dt>
          <dd>
            <StarBadge stars={cert.stars} potential={Boolean(cert.potential_five_star)} />
            {typeof cert.score === "number" ? <span className="muted" style={{ marginLeft: "0.5rem" }}>{s("score", { score: cert.score })}</span> : null}
          </dd>
          {cert.decision_number ? (
            <>
              <dt>{p("decision")}</dt>
              <dd>{p("decisionOn", { number: cert.decision_number, date: formatDate(cert.decision_date, locale) })}</dd>
            </>
          ) : null}
          {cert.issuing_authority ? (
            <>
              <dt>{p("issuer")}</dt>
              <dd>{cert.issuing_authority}{cert.authority_level ? ` (${a(cert.authority_level)})` : ""}</dd>
            </>
          ) : null}
          {cert.group_code ? (
            <>
              <dt>{p("group")}</dt>
              <dd>{g.has(cert.group_code) ? g(cert.group_code) : cert.group_code}{cert.subgroup ? ` — ${cert.subgroup}` : ""}</dd>
            </>
          ) : null}
          <dt>{t("validFrom")}</dt>
          <dd>{formatDate(cert.valid_from, locale)}</dd>
          <dt>{t("validUntil")}</dt>
          <dd data-testid="certificate-valid-until">{formatDate(cert.valid_until, locale)}</dd>
          {cert.geographical_indication ? (
            <>
              <dt>{p("geographicalIndication")}</dt>
              <dd>{cert.geographical_indication}</dd>
            </>
          ) : null}
          {cert.collective_trademark ? (
            <>
              <dt>{p("collectiveTrademark")}</dt>
              <dd>{cert.collective_trademark}</dd>
            </>
          ) : null}
        </dl>
        {cert.product && (st !== "active" || cert.sellable === false) ? <p className="hint" style={{ marginTop: "1rem" }}>{t("notForSale")}</p> : null}
        {cert.product?.handle && cert.sellable !== false && st === "active" ? (
          <p style={{ marginTop: "1rem" }}>
            <Link className="btn btn-primary" href={`/products/${cert.product.handle}`} data-testid="certificate-product-link">{t("viewProduct")}</Link>
          </p>
        ) : null}
      </div>

      {lots.length ? (
        <section aria-labelledby="lots-title" className="section" style={{ paddingBottom: 0 }}>
          <h2 id="lots-title">{t("lotsTitle")}</h2>
          <p className="muted">{t("lotsIntro")}</p>
          <ul data-testid="certificate-lots">
            {lots.map((l) => (
              <li key={l.id}>
                <a href={new URL(l.digital_link).pathname + new URL(l.digital_link).search}>{l.lot_number}</a>
                <span className="muted"> · {formatDate(l.production_date, locale)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {cert.events?.length ? (
        <section aria-labelledby="history-title" className="section" style={{ paddingBottom: 0 }}>
          <h2 id="history-title">{t("history")}</h2>
          <ol className="timeline" data-testid="certificate-history">
            {cert.events.map((e, i) => (
              <li key={i}>
                <time dateTime={e.occurred_at}>{formatDate(e.occurred_at, locale)}</time>
                <span className="ev-type">{e.type}</span>
                {e.from_stars !== null && e.from_stars !== undefined && e.to_stars !== null && e.to_stars !== undefined && e.from_stars !== e.to_stars ? (
                  <span> · {t("starsChange", { from: e.from_stars, to: e.to_stars })}</span>
                ) : null}
                {e.from_status && e.to_status && e.from_status !== e.to_status ? <span> · {t("statusChange", { from: e.from_status, to: e.to_status })}</span> : null}
                {e.reason ? <span className="muted"> — {e.reason}</span> : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <section className="section" style={{ paddingBottom: 0 }} aria-label={t("title")}>
        <VerifyForm locale={locale} />
      </section>
    </div>
  )
}
