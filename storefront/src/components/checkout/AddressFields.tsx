import { useTranslations } from "next-intl"

export type AddressValues = Partial<Record<"first_name" | "last_name" | "phone" | "address_1" | "address_2" | "city" | "province" | "postal_code" | "country_code", string | null>>

/** Address inputs with labels and autocomplete tokens (WCAG 1.3.5). */
export function AddressFields({
  values = {},
  countries,
  prefix = "",
  invalid = [],
  errorId,
}: {
  values?: AddressValues
  countries: { code: string; label: string }[]
  prefix?: string
  /** Fields the server refused: marked aria-invalid and described by the form's error message (`errorId`). */
  invalid?: readonly string[]
  errorId?: string
}) {
  const t = useTranslations("checkout")
  const id = (k: string) => `${prefix}${k}`
  const v = (k: keyof AddressValues) => values[k] ?? ""
  const state = (k: keyof AddressValues) =>
    invalid.includes(k) ? { "aria-invalid": true as const, "aria-describedby": errorId } : {}
  return (
    <div className="form-grid two">
      <div className="field">
        <label htmlFor={id("last_name")}>{t("lastName")}</label>
        <input id={id("last_name")} name="last_name" {...state("last_name")} className="input" required autoComplete="family-name" defaultValue={v("last_name")} data-testid="address-last-name" />
      </div>
      <div className="field">
        <label htmlFor={id("first_name")}>{t("firstName")}</label>
        <input id={id("first_name")} name="first_name" {...state("first_name")} className="input" required autoComplete="given-name" defaultValue={v("first_name")} data-testid="address-first-name" />
      </div>
      <div className="field span-2">
        <label htmlFor={id("address_1")}>{t("address1")}</label>
        <input id={id("address_1")} name="address_1" {...state("address_1")} className="input" required autoComplete="address-line1" defaultValue={v("address_1")} data-testid="address-line1" />
      </div>
      <div className="field span-2">
        <label htmlFor={id("address_2")}>{t("address2")}</label>
        <input id={id("address_2")} name="address_2" {...state("address_2")} className="input" autoComplete="address-line2" defaultValue={v("address_2")} data-testid="address-line2" />
      </div>
      <div className="field">
        <label htmlFor={id("city")}>{t("city")}</label>
        <input id={id("city")} name="city" {...state("city")} className="input" required autoComplete="address-level2" defaultValue={v("city")} data-testid="address-city" />
      </div>
      <div className="field">
        <label htmlFor={id("province")}>{t("province")}</label>
        <input id={id("province")} name="province" {...state("province")} className="input" autoComplete="address-level1" defaultValue={v("province")} data-testid="address-province" />
      </div>
      <div className="field">
        <label htmlFor={id("postal_code")}>{t("postalCode")}</label>
        <input id={id("postal_code")} name="postal_code" {...state("postal_code")} className="input" autoComplete="postal-code" defaultValue={v("postal_code")} data-testid="address-postal-code" />
      </div>
      <div className="field">
        <label htmlFor={id("country_code")}>{t("country")}</label>
        <select id={id("country_code")} name="country_code" {...state("country_code")} className="select" required autoComplete="country" defaultValue={v("country_code") || countries[0]?.code} data-testid="address-country">
          {countries.map((c) => (
            <option key={c.code} value={c.code}>{c.label}</option>
          ))}
        </select>
      </div>
      <div className="field span-2">
        <label htmlFor={id("phone")}>{t("phone")}</label>
        <input id={id("phone")} name="phone" {...state("phone")} type="tel" className="input" autoComplete="tel" defaultValue={v("phone")} data-testid="address-phone" />
      </div>
    </div>
  )
}
