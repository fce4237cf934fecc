import { getTranslations } from "next-intl/server"
import { setCountry } from "@/lib/data/region-actions"
import type { RegionContext } from "@/lib/data/regions"
import type { Locale } from "@/lib/util/locale"
import { countryName, shippingCountries } from "@/lib/util/region"

/** "Ship to" picker. A plain form + server action: works without JavaScript. */
export async function CountrySelector({ ctx, locale }: { ctx: RegionContext; locale: Locale }) {
  const t = await getTranslations("nav")
  const options = shippingCountries(ctx.regions).map(({ code, region }) => ({
    code,
    label: `${countryName(code, locale)} (${region.currency_code.toUpperCase()})`,
  }))
  if (!options.length) return null
  return (
    <form action={setCountry} className="country-form">
      <input type="hidden" name="locale" value={locale} />
      <label htmlFor="country-select">{t("country")}</label>
      {/* No auto-submit on change (WCAG 3.2.2): the shopper confirms with the button. */}
      <select id="country-select" name="country" defaultValue={ctx.country ?? ""} title={t("countryLabel")} data-testid="country-select">
        {options.map((o) => (
          <option key={o.code} value={o.code}>{o.label}</option>
        ))}
      </select>
      <button type="submit" data-testid="country-apply">{t("countryApply")}</button>
    </form>
  )
}
