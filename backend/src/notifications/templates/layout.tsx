import { Body, Container, Head, Hr, Html, Link, Preview, Section, Text } from "@react-email/components"
import type { ReactNode } from "react"
import type { MessageLocale } from "../format"
import type { MessageAddress } from "../types"

const BRAND = "#2e1245"

const FOOTER = {
  vi: {
    shop: "Chợ OCOP Huế — sản phẩm OCOP được chứng nhận của thành phố Huế",
    preferences: "Không muốn nhận loại thư này? Tắt trong trang tài khoản",
    unsubscribe: "Hủy nhận thư không thiết yếu",
  },
  en: {
    shop: "Huế OCOP Marketplace — certified OCOP products from Huế City",
    preferences: "Rather not get these? Turn them off in your account",
    unsubscribe: "Unsubscribe from non-essential mail",
  },
}

export const text = { fontSize: "14px", lineHeight: "22px", color: "#1f1a24", margin: "0 0 12px" }
export const muted = { ...text, color: "#6b6275", fontSize: "13px" }
export const heading = { fontSize: "20px", lineHeight: "28px", color: BRAND, margin: "0 0 16px" }
export const link = { color: BRAND, textDecoration: "underline" }
export const button = {
  display: "inline-block",
  backgroundColor: BRAND,
  color: "#ffffff",
  padding: "10px 18px",
  borderRadius: "6px",
  fontSize: "14px",
  textDecoration: "none",
}

/** The frame of every message: language attribute, preview line, brand header, footer. */
export function Layout(props: {
  locale: MessageLocale
  preview: string
  storefrontUrl: string
  /** Only non-essential messages pass it: order and security messages cannot be turned off. */
  preferencesUrl?: string | null
  /** The signed one-click unsubscribe URL (a GET shows a confirmation button). */
  unsubscribeUrl?: string | null
  children: ReactNode
}) {
  const f = FOOTER[props.locale]
  return (
    <Html lang={props.locale}>
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={{ backgroundColor: "#f6f3f8", fontFamily: "Helvetica, Arial, sans-serif", margin: 0, padding: "24px 0" }}>
        <Container style={{ backgroundColor: "#ffffff", borderRadius: "8px", padding: "24px", maxWidth: "600px" }}>
          <Section>
            <Link href={`${props.storefrontUrl}/${props.locale}`} style={{ ...link, fontWeight: "bold", fontSize: "16px", textDecoration: "none" }}>
              {props.locale === "vi" ? "Chợ OCOP Huế" : "Huế OCOP Marketplace"}
            </Link>
          </Section>
          <Hr />
          {props.children}
          <Hr />
          <Text style={muted}>{f.shop}</Text>
          {props.preferencesUrl ? (
            <Text style={muted}>
              <Link href={props.preferencesUrl} style={link}>
                {f.preferences}
              </Link>
            </Text>
          ) : null}
          {props.unsubscribeUrl ? (
            <Text style={muted}>
              <Link href={props.unsubscribeUrl} style={link}>
                {f.unsubscribe}
              </Link>
            </Text>
          ) : null}
        </Container>
      </Body>
    </Html>
  )
}

/** An address as lines, the way a Vietnamese envelope reads (name, street, commune/city, province). */
export function addressLines(address: MessageAddress | null | undefined): string[] {
  if (!address) return []
  const name = [address.last_name, address.first_name].filter(Boolean).join(" ")
  return [
    name,
    address.company,
    address.address_1,
    address.address_2,
    [address.city, address.province, address.postal_code].filter(Boolean).join(", "),
    address.country_code ? address.country_code.toUpperCase() : null,
    address.phone,
  ].filter((l): l is string => !!l && l.trim().length > 0)
}

export function Address({ address }: { address: MessageAddress | null | undefined }) {
  return (
    <Text style={text}>
      {addressLines(address).map((line, i) => (
        <span key={i}>
          {line}
          <br />
        </span>
      ))}
    </Text>
  )
}
