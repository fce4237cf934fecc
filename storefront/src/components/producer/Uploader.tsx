"use client"

import { useLocale, useTranslations } from "next-intl"
import { useId, useRef, useState } from "react"
import styles from "./portal.module.css"

async function upload(locale: string, files: FileList, purpose: "image" | "evidence"): Promise<string[]> {
  const form = new FormData()
  for (const f of Array.from(files)) form.append("files", f, f.name)
  const res = await fetch(`/${locale}/producer/uploads?purpose=${purpose}`, { method: "POST", body: form })
  const body = await res.json().catch(() => ({}))
  if (!res.ok) throw new Error(body?.message || `HTTP ${res.status}`)
  return (body.files ?? []).map((f: { url: string }) => f.url)
}

/**
 * Listing images: files go to Medusa's file module through the portal's upload
 * route; the resulting URLs are submitted with the form as hidden `images` fields.
 */
export function ImageUploader({ name = "images", initial = [], error }: { name?: string; initial?: string[]; error?: string }) {
  const t = useTranslations("producer.portal.listing")
  const locale = useLocale()
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  const [urls, setUrls] = useState<string[]>(initial)
  const [status, setStatus] = useState<{ kind: "idle" | "busy" | "error"; message?: string }>({ kind: "idle" })
  async function onChange() {
    const files = input.current?.files
    if (!files?.length) return
    setStatus({ kind: "busy" })
    try {
      const added = await upload(locale, files, "image")
      setUrls((u) => [...u, ...added].slice(0, 8))
      setStatus({ kind: "idle" })
    } catch (e) {
      setStatus({ kind: "error", message: (e as Error).message })
    } finally {
      if (input.current) input.current.value = ""
    }
  }
  return (
    <div className="field" data-testid="image-uploader">
      <label htmlFor={id}>{t("images")}</label>
      <input
        ref={input}
        id={id}
        type="file"
        accept="image/jpeg,image/png,image/webp,image/avif"
        multiple
        onChange={onChange}
        disabled={status.kind === "busy" || urls.length >= 8}
        aria-describedby={`${id}-hint ${id}-status`}
        data-testid="image-input"
      />
      <span id={`${id}-hint`} className="hint">
        {t("imagesHint")}
      </span>
      <p id={`${id}-status`} role="status" aria-live="polite" className={status.kind === "error" ? styles.fieldError : "hint"}>
        {status.kind === "busy" ? t("uploading") : status.kind === "error" ? t("uploadFailed", { message: status.message ?? "" }) : error ?? ""}
      </p>
      {urls.length ? (
        <ul className={styles.thumbs} data-testid="image-list">
          {urls.map((url, i) => (
            <li key={url + i}>
              <img src={url} alt={t("imageAlt", { n: i + 1 })} />
              <input type="hidden" name={name} value={url} />
              <button type="button" className="btn btn-ghost btn-sm" onClick={() => setUrls((u) => u.filter((_, j) => j !== i))} aria-label={t("removeImage", { n: i + 1 })}>
                ✕
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

/** One evidence document (PDF or image) for a certification: its URL is submitted as `evidence_url`. */
export function EvidenceUploader({ error }: { error?: string }) {
  const t = useTranslations("producer.portal.cert")
  const l = useTranslations("producer.portal.listing")
  const e = useTranslations("producer.portal.errors")
  const locale = useLocale()
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  const [url, setUrl] = useState<string>("")
  const [status, setStatus] = useState<{ kind: "idle" | "busy" | "error" | "done"; message?: string }>({ kind: "idle" })
  async function onChange() {
    const files = input.current?.files
    if (!files?.length) return
    setStatus({ kind: "busy" })
    try {
      const [uploaded] = await upload(locale, files, "evidence")
      setUrl(uploaded)
      setStatus({ kind: "done" })
    } catch (err) {
      setStatus({ kind: "error", message: (err as Error).message })
    }
  }
  const message =
    status.kind === "busy"
      ? l("uploading")
      : status.kind === "error"
        ? l("uploadFailed", { message: status.message ?? "" })
        : status.kind === "done"
          ? t("evidenceUploaded")
          : error
            ? error === "required" ? e("required") : error === "url" ? e("url") : error
            : ""
  return (
    <div className="field" data-testid="evidence-uploader">
      <label htmlFor={id}>
        {t("evidence")}
        <span aria-hidden="true"> *</span>
      </label>
      <input
        ref={input}
        id={id}
        type="file"
        accept="application/pdf,image/jpeg,image/png,image/webp,image/avif"
        onChange={onChange}
        aria-describedby={`${id}-hint ${id}-status`}
        aria-invalid={status.kind === "error" || (!url && !!error) ? true : undefined}
        data-testid="evidence-input"
      />
      <span id={`${id}-hint`} className="hint">
        {t("evidenceHint")}
      </span>
      <input type="hidden" name="evidence_url" value={url} />
      <p id={`${id}-status`} role="status" aria-live="polite" className={status.kind === "error" || (!url && error) ? styles.fieldError : "hint"}>
        {message}
        {url ? (
          <>
            {" "}
            <a href={url} target="_blank" rel="noreferrer">
              {t("evidenceLink")}
            </a>
          </>
        ) : null}
      </p>
    </div>
  )
}
