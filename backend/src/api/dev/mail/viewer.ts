import fs from "node:fs/promises"
import path from "node:path"
import type { MedusaResponse } from "@medusajs/framework/http"
import { simpleParser, type ParsedMail } from "mailparser"
import { mailSettings, mailViewerEnabled } from "../../../modules/notification-mail/settings"

/** The local mail viewer: a page for the demo, never part of a deployment (see settings.ts). */
export function refuseUnlessEnabled(res: MedusaResponse): boolean {
  if (mailViewerEnabled()) return false
  res.status(404).json({ type: "not_found", message: "Not found" })
  return true
}

const ID = /^[\w.-]+$/

export async function listMessageIds(): Promise<string[]> {
  const dir = mailSettings().mailDir
  const names = await fs.readdir(dir).catch(() => [] as string[])
  return names.filter((n) => n.endsWith(".eml") && !n.startsWith(".")).map((n) => n.slice(0, -4)).sort().reverse()
}

/** The raw message and its parse, or null for an id that is not a file in the mail folder. */
export async function readMessage(id: string): Promise<{ raw: Buffer; mail: ParsedMail } | null> {
  if (!ID.test(id) || !(await listMessageIds()).includes(id)) return null
  const raw = await fs.readFile(path.join(mailSettings().mailDir, `${id}.eml`))
  return { raw, mail: await simpleParser(raw) }
}

export function escapeHtml(s: unknown): string {
  return (typeof s === "string" ? s : s === null || s === undefined ? "" : String(s as number | boolean)).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!)
}

export function sendPage(res: MedusaResponse, title: string, body: string) {
  res.setHeader("content-type", "text/html; charset=utf-8")
  // Our own templates only, but still: no scripts, images inline, nothing fetched.
  res.setHeader("content-security-policy", "default-src 'none'; img-src data:; style-src 'unsafe-inline'; frame-src 'self'")
  res.setHeader("cache-control", "no-store")
  res.send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:14px/1.5 system-ui,sans-serif;margin:24px;color:#1f1a24}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #e5e0ea;padding:6px 8px;text-align:left;vertical-align:top}a{color:#2e1245}
iframe{width:100%;height:75vh;border:1px solid #e5e0ea}</style></head><body>${body}</body></html>`)
}
