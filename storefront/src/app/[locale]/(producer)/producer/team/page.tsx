import type { Metadata } from "next"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { PortalFrame } from "@/components/producer/PortalShell"
import { InviteForm } from "@/components/producer/TeamForms"
import styles from "@/components/producer/portal.module.css"
import { listProducerMembers, producerRemoveMember } from "@/lib/data/producer"
import { formatDate, toLocale } from "@/lib/util/locale"

type Props = { params: Promise<{ locale: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: toLocale((await params).locale), namespace: "producer.portal.team" })
  return { title: t("title") }
}

export default async function TeamPage({ params }: Props) {
  const locale = toLocale((await params).locale)
  setRequestLocale(locale)
  const t = await getTranslations("producer.portal.team")
  return (
    <PortalFrame locale={locale} current="team">
      {async (me) => {
        const team = await listProducerMembers()
        const owner = me.permissions.manage_members
        return (
          <div data-testid="portal-team">
            <h1>{t("title")}</h1>
            <p className="muted">{t("intro")}</p>
            <section className={styles.panel} aria-labelledby="members-title">
              <h2 id="members-title">{t("members")}</h2>
              <ul className="stack">
                {(team?.members ?? []).map((m) => (
                  <li key={m.id} className={styles.row}>
                    <span>{[m.last_name, m.first_name].filter(Boolean).join(" ") || m.email}</span>
                    <span className="muted">{m.email}</span>
                    <span className="badge">{m.role === "owner" ? t("owner") : t("member")}</span>
                    {owner && m.role !== "owner" ? (
                      <form action={producerRemoveMember}>
                        <input type="hidden" name="locale" value={locale} />
                        <input type="hidden" name="id" value={m.id} />
                        <button type="submit" className="btn btn-ghost btn-sm">{t("remove", { email: m.email })}</button>
                      </form>
                    ) : null}
                  </li>
                ))}
              </ul>
              {owner && team?.invites.length ? (
                <>
                  <h3>{t("pending")}</h3>
                  <ul className="stack">
                    {team.invites.map((i) => (
                      <li key={i.id} className={styles.row}>
                        <span>{i.email}</span>
                        <span className="muted">{t("expires", { date: formatDate(i.expires_at, locale) })}</span>
                        <form action={producerRemoveMember}>
                          <input type="hidden" name="locale" value={locale} />
                          <input type="hidden" name="id" value={i.id} />
                          <button type="submit" className="btn btn-ghost btn-sm">{t("remove", { email: i.email })}</button>
                        </form>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </section>
            <section className={styles.panel}>{owner ? <InviteForm /> : <p className="muted">{t("ownerOnly")}</p>}</section>
          </div>
        )
      }}
    </PortalFrame>
  )
}
