"use client"

import { useTranslations } from "next-intl"
import { useId, useState, type ChangeEvent, type FocusEvent, type FormEvent, type InputHTMLAttributes, type ReactNode } from "react"
import styles from "./portal.module.css"

type Base = {
  name: string
  label: ReactNode
  hint?: ReactNode
  /** An error from the server: a key of producer.portal.errors, or a backend message. */
  error?: string
  defaultValue?: string
  required?: boolean
  testId?: string
}

type InputProps = Base & {
  kind?: "input"
  type?: InputHTMLAttributes<HTMLInputElement>["type"]
  inputMode?: InputHTMLAttributes<HTMLInputElement>["inputMode"]
  autoComplete?: string
  min?: number
  max?: number
  step?: number | "any"
  minLength?: number
  maxLength?: number
  pattern?: string
  placeholder?: string
}
type TextareaProps = Base & { kind: "textarea"; maxLength?: number; rows?: number }
type SelectProps = Base & { kind: "select"; options: { value: string; label: string }[]; placeholder?: string }

export type FieldProps = InputProps | TextareaProps | SelectProps

const ERROR_KEYS = new Set([
  "required", "email", "url", "passwordLength", "vnd", "usd", "stock", "score", "stars", "variants", "unavailable", "number", "step", "tooLong",
])

/**
 * A labelled form control with inline validation: the browser's constraint
 * checks run when the field loses focus (and on submit), the message is tied to
 * the control with aria-describedby, and aria-invalid marks it for assistive tech.
 * Server-side errors passed in `error` are shown the same way.
 */
export function Field(props: FieldProps) {
  const t = useTranslations("producer.portal.errors")
  const id = useId()
  const [clientError, setClientError] = useState<string | null>(null)
  const [dirty, setDirty] = useState(false)
  const serverError = !dirty && props.error ? (ERROR_KEYS.has(props.error) ? t(props.error as any) : props.error) : null
  const message = clientError ?? serverError
  const errorId = `${id}-error`
  const hintId = `${id}-hint`
  const describedBy = [props.hint ? hintId : null, message ? errorId : null].filter(Boolean).join(" ") || undefined

  function check(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement) {
    const v = el.validity
    if (v.valid) return setClientError(null)
    if (v.valueMissing) return setClientError(t("required"))
    if (v.typeMismatch) return setClientError((el as HTMLInputElement).type === "email" ? t("email") : t("url"))
    if (v.rangeUnderflow) return setClientError(t("min", { min: (el as HTMLInputElement).min }))
    if (v.rangeOverflow) return setClientError(t("max", { max: (el as HTMLInputElement).max }))
    if (v.stepMismatch) return setClientError(t("step"))
    if (v.badInput) return setClientError(t("number"))
    if (v.patternMismatch) return setClientError(t("pattern"))
    if (v.tooShort) return setClientError(props.name.includes("password") ? t("passwordLength") : el.validationMessage)
    if (v.tooLong) return setClientError(t("tooLong"))
    setClientError(el.validationMessage)
  }
  const onBlur = (e: FocusEvent<any>) => check(e.currentTarget)
  const onInvalid = (e: FormEvent<any>) => {
    e.preventDefault() // our message instead of the browser bubble; the first invalid field still gets focus below
    check(e.currentTarget)
    const form = (e.currentTarget as HTMLInputElement).form
    const first = form?.querySelector<HTMLElement>(":invalid")
    if (first && first === e.currentTarget) first.focus()
  }
  const onChange = (e: ChangeEvent<any>) => {
    setDirty(true)
    if (clientError) check(e.currentTarget)
  }
  const common = {
    id,
    name: props.name,
    required: props.required,
    defaultValue: props.defaultValue,
    "aria-invalid": message ? true : undefined,
    "aria-describedby": describedBy,
    onBlur,
    onInvalid,
    onChange,
    "data-testid": props.testId,
  } as const

  let control: ReactNode
  if (props.kind === "textarea") {
    control = <textarea {...common} className={styles.textarea} maxLength={props.maxLength} rows={props.rows ?? 5} />
  } else if (props.kind === "select") {
    control = (
      <select {...common} className={styles.select}>
        <option value="">{props.placeholder ?? "—"}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    )
  } else {
    control = (
      <input
        {...common}
        className="input"
        type={props.type ?? "text"}
        inputMode={props.inputMode}
        autoComplete={props.autoComplete}
        min={props.min}
        max={props.max}
        step={props.step}
        minLength={props.minLength}
        maxLength={props.maxLength}
        pattern={props.pattern}
        placeholder={props.placeholder}
      />
    )
  }
  return (
    <div className="field">
      <label htmlFor={id}>
        {props.label}
        {props.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {control}
      {props.hint ? (
        <span id={hintId} className="hint">
          {props.hint}
        </span>
      ) : null}
      {message ? (
        <p id={errorId} className={styles.fieldError} data-testid={props.testId ? `${props.testId}-error` : undefined}>
          {message}
        </p>
      ) : null}
    </div>
  )
}

/** The form-level outcome: an error (role=alert) or a notice (role=status). */
export function FormMessage({ error, notice, testId }: { error?: string | null; notice?: ReactNode; testId?: string }) {
  const t = useTranslations("producer.portal.errors")
  if (error) {
    const text = error === "unavailable" ? t("unavailable") : error
    return (
      <p className="alert alert-error" role="alert" data-testid={testId ? `${testId}-error` : undefined}>
        {text}
      </p>
    )
  }
  if (notice) {
    return (
      <p className="alert alert-ok" role="status" data-testid={testId ? `${testId}-notice` : undefined}>
        {notice}
      </p>
    )
  }
  return null
}
