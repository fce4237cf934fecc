import type { HttpTypes } from "@medusajs/types"
import type { Metadata } from "next"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { CartSummary } from "@/components/cart/CartSummary"
import { AddressStep } from "@/components/checkout/AddressStep"
import { DeliveryStep } from "@/components/checkout/DeliveryStep"
import { PaymentStep } from "@/components/checkout/PaymentStep"
import { PlaceOrder } from "@/components/checkout/PlaceOrder"
import { EmptyState } from "@/components/common/States"
import { Link } from "@/i18n/navigation"
import { listPaymentProviders, listShippingOptions, retrieveCart } from "@/lib/data/cart"
import { retrieveCustomer } from "@/lib/data/customer"
import { getRegionContext } from "@/lib/data/regions"
import { toLineViews } from "@/lib/util/cart-lines"
import { checkoutProgress, type CheckoutStep } from "@/lib/util/checkout"
import { toLocale } from "@/lib/util/locale"
import { formatMoney } from "@/lib/util/money"
import { countryName } from "@/lib/util/region"

type Props = {
  params: Promise<{ locale: string }>
  searchParams: Promise<{ step?: string; payment_intent?: string; redirect_status?: string }>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: toLocale((await params).locale), namespace: "checkout" })
  return { title: t("title"), robots: { index: false } }
}

export default async function CheckoutPage({ params, searchParams }: Props) {
  const locale = toLocale((await params).locale)
  setRequestLocale(locale)
  const t = await getTranslations("checkout")
  const ct = await getTranslations("cart")
  const cart = await retrieveCart()
  if (!cart || !(cart.items ?? []).length) {
    return (
      <div className="container section">
        <EmptyState title={t("needItems")}>
          <Link className="btn btn-primary" href="/products">{ct("emptyCta")}</Link>
        </EmptyState>
      </div>
    )
  }
  const { step: requested, payment_intent: returnedIntent, redirect_status: redirectStatus } = await searchParams
  const progress = checkoutProgress(cart, requested)
  const [customer, shipping, providers, ctx] = await Promise.all([
    retrieveCustomer(),
    progress.addressDone ? listShippingOptions(cart.id) : Promise.resolve([] as HttpTypes.StoreCartShippingOption[]),
    progress.deliveryDone ? listPaymentProviders(cart.region_id ?? "") : Promise.resolve([] as HttpTypes.StorePaymentProvider[]),
    getRegionContext(locale),
  ])
  const countries = (cart.region?.countries ?? [])
    .map((c) => c.iso_2 ?? "")
    .filter(Boolean)
    .map((code) => ({ code, label: countryName(code, locale) }))
    .sort((a, b) => (a.code === "vn" ? -1 : b.code === "vn" ? 1 : a.label.localeCompare(b.label, locale)))
  const saved = customer?.addresses?.[0]
  const addr = cart.shipping_address ?? null
  const session = progress.session
  const stripeClientSecret = typeof session?.data?.client_secret === "string" ? session.data.client_secret : null
  // Back from Stripe's return_url (a payment method that left the page): only for this session's own intent.
  const returnedPaid = redirectStatus === "succeeded" && Boolean(returnedIntent) && session?.data?.id === returnedIntent
  const steps: { key: CheckoutStep; title: string }[] = [
    { key: "address", title: t("address") },
    { key: "delivery", title: t("delivery") },
    { key: "payment", title: t("payment") },
    { key: "review", title: t("review") },
  ]
  const done = { address: progress.addressDone, delivery: progress.deliveryDone, payment: progress.paymentDone, review: false }
  const summaryLine = (key: CheckoutStep) => {
    if (key === "address" && addr) return `${cart.email ?? ""} — ${[addr.last_name, addr.first_name].filter(Boolean).join(" ")}, ${[addr.address_1, addr.city, addr.country_code?.toUpperCase()].filter(Boolean).join(", ")}`
    if (key === "delivery") return (cart.shipping_methods ?? []).map((m) => `${m.name} (${formatMoney(m.amount, cart.currency_code, locale)})`).join(", ")
    if (key === "payment" && session) return t.has(session.provider_id as never) ? t(session.provider_id as never) : session.provider_id
    return ""
  }

  return (
    <div className="container section checkout" data-testid="checkout-page" data-step={progress.step}>
      <h1>{t("title")}</h1>
      <div className="checkout-layout">
        <ol className="checkout-steps">
          {steps.map((s, i) => {
            const current = progress.step === s.key
            return (
              <li key={s.key} className={`checkout-step${current ? " current" : ""}${done[s.key] ? " done" : ""}`} aria-current={current ? "step" : undefined} data-testid={`step-${s.key}`}>
                <div className="step-head">
                  <h2>
                    <span className="step-num" aria-hidden="true">{done[s.key] && !current ? "✓" : i + 1}</span>
                    <span className="visually-hidden">{t("step", { n: i + 1, total: steps.length })}: </span>
                    {s.title}
                  </h2>
                  {done[s.key] && !current && s.key !== "review" ? (
                    <Link href={`/checkout?step=${s.key}`} className="btn btn-ghost btn-sm" data-testid={`edit-${s.key}`} aria-label={`${t("edit")}: ${s.title}`}>{t("edit")}</Link>
                  ) : null}
                </div>
                {!current && done[s.key] ? <p className="muted step-summary">{summaryLine(s.key)}</p> : null}
                {current && s.key === "address" ? (
                  <AddressStep
                    email={cart.email ?? customer?.email ?? ""}
                    address={{
                      first_name: addr?.first_name ?? saved?.first_name ?? customer?.first_name,
                      last_name: addr?.last_name ?? saved?.last_name ?? customer?.last_name,
                      phone: addr?.phone ?? saved?.phone ?? customer?.phone,
                      address_1: addr?.address_1 ?? saved?.address_1,
                      address_2: addr?.address_2 ?? saved?.address_2,
                      city: addr?.city ?? saved?.city,
                      province: addr?.province ?? saved?.province,
                      postal_code: addr?.postal_code ?? saved?.postal_code,
                      country_code:
                        addr?.country_code ??
                        (saved?.country_code && countries.some((c) => c.code === saved.country_code) ? saved.country_code : null) ??
                        (countries.some((c) => c.code === ctx.country) ? ctx.country : null),
                    }}
                    countries={countries}
                  />
                ) : null}
                {current && s.key === "delivery" ? (
                  <DeliveryStep
                    options={shipping.map((o) => ({ id: o.id, name: o.name, amount: typeof o.amount === "number" ? o.amount : (o as { calculated_price?: { calculated_amount?: number } }).calculated_price?.calculated_amount ?? null }))}
                    selected={(cart.shipping_methods ?? [])[0]?.shipping_option_id ?? null}
                    currency={cart.currency_code}
                  />
                ) : null}
                {current && s.key === "payment" ? <PaymentStep providers={providers.map((p) => p.id)} selected={session?.provider_id ?? null} /> : null}
                {current && s.key === "review" ? (
                  <PlaceOrder
                    disabled={!progress.ready}
                    provider={session?.provider_id ?? null}
                    stripeClientSecret={stripeClientSecret}
                    returnedPaid={returnedPaid}
                    totalLabel={formatMoney(cart.total, cart.currency_code, locale)}
                  />
                ) : null}
              </li>
            )
          })}
        </ol>
        <aside className="card cart-aside" aria-labelledby="co-summary">
          <h2 id="co-summary">{t("orderSummary")}</h2>
          <ul className="mini-lines" role="list">
            {toLineViews(cart, locale).map((l) => (
              <li key={l.id}>
                <span>{l.title} <span className="muted">× {l.quantity}</span></span>
                <span className="tabular">{formatMoney(l.total, cart.currency_code, locale)}</span>
              </li>
            ))}
          </ul>
          <CartSummary cart={cart} />
        </aside>
      </div>
    </div>
  )
}
