"use client"

import { useLocale, useTranslations } from "next-intl"
import { useEffect, useId, useRef, useState } from "react"
import { useRouter } from "@/i18n/navigation"

export type InstantHit = {
  id: string
  handle: string
  title: string
  meta: string | null
  thumbnail: string | null
  stars: number | null
  price: string | null
}

type State =
  | { status: "idle" }
  | { status: "loading"; q: string }
  | { status: "done"; q: string; hits: InstantHit[]; count: number }
  | { status: "error"; q: string }

/**
 * Header search with instant results (ARIA 1.2 combobox + listbox). Debounced,
 * cancels stale requests, keyboard: ↑/↓ to move, Enter to open, Esc to close.
 * Without JavaScript the form still submits to the catalogue page.
 */
export function SearchBox({ initialQuery = "" }: { initialQuery?: string }) {
  const t = useTranslations("search")
  const locale = useLocale()
  const router = useRouter()
  const [q, setQ] = useState(initialQuery)
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const [fetched, setState] = useState<State>({ status: "idle" })
  // Under two characters nothing is fetched: the panel is idle whatever an earlier term left behind.
  const state: State = q.trim().length < 2 ? { status: "idle" } : fetched
  const listId = useId()
  const inputId = useId()
  const boxRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const term = q.trim()
    if (term.length < 2) return
    const ctrl = new AbortController()
    const search = async () => {
      setState({ status: "loading", q: term })
      try {
        const res = await fetch(`/api/search?q=${encodeURIComponent(term)}&locale=${locale}`, { signal: ctrl.signal })
        if (!res.ok) throw new Error(String(res.status))
        const body = (await res.json()) as { hits: InstantHit[]; count: number }
        setState({ status: "done", q: term, hits: body.hits, count: body.count })
        setActive(-1)
      } catch (e) {
        if ((e as Error).name !== "AbortError") setState({ status: "error", q: term })
      }
    }
    const timer = setTimeout(() => void search(), 200)
    return () => {
      clearTimeout(timer)
      ctrl.abort()
    }
  }, [q, locale])

  useEffect(() => {
    function onDown(e: MouseEvent) {
      if (boxRef.current && !boxRef.current.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener("mousedown", onDown)
    return () => document.removeEventListener("mousedown", onDown)
  }, [])

  const hits = state.status === "done" ? state.hits : []
  const showPanel = open && q.trim().length >= 2 && state.status !== "idle"
  const optionId = (i: number) => `${listId}-opt-${i}`

  function go(handle: string) {
    setOpen(false)
    router.push(`/products/${handle}`)
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown") {
      e.preventDefault()
      setOpen(true)
      setActive((a) => (hits.length ? (a + 1) % hits.length : -1))
    } else if (e.key === "ArrowUp") {
      e.preventDefault()
      setActive((a) => (hits.length ? (a <= 0 ? hits.length - 1 : a - 1) : -1))
    } else if (e.key === "Escape") {
      if (open) {
        e.preventDefault()
        setOpen(false)
        setActive(-1)
      }
    } else if (e.key === "Enter" && open && active >= 0 && hits[active]) {
      e.preventDefault()
      go(hits[active].handle)
    }
  }

  return (
    <div className="search" ref={boxRef} role="search">
      <form
        action={`/${locale}/products`}
        method="get"
        onSubmit={(e) => {
          e.preventDefault()
          setOpen(false)
          const term = q.trim()
          router.push(term ? `/products?q=${encodeURIComponent(term)}` : "/products")
        }}
      >
        <label htmlFor={inputId} className="visually-hidden">{t("label")}</label>
        <input
          id={inputId}
          name="q"
          type="search"
          value={q}
          placeholder={t("placeholder")}
          autoComplete="off"
          spellCheck={false}
          data-testid="search-input"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={showPanel}
          aria-controls={listId}
          aria-activedescendant={showPanel && active >= 0 ? optionId(active) : undefined}
          onChange={(e) => {
            setQ(e.target.value)
            setOpen(true)
          }}
          onFocus={() => setOpen(true)}
          onKeyDown={onKeyDown}
        />
        <button type="submit" data-testid="search-submit">{t("submit")}</button>
      </form>
      <div className="search-panel" hidden={!showPanel} data-testid="search-panel">
        {state.status === "loading" && !hits.length ? <p className="search-status" role="status">…</p> : null}
        {state.status === "error" ? <p className="search-status" role="status">{t("error")}</p> : null}
        {state.status === "done" && !hits.length ? (
          <p className="search-status" role="status" data-testid="search-no-results">{t("noResults", { q: state.q })}</p>
        ) : null}
        <ul id={listId} role="listbox" aria-label={t("label")} hidden={!hits.length}>
          {hits.map((h, i) => (
            <li key={h.id} role="presentation">
              <a
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className="search-option"
                href={`/${locale}/products/${h.handle}`}
                data-testid="search-result"
                data-handle={h.handle}
                tabIndex={-1}
                onMouseEnter={() => setActive(i)}
                onClick={(e) => {
                  if (e.metaKey || e.ctrlKey || e.shiftKey) return
                  e.preventDefault()
                  go(h.handle)
                }}
              >
                {h.thumbnail ? <img src={h.thumbnail} alt="" width={48} height={48} /> : <span className="thumb-ph" aria-hidden="true" />}
                <span>
                  <span className="t">{h.title}</span>
                  <span className="s" style={{ display: "block" }}>
                    {h.stars ? `${"★".repeat(h.stars)} ` : ""}
                    {h.meta ?? ""}
                  </span>
                </span>
                {h.price ? <span className="p">{h.price}</span> : null}
              </a>
            </li>
          ))}
        </ul>
        {state.status === "done" && state.count > hits.length ? (
          <div className="search-footer">
            <a
              href={`/${locale}/products?q=${encodeURIComponent(state.q)}`}
              onClick={(e) => {
                e.preventDefault()
                setOpen(false)
                router.push(`/products?q=${encodeURIComponent(state.q)}`)
              }}
            >
              {t("seeAll", { count: state.count })}
            </a>
          </div>
        ) : null}
        <p className="visually-hidden" role="status" aria-live="polite">
          {state.status === "done" ? t("results", { count: state.count }) : ""}
        </p>
      </div>
    </div>
  )
}
