import { getTranslations, setRequestLocale } from "next-intl/server"
import { BackendDown } from "@/components/common/States"
import { ProducerLoginForm, ProducerSignupForm } from "@/components/producer/AuthForms"
import { StateBadge } from "@/components/producer/Badges"
import { PortalFrame, StatusPanel } from "@/components/producer/PortalShell"
import { ApplyForm } from "@/components/producer/ProfileForms"
import styles from "@/components/producer/portal.module.css"
import { producerSession } from "@/components/producer/session"
import { Link } from "@/i18n/navigation"
import { listProducerOrders, listProducerProducts } from "@/lib/data/producer"
import { formatMoney } from "@/lib/util/money"
import { formatDate, toLocale } from "@/lib/util/locale"

type Props = { params: Promise<{ locale: string }> }

/** Start page: sign in / sign up, then the application, then the overview. */
export default async function ProducerHome({ params }: Props) {
  const locale = toLocale((await params).locale)
  setRequestLocale(locale)
  const t = await getTranslations("producer.portal")
  const session = await producerSession()

  if (session.state === "down") return <div className="container section"><BackendDown headingLevel={1} /></div>
  if (session.state === "anonymous") {
    return (
      <div className="container section" data-testid="portal-signin">
        <h1>{t("title")}</h1>
        <p className="lead">{t("auth.intro")}</p>
        <div className="auth-grid">
          <ProducerLoginForm />
          <ProducerSignupForm />
        </div>
      </div>
    )
  }
  if (session.state === "registered") {
    return (
      <div className="container section narrow" data-testid="portal-apply">
        <ApplyForm email={session.email} />
      </div>
    )
  }

  return (
    <PortalFrame locale={locale} current="dashboard">
      {async (me) => {
        const [products, orders] = await Promise.all([listProducerProducts(100), listProducerOrders(5)])
        const list = products?.products ?? []
        const live = list.filter((p) => p.state === "live").length
        const review = list.filter((p) => p.state === "awaiting_certification_review" || p.state === "awaiting_publication").length
        const toShip = (orders?.orders ?? []).filter((o) => o.shipping_status !== "shipped").length
        const name = [me.user.last_name, me.user.first_name].filter(Boolean).join(" ") || me.user.email
        return (
          <div data-testid="portal-dashboard">
            <h1>{t("dashboard.hello", { name })}</h1>
            <StatusPanel me={me} />
            <div className={styles.stats}>
              <div className={styles.stat}>
                <strong data-testid="stat-listings">{products?.count ?? 0}</strong>
                {t("dashboard.listings")}
              </div>
              <div className={styles.stat}>
                <strong data-testid="stat-live">{live}</strong>
                {t("dashboard.live")}
              </div>
              <div className={styles.stat}>
                <strong>{review}</strong>
                {t("dashboard.toReview")}
              </div>
              <div className={styles.stat}>
                <strong data-testid="stat-to-ship">{toShip}</strong>
                {t("dashboard.toShip")}
              </div>
            </div>
            {me.permissions.manage_listings ? (
              <p>
                <Link className="btn btn-primary" href="/producer/products/new" data-testid="dashboard-new-listing">
                  {list.length ? t("dashboard.newListing") : t("dashboard.createFirst")}
                </Link>
              </p>
            ) : null}
            <section className={styles.panel} aria-labelledby="recent-orders">
              <h2 id="recent-orders">{t("dashboard.recentOrders")}</h2>
              {orders?.orders.length ? (
                <ul className="stack">
                  {orders.orders.map((o) => (
                    <li key={o.id} className={styles.row}>
                      <Link href={`/producer/orders/${o.id}`}>{t("orders.order", { id: o.display_id })}</Link>
                      <span className="muted">{formatDate(o.created_at, locale)}</span>
                      <span>{formatMoney(o.subtotal, o.currency_code, locale)}</span>
                      <StateBadge state={o.payment_status} label={t(`orders.payment.${o.payment_status}`)} />
                      <StateBadge state={o.shipping_status} label={t(`orders.shipping.${o.shipping_status}`)} />
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">{t("dashboard.noOrders")}</p>
              )}
            </section>
          </div>
        )
      }}
    </PortalFrame>
  )
}
