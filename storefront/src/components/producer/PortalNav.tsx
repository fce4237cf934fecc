"use client"

import { useTranslations } from "next-intl"
import { Link, usePathname } from "@/i18n/navigation"
import styles from "./portal.module.css"

const ITEMS = [
  { key: "dashboard", href: "/producer" },
  { key: "products", href: "/producer/products" },
  { key: "orders", href: "/producer/orders" },
  { key: "lots", href: "/producer/lots" },
  { key: "earnings", href: "/producer/earnings" },
  { key: "profile", href: "/producer/profile" },
  { key: "team", href: "/producer/team" },
] as const

export function PortalNav({ current, label, showTeam }: { current: string; label: string; showTeam?: boolean }) {
  const t = useTranslations("producer.portal.nav")
  const pathname = usePathname()
  return (
    <nav className={styles.nav} aria-label={label}>
      <ul>
        {ITEMS.filter((i) => showTeam || i.key !== "team").map((i) => (
          <li key={i.key}>
            <Link
              href={i.href}
              aria-current={i.key === current || pathname === i.href ? "page" : undefined}
              data-testid={`portal-nav-${i.key}`}
            >
              {t(i.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
