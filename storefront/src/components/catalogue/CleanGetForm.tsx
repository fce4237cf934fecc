"use client"

import type { ReactNode } from "react"
import { useRouter } from "@/i18n/navigation"

/**
 * A GET form that navigates to a tidy URL (no empty fields, no default sort), so
 * shared links stay short. Without JavaScript it submits as a normal GET form.
 */
export function CleanGetForm({ action, path, defaultSort, children, ...rest }: { action: string; path: string; defaultSort: string; children: ReactNode; className?: string; "data-testid"?: string; "aria-label"?: string }) {
  const router = useRouter()
  return (
    <form
      method="get"
      action={action}
      {...rest}
      onSubmit={(e) => {
        e.preventDefault()
        const params = new URLSearchParams()
        for (const [k, v] of new FormData(e.currentTarget).entries()) {
          if (typeof v !== "string" || !v.trim()) continue
          if (k === "sort" && v === defaultSort) continue
          params.append(k, v.trim())
        }
        const qs = params.toString()
        router.push(qs ? `${path}?${qs}` : path)
      }}
    >
      {children}
    </form>
  )
}
