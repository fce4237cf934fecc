"use client"

import { useEffect, useRef, type ReactNode } from "react"

/**
 * Filters are open on wide screens and folded behind "Filters" on phones. The
 * server renders them open (usable without JavaScript); on a phone we fold them
 * once after hydration. Until then CSS hides their contents on phones (globals.css,
 * `.filters-toggle:not([data-ready])`), so folding moves nothing: unfolding after the
 * first paint pushed the whole grid down and cost the catalogue a CLS of 0.52
 * (bench/results/lighthouse.md). Without JavaScript the <noscript> style shows them.
 */
export function FiltersDisclosure({ summary, children, activeCount }: { summary: string; children: ReactNode; activeCount: number }) {
  const ref = useRef<HTMLDetailsElement>(null)
  useEffect(() => {
    if (ref.current && window.matchMedia("(max-width: 899px)").matches) ref.current.open = false
    ref.current?.setAttribute("data-ready", "")
  }, [])
  return (
    <details className="filters-toggle" open ref={ref} data-testid="filters-toggle">
      <summary>
        {summary}
        {activeCount ? <span className="cart-badge" style={{ marginLeft: "0.5rem" }}>{activeCount}</span> : null}
      </summary>
      <noscript>
        <style>{".filters-toggle:not([data-ready]) > * { display: revert !important; }"}</style>
      </noscript>
      {children}
    </details>
  )
}
