"use client"

import { useEffect, useRef, type ReactNode } from "react"

/**
 * Filters are open on wide screens and folded behind "Filters" on phones. The
 * server renders them open (usable without JavaScript); on a phone we fold them
 * once after hydration.
 */
export function FiltersDisclosure({ summary, children, activeCount }: { summary: string; children: ReactNode; activeCount: number }) {
  const ref = useRef<HTMLDetailsElement>(null)
  useEffect(() => {
    if (ref.current && window.matchMedia("(max-width: 899px)").matches) ref.current.open = false
  }, [])
  return (
    <details className="filters-toggle" open ref={ref} data-testid="filters-toggle">
      <summary>
        {summary}
        {activeCount ? <span className="cart-badge" style={{ marginLeft: "0.5rem" }}>{activeCount}</span> : null}
      </summary>
      {children}
    </details>
  )
}
