import path from "node:path"

/**
 * Where mail goes, from the environment (medusa-config.ts and the dev mail viewer read the same
 * rule): SMTP when SMTP_URL is set, otherwise `.eml` files in OCOP_MAIL_DIR.
 */
export function mailSettings(env: NodeJS.ProcessEnv = process.env) {
  const smtpUrl = env.SMTP_URL?.trim() || undefined
  return {
    smtpUrl,
    from: env.MAIL_FROM?.trim() || (smtpUrl ? undefined : "Chợ OCOP Huế <no-reply@ocop-hue.local>"),
    mailDir: path.resolve(env.OCOP_MAIL_DIR || ".data/mail"),
  }
}

/**
 * The local mail viewer (/dev/mail) shows every message kept in files, links and tokens
 * included, so it is served only when mail is kept in files AND the backend's public URL is
 * a loopback http address — the quick start and the test stack. `npm start` runs with
 * NODE_ENV=production on http://localhost, so NODE_ENV alone cannot tell a demo from a
 * deployment; a deployment always has a public (non-loopback) MEDUSA_BACKEND_URL.
 * OCOP_MAIL_VIEWER=off turns it off everywhere.
 */
export function mailViewerEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.OCOP_MAIL_VIEWER === "off") return false
  if (mailSettings(env).smtpUrl) return false
  try {
    const url = new URL(env.MEDUSA_BACKEND_URL || `http://localhost:${env.PORT || 9000}`)
    return url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname)
  } catch {
    return false
  }
}
