import { useTranslations } from "next-intl"
import type { ReactNode } from "react"
import { Link } from "@/i18n/navigation"

type StateProps = {
  title: string
  body?: ReactNode
  icon?: string
  children?: ReactNode
  testId?: string
  headingLevel?: 1 | 2
  role?: "status" | "alert"
}

export function StateMessage({ title, body, icon = "❀", children, testId, headingLevel = 2, role }: StateProps) {
  const H = headingLevel === 1 ? "h1" : "h2"
  return (
    <div className="state" data-testid={testId} role={role ?? (testId === "backend-down" ? "status" : undefined)}>
      <div className="state-ic" aria-hidden="true">{icon}</div>
      <H>{title}</H>
      {body ? <p>{body}</p> : null}
      {children}
    </div>
  )
}

/** Shown instead of a page's content when the backend cannot be reached. */
export function BackendDown({ headingLevel = 2 }: { headingLevel?: 1 | 2 }) {
  const t = useTranslations("errors")
  const c = useTranslations("common")
  return (
    <StateMessage title={t("backendDownTitle")} body={t("backendDownBody")} icon="☕" testId="backend-down" headingLevel={headingLevel}>
      <Link className="btn btn-outline" href="/">{c("backHome")}</Link>
    </StateMessage>
  )
}

export function EmptyState({ title, body, children }: { title: string; body?: ReactNode; children?: ReactNode }) {
  return (
    <StateMessage title={title} body={body} icon="○" testId="empty-state">
      {children}
    </StateMessage>
  )
}
