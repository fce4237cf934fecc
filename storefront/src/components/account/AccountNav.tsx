import { getTranslations } from "next-intl/server"
import { Link } from "@/i18n/navigation"
import { logout } from "@/lib/data/customer-actions"

export async function AccountNav({ current, locale }: { current: "overview" | "orders" | "addresses"; locale: string }) {
  const t = await getTranslations("account")
  const items = [
    { key: "overview", href: "/account", label: t("overview") },
    { key: "orders", href: "/account/orders", label: t("orders") },
    { key: "addresses", href: "/account/addresses", label: t("addresses") },
  ] as const
  return (
    <nav className="account-nav" aria-label={t("title")}>
      <ul>
        {items.map((i) => (
          <li key={i.key}>
            <Link href={i.href} aria-current={current === i.key ? "page" : undefined} data-testid={`account-nav-${i.key}`}>{i.label}</Link>
          </li>
        ))}
        <li>
          <form action={logout}>
            <input type="hidden" name="locale" value={locale} />
            <button type="submit" className="link-button" data-testid="logout">{t("logout")}</button>
          </form>
        </li>
      </ul>
    </nav>
  )
}
