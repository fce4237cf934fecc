import { getTranslations } from "next-intl/server"
import type { ReactNode } from "react"
import { Suspense } from "react"
import { BackendDown } from "@/components/common/States"
import { LocaleSwitcher } from "@/components/layout/LocaleSwitcher"
import { Link, redirect } from "@/i18n/navigation"
import { producerLogout, type ProducerMe } from "@/lib/data/producer"
import type { Locale } from "@/lib/util/locale"
import { StateBadge } from "./Badges"
import { PortalNav } from "./PortalNav"
import styles from "./portal.module.css"
import { producerSession } from "./session"

/** The portal's own header: back to the shop, language, sign out. */
export async function PortalHeader({ locale }: { locale: Locale }) {
  const t = await getTranslations("producer.portal")
  const session = await producerSession()
  return (
    <header className={styles.header}>
      <div className={`container ${styles.headerInner}`}>
        <Link href="/producer" className={styles.brand} data-testid="portal-home">
          <span aria-hidden="true">★</span>
          <span>{t("title")}</span>
        </Link>
        <div className={styles.headerTools}>
          <Link href="/">{t("nav.shop")}</Link>
          <Suspense fallback={null}>
            <LocaleSwitcher />
          </Suspense>
          {session.state === "member" || session.state === "registered" ? (
            <form action={producerLogout}>
              <input type="hidden" name="locale" value={locale} />
              <button type="submit" className="btn btn-ghost btn-sm" data-testid="portal-logout" style={{ color: "inherit" }}>
                {t("nav.logout")}
              </button>
            </form>
          ) : null}
        </div>
      </div>
    </header>
  )
}

export type PortalSection = "dashboard" | "products" | "orders" | "lots" | "earnings" | "profile" | "team"

/**
 * Frame of every signed-in page: the side navigation and the producer's status.
 * Anyone who is not a producer user is sent to the portal's start page.
 */
export async function PortalFrame({ locale, current, children }: { locale: Locale; current: PortalSection; children: (me: ProducerMe) => ReactNode | Promise<ReactNode> }) {
  const session = await producerSession()
  if (session.state === "down") return <div className="container section"><BackendDown headingLevel={1} /></div>
  if (session.state !== "member") redirect({ href: "/producer", locale })
  const me = session as ProducerMe
  const t = await getTranslations("producer.portal")
  return (
    <div className={`container ${styles.shell}`}>
      <div>
        <PortalNav current={current} showTeam label={t("nav.label")} />
        <p className="hint" style={{ marginTop: "1rem" }}>
          {me.producer.legal_name}
          <br />
          <StateBadge state={me.producer.status} label={t(`status.${me.producer.status}`)} testId="producer-status" />
        </p>
      </div>
      <div>{await children(me)}</div>
    </div>
  )
}

/** Why the producer cannot manage listings right now (pending, suspended, rejected). */
export async function StatusPanel({ me }: { me: ProducerMe }) {
  const t = await getTranslations("producer.portal.status")
  const s = me.producer.status
  const tone = s === "approved" ? "alert-ok" : s === "pending" ? "alert-info" : "alert-warn"
  return (
    <div className={`alert ${tone}`} role="status" data-testid="status-panel" data-status={s}>
      <strong>
        {t("label")}: {t(s)}
      </strong>
      <p style={{ margin: "0.35rem 0 0" }}>{t(`${s}Body`)}</p>
      {me.producer.status_reason && s !== "approved" ? <p style={{ margin: "0.35rem 0 0" }}>{t("reason", { reason: me.producer.status_reason })}</p> : null}
    </div>
  )
}
