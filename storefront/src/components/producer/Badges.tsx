import styles from "./portal.module.css"

/** A coloured, text-labelled state pill (colour is never the only signal). */
export function StateBadge({ state, label, testId }: { state: string; label: string; testId?: string }) {
  return (
    <span className={`${styles.stateBadge} ${styles[`state_${state}`] ?? ""}`} data-testid={testId} data-state={state}>
      {label}
    </span>
  )
}
