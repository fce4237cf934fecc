"use client"

import { Link, usePathname } from "@/i18n/navigation"

export function MainNav({ label, items }: { label: string; items: { href: string; label: string; testId: string }[] }) {
  const pathname = usePathname()
  const isCurrent = (href: string) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`))
  return (
    <nav className="main-nav" aria-label={label}>
      <div className="container">
        <ul>
          {items.map((i) => (
            <li key={i.href}>
              <Link href={i.href} data-testid={i.testId} aria-current={isCurrent(i.href) ? "page" : undefined}>
                {i.label}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  )
}
