/**
 * The shared test backend's mail, as a recipient would read it: without SMTP_URL (as on the quick
 * start) the mail provider keeps every message as an .eml file in OCOP_MAIL_DIR, which
 * scripts/test.mjs sets for the backend and for the tests alike. Parsed with mailparser.
 */
import fs from "node:fs"
import path from "node:path"
import { simpleParser, type ParsedMail } from "mailparser"
import { until } from "./wait"

export const MAIL_DIR = process.env.OCOP_MAIL_DIR ?? ""

function recipients(mail: ParsedMail): string[] {
  const to = mail.to ? (Array.isArray(mail.to) ? mail.to : [mail.to]) : []
  return to.flatMap((a) => a.value.map((v) => (v.address ?? "").toLowerCase()))
}

/** Every kept message to `address` with `template` (X-OCOP-Template), oldest first. */
export async function mailsTo(address: string, template: string): Promise<ParsedMail[]> {
  if (!MAIL_DIR) throw new Error("OCOP_MAIL_DIR is not set: run through npm test")
  const names = fs.existsSync(MAIL_DIR) ? fs.readdirSync(MAIL_DIR).filter((n) => n.endsWith(".eml")).sort() : []
  const found: ParsedMail[] = []
  for (const name of names) {
    const raw = fs.readFileSync(path.join(MAIL_DIR, name))
    // Cheap filter before parsing: the header names the template, the address is in To.
    if (!raw.includes(template)) continue
    const mail = await simpleParser(raw, { skipImageLinks: true })
    if (mail.headers.get("x-ocop-template") === template && recipients(mail).includes(address.toLowerCase())) found.push(mail)
  }
  return found
}

/** Waits until `count` messages to `address` with `template` are kept, and returns the last one. */
export async function waitForMail(address: string, template: string, count = 1): Promise<ParsedMail> {
  const mails = await until(
    async () => {
      const m = await mailsTo(address, template)
      return m.length >= count ? m : null
    },
    { timeout: 30_000, what: `${count} ${template} mail(s) to ${address}` }
  )
  return mails[mails.length - 1]
}

/** The href of the first link in the HTML whose URL contains `needle`. */
export function linkIn(mail: ParsedMail, needle: string): string {
  const hrefs = [...String(mail.html || "").matchAll(/href="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, "&"))
  const href = hrefs.find((h) => h.includes(needle))
  if (!href) throw new Error(`no link containing ${needle} in "${mail.subject}": ${hrefs.join(" ")}`)
  return href
}
