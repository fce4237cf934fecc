import type { Metadata } from "next"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { StateBadge } from "@/components/producer/Badges"
import { BankAccountForm } from "@/components/producer/EarningsForms"
import { PortalFrame } from "@/components/producer/PortalShell"
import { getProducerBankAccount, getProducerEarnings, listProducerPayouts } from "@/lib/data/producer"
import { formatDate, toLocale } from "@/lib/util/locale"
import { formatMoney, isZeroDecimal } from "@/lib/util/money"

type Props = { params: Promise<{ locale: string }> }

/** The API sends integer minor units (whole đồng, cents). */
const money = (minor: number, currency: string, locale: string) => formatMoney(isZeroDecimal(currency) ? minor : minor / 100, currency, locale)

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: toLocale((await params).locale), namespace: "producer.portal.earnings" })
  return { title: t("title") }
}

export default async function ProducerEarnings({ params }: Props) {
  const locale = toLocale((await params).locale)
  setRequestLocale(locale)
  const t = await getTranslations("producer.portal")
  return (
    <PortalFrame locale={locale} current="earnings">
      {async () => {
        const [earnings, payouts, bank] = await Promise.all([getProducerEarnings(), listProducerPayouts(), getProducerBankAccount()])
        if (!earnings || !payouts || !bank) return <p className="alert alert-error" role="alert">{t("errors.unavailable")}</p>
        const next = earnings.next_payout
        return (
          <div data-testid="portal-earnings">
            <h1>{t("earnings.title")}</h1>
            <p className="muted">{t("earnings.intro")}</p>

            <section aria-labelledby="next-payout">
              <h2 id="next-payout">{t("earnings.nextPayout")}</h2>
              {next ? (
                <p data-testid="next-payout">
                  <strong className="tabular">{money(next.amount, next.currency_code, locale)}</strong> — {next.reference} ({formatDate(next.created_at, locale)})
                </p>
              ) : (
                <p className="muted">{t("earnings.noNextPayout")}</p>
              )}
            </section>

            <section aria-labelledby="by-month">
              <h2 id="by-month">{t("earnings.byMonth")}</h2>
              {!earnings.months.length ? (
                <p className="muted" data-testid="no-earnings">{t("earnings.empty")}</p>
              ) : (
                <div className="table-wrap">
                  <table className="table" data-testid="earnings-table">
                    <thead>
                      <tr>
                        <th scope="col">{t("earnings.month")}</th>
                        <th scope="col">{t("earnings.gross")}</th>
                        <th scope="col">{t("earnings.commission")}</th>
                        <th scope="col">{t("earnings.net")}</th>
                        <th scope="col">{t("earnings.pending")}</th>
                        <th scope="col">{t("earnings.payable")}</th>
                        <th scope="col">{t("earnings.paid")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {earnings.months.map((m) => (
                        <tr key={`${m.month}${m.currency_code}`} data-testid="earnings-row">
                          <td>{m.month}</td>
                          <td className="tabular">{money(m.gross, m.currency_code, locale)}</td>
                          <td className="tabular">{money(m.commission, m.currency_code, locale)}</td>
                          <td className="tabular">{money(m.net, m.currency_code, locale)}</td>
                          <td className="tabular">{money(m.pending, m.currency_code, locale)}</td>
                          <td className="tabular">{money(m.payable + m.in_payout, m.currency_code, locale)}</td>
                          <td className="tabular">{money(m.paid, m.currency_code, locale)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              <p className="hint">{t("earnings.legend")}</p>
            </section>

            <section aria-labelledby="payouts">
              <h2 id="payouts">{t("earnings.payouts")}</h2>
              {!payouts.payouts.length ? (
                <p className="muted">{t("earnings.noPayouts")}</p>
              ) : (
                <div className="table-wrap">
                  <table className="table" data-testid="payout-table">
                    <thead>
                      <tr>
                        <th scope="col">{t("earnings.date")}</th>
                        <th scope="col">{t("earnings.reference")}</th>
                        <th scope="col">{t("earnings.amount")}</th>
                        <th scope="col">{t("earnings.status")}</th>
                        <th scope="col">{t("earnings.statement")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {payouts.payouts.map((p) => (
                        <tr key={p.id} data-testid="payout-row">
                          <td>{formatDate(p.created_at, locale)}</td>
                          <td>{p.reference}</td>
                          <td className="tabular">{money(p.amount, p.currency_code, locale)}</td>
                          <td>
                            <StateBadge state={p.status} label={t(`earnings.payoutStatus.${p.status}`)} testId="payout-status" />
                            {p.bank_reference ? ` ${p.bank_reference}` : ""}
                          </td>
                          <td>
                            <a href={`/${locale}/producer/payouts/${p.id}/statement?format=html`} target="_blank" rel="noopener noreferrer" data-testid="statement-html">
                              {t("earnings.statementPage")}
                            </a>
                            {" · "}
                            <a href={`/${locale}/producer/payouts/${p.id}/statement?format=csv`} download data-testid="statement-csv">
                              CSV
                            </a>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>

            <section>
              {bank.bank_account && (
                <p data-testid="bank-status">
                  <StateBadge state={bank.bank_account.status} label={t(`earnings.bankStatus.${bank.bank_account.status}`)} testId="bank-verification" />
                </p>
              )}
              <BankAccountForm account={bank.bank_account} banks={bank.banks} />
            </section>
          </div>
        )
      }}
    </PortalFrame>
  )
}
