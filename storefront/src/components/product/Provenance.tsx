import { getTranslations } from "next-intl/server"
import { Link } from "@/i18n/navigation"
import type { Certification, Producer } from "@/lib/types"
import { formatDate, type Locale } from "@/lib/util/locale"
import { qrSvg } from "@/lib/util/qr"
import { siteUrl } from "@/lib/util/site"
import { currentAddress } from "@hue-ocop/backend/ocop-contract"
import { StarBadge } from "./StarBadge"

/** Where the product comes from and which certificate backs it, with a QR code to verify it. */
export async function Provenance({ cert, producer, locale }: { cert: Certification | null; producer: Producer | null | undefined; locale: Locale }) {
  const t = await getTranslations("product")
  const a = await getTranslations("authority")
  const g = await getTranslations("groups")
  const s = await getTranslations("stars")
  const verifyPath = cert ? `/verify/${encodeURIComponent(cert.certificate_number)}` : null
  const svg = verifyPath ? await qrSvg(`${siteUrl()}/${locale}${verifyPath}`, { size: 148 }) : null
  return (
    <section className="card provenance" aria-labelledby="provenance-title" data-testid="provenance">
      <div className="provenance-body">
        <h2 id="provenance-title">{t("provenance")}</h2>
        <dl className="dl">
          {producer ? (
            <>
              <dt>{t("producer")}</dt>
              <dd>
                <Link href={`/producers/${producer.handle}`} data-testid="provenance-producer">{producer.legal_name}</Link>
              </dd>
              <dt>{t("location")}</dt>
              <dd data-testid="provenance-location">
                {/* Today's ward/commune and city (2025 reform); the former district, as people still say it, beside. */}
                {currentAddress({ ...producer, street: null }, locale)}
                {producer.district ? <span className="muted"> · {producer.district}</span> : null}
              </dd>
            </>
          ) : null}
          {cert ? (
            <>
              <dt>{t("certificateNumber")}</dt>
              <dd>
                <span className="cert-number tabular" data-testid="certificate-number">{cert.certificate_number}</span>
                {cert.is_demo ? <span className="badge badge-demo" style={{ marginLeft: "0.5rem" }} title={t("demoNotice")}>{(await getTranslations("common"))("demo")}</span> : null}
              </dd>
              <dt>OCOP</dt>
              <dd>
                <StarBadge stars={cert.stars} potential={Boolean(cert.potential_five_star)} />
                {typeof cert.score === "number" ? <span className="muted" style={{ marginLeft: "0.5rem" }}>{s("score", { score: cert.score })}</span> : null}
              </dd>
              {cert.decision_number ? (
                <>
                  <dt>{t("decision")}</dt>
                  <dd data-testid="certificate-decision">{t("decisionOn", { number: cert.decision_number, date: formatDate(cert.decision_date, locale) })}</dd>
                </>
              ) : null}
              {cert.issuing_authority ? (
                <>
                  <dt>{t("issuer")}</dt>
                  <dd data-testid="certificate-issuer">
                    {cert.issuing_authority}
                    {cert.authority_level ? <span className="muted"> ({a(cert.authority_level)})</span> : null}
                  </dd>
                </>
              ) : null}
              <dt>{t("validUntil")}</dt>
              <dd data-testid="certificate-valid-until">{formatDate(cert.valid_until, locale)}</dd>
              {cert.group_code ? (
                <>
                  <dt>{t("group")}</dt>
                  <dd>{g.has(cert.group_code) ? g(cert.group_code) : cert.group_code}{cert.subgroup ? ` — ${cert.subgroup}` : ""}</dd>
                </>
              ) : null}
              {cert.geographical_indication ? (
                <>
                  <dt>{t("geographicalIndication")}</dt>
                  <dd data-testid="geographical-indication">{cert.geographical_indication}</dd>
                </>
              ) : null}
              {cert.collective_trademark ? (
                <>
                  <dt>{t("collectiveTrademark")}</dt>
                  <dd data-testid="collective-trademark">{cert.collective_trademark}</dd>
                </>
              ) : null}
            </>
          ) : (
            <>
              <dt>OCOP</dt>
              <dd>{t("noCertificate")}</dd>
            </>
          )}
        </dl>
        {cert?.is_demo ? <p className="hint" style={{ marginTop: "0.75rem" }}>{t("demoNotice")}</p> : null}
      </div>
      {cert && verifyPath ? (
        <div className="provenance-qr">
          {svg ? (
            <figure>
              <div className="qr" role="img" aria-label={t("qrAlt", { number: cert.certificate_number })} data-testid="certificate-qr" dangerouslySetInnerHTML={{ __html: svg }} />
              <figcaption>{t("qrCaption")}</figcaption>
            </figure>
          ) : null}
          <Link href={verifyPath} className="btn btn-outline btn-sm" data-testid="verify-link">{t("verifyLink")}</Link>
        </div>
      ) : null}
    </section>
  )
}
